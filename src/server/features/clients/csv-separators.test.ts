import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient } from '../../../../tests/helpers/factories.js';
import { as, signUp } from '../../../../tests/helpers/session.js';
import { csvCell } from '../../../shared/csv.js';

// A spreadsheet set to a semicolon or tab locale splits an unquoted cell at ; or tab, so what
// follows one must not start a formula either.
describeEachDatabase('CSV in every separator locale', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: testClock() });
  });
  afterAll(() => app.http.close());

  it('quotes a cell holding a semicolon or tab in the client export, so no locale splits it into a formula', async () => {
    const owner = await signUp(app.http);
    await createClient(app.http, owner, { firstName: 'Sam;=HYPERLINK("http://x")', lastName: 'Lee\t=1+1' });
    const res = await as(app.http, owner)({ method: 'GET', url: '/api/v1/clients/export.csv' });
    expect(res.statusCode).toBe(200);
    for (const delimiter of [',', ';', '\t']) {
      const cells = (parse(res.body, { delimiter, relax_column_count: true, relax_quotes: true, bom: true }) as string[][]).flat();
      expect(
        cells.filter((c) => /^[=+\-@]/.test(c)),
        `split at ${JSON.stringify(delimiter)}`,
      ).toEqual([]);
    }
  });

  it('guards and quotes one cell the same way everywhere', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('a;=cmd')).toBe('"a;\'=cmd"');
    expect(csvCell('a\t=cmd')).toBe('"a\t\'=cmd"');
    expect(csvCell('plain')).toBe('plain');
  });
});
