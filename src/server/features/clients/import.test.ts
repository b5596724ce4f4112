import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { clientsCsv } from '../../../../tests/helpers/csv.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('CSV import and export', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());
  const call = () => as(app.http, owner);
  const count = async () =>
    Number(
      (
        await database()
          .db.selectFrom('clients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('practice_id', '=', owner.practiceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports 5,000 rows with 20 bad ones: 4,980 clients, 20 errors with row and reason; re-importing adds none', {
    timeout: 120_000,
  }, async () => {
    const bad = new Set(Array.from({ length: 20 }, (_, i) => 17 + i * 241));
    const csv = clientsCsv(5000, bad);
    const preview = await call()({ method: 'POST', url: '/api/v1/clients/import/preview', payload: { csv } });
    expect(preview.json()).toMatchObject({
      rowCount: 5000,
      mapping: { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Mobile Phone', notes: 'Notes' },
    });
    const mapping = preview.json().mapping;

    const first = await call()({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } });
    expect(first.statusCode).toBe(200);
    const result = first.json();
    expect(result).toMatchObject({ total: 5000, created: 4980, updated: 0, unchanged: 0 });
    expect(result.errors).toHaveLength(20);
    // Row numbers are the lines a spreadsheet shows: the header is row 1.
    expect(result.errors[0]).toEqual({ row: 19, reason: 'No name' });
    expect(result.errors[1]).toEqual({ row: 260, reason: 'Email "not-an-email-258" is not an email address' });
    expect(result.errors.map((e: { row: number }) => e.row)).toEqual([...bad].map((i) => i + 2));
    expect(result.errors.every((e: { reason: string }) => /No name|not an email address/.test(e.reason))).toBe(true);
    expect(await count()).toBe(4980);

    const again = (await call()({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } })).json();
    expect(again).toMatchObject({ created: 0, unchanged: 4980 });
    expect(await count()).toBe(4980);
  });

  it('refuses a file that is not CSV, is empty, or has no name column, with one clear message and nothing imported', async () => {
    const before = await count();
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['\u0000\u0001PK\u0003\u0004binary', /not a CSV/],
      ['Email,Phone\na@example.com,555 1234\n', /No name column/],
    ];
    for (const [csv, message] of cases) {
      const res = await call()({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping: { email: 'Email' } } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const unknownColumn = await call()({
      method: 'POST',
      url: '/api/v1/clients/import',
      payload: { csv: 'Name\nAda\n', mapping: { fullName: 'Full Name' } },
    });
    expect(unknownColumn.json().error.fields).toHaveProperty('mapping.fullName');
    expect(await count()).toBe(before);
  });

  it('matches booking-tool headers like "E-mail" and "Client Name", and exports CSV safe to open in a spreadsheet', async () => {
    const csv = 'Client Name,E-mail,Cell\nAda Lovelace,ada@example.com,555 0100\n"=HYPERLINK(""x"")",formula@example.com,\n';
    const preview = (await call()({ method: 'POST', url: '/api/v1/clients/import/preview', payload: { csv } })).json();
    expect(preview.mapping).toEqual({ fullName: 'Client Name', email: 'E-mail', phone: 'Cell' });
    await call()({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping: preview.mapping } });
    const exported = await call()({ method: 'GET', url: '/api/v1/clients/export.csv' });
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('Ada,Lovelace,ada@example.com');
    expect(exported.body).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
