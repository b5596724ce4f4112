import { type KyselyPlugin, ValuesNode } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { clientsCsv } from '../../../../tests/helpers/csv.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';
import { IMPORT_MAX_BYTES, IMPORT_TOO_BIG } from '../../../shared/api/clients.js';

const mapping = { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Mobile Phone', notes: 'Notes' };

/** Fails every insert into clients once `after` rows have been inserted: a disk filling up mid-import. */
function failingInsertsAfter(after: number): KyselyPlugin {
  let rows = 0;
  return {
    transformQuery({ node }) {
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'clients') {
        const adding = node.values && ValuesNode.is(node.values) ? node.values.values.length : 1;
        if (rows + adding > after) throw new Error('disk full');
        rows += adding;
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

/** Calls `then` once, as the statement that inserts the client past the first `after` is prepared. */
function onInsertedClients(after: number, then: () => void): KyselyPlugin {
  let rows = 0;
  return {
    transformQuery({ node }) {
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'clients') {
        const before = rows;
        rows += node.values && ValuesNode.is(node.values) ? node.values.values.length : 1;
        if (before <= after && rows > after) then();
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

describeEachDatabase('CSV import and export', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());
  const call = () => as(app.http, owner);
  const count = async (practiceId = owner.practiceId) =>
    Number(
      (
        await database()
          .db.selectFrom('clients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('practice_id', '=', practiceId)
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

  it('saves a big file a few thousand rows per transaction: other requests are served meanwhile, a repeated email is still caught', {
    timeout: 120_000,
  }, async () => {
    const other = await signUp(app.http);
    // Row 12,002 repeats the email of row 7, saved in an earlier transaction.
    const csv = `${clientsCsv(12_000)}Again,Repeated,client5@example.com,,\n`;
    // A reader asks for the count once the import writes its 6,001st row, well inside its second
    // transaction (the first holds 5,000 rows and the end of a piece). One transaction for the whole
    // file made it wait for the end and see 12,000; now it is answered between two transactions.
    let askReader!: (count: Promise<number>) => void;
    const reader = new Promise<number>((resolve) => {
      askReader = resolve;
    });
    const watched = await buildTestApp({
      database: { ...database(), db: database().db.withPlugin(onInsertedClients(6000, () => askReader(count(other.practiceId)))) },
    });
    const importing = as(watched.http, other)({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } });
    const seen = await Promise.race([reader, importing.then(() => 'only after the import ended')]);
    expect(seen, 'the count a reader saw').toBeTypeOf('number');
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(12_000);
    const result = (await importing).json();
    await watched.http.close();
    expect(result).toMatchObject({ total: 12_001, created: 12_000, updated: 0, unchanged: 0 });
    expect(result.errors).toEqual([{ row: 12_002, reason: 'Same email as row 7' }]);
    expect(await count(other.practiceId)).toBe(12_000);
  });

  it('changes nothing when the file stops being CSV near its end, though the rows before it would fill transactions', async () => {
    const other = await signUp(app.http);
    const csv = `${clientsCsv(8000)}Broken,"Quote,broken@example.com,,\n`;
    const res = await as(app.http, other)({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/could not be read as CSV/);
    expect(await count(other.practiceId)).toBe(0);
  });

  it('says how far an import got when a transaction fails after others were saved; importing the file again finishes it', {
    timeout: 120_000,
  }, async () => {
    const other = await signUp(app.http);
    const failing = await buildTestApp({ database: { ...database(), db: database().db.withPlugin(failingInsertsAfter(6000)) } });
    const csv = clientsCsv(8000);
    const stopped = await as(failing.http, other)({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } });
    await failing.http.close();
    expect(stopped.statusCode).toBe(500);
    const saved = await count(other.practiceId);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(6000);
    expect(stopped.json().error.message).toMatch(
      new RegExp(`^The import stopped at row ${saved + 2}, after adding ${saved} and updating 0 clients\\. Import the same file again`),
    );
    const log = (await as(app.http, other)({ method: 'GET', url: '/api/v1/audit' })).json();
    expect(JSON.stringify(log)).toContain(`imported ${saved} new and updated 0 clients from CSV before it stopped at row ${saved + 2}`);

    const again = (await as(app.http, other)({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } })).json();
    expect(again).toMatchObject({ total: 8000, created: 8000 - saved, unchanged: saved, errors: [] });
    expect(await count(other.practiceId)).toBe(8000);
  });

  it("lets a therapist's import update their own clients and refuses a colleague's, in any transaction", { timeout: 60_000 }, async () => {
    const email = `import-t-${Math.random().toString(36).slice(2)}@example.com`;
    await call()({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
    await app.jobs.runDue();
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    const therapist = sessionFrom(
      await app.http.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: /token=([\w-]+)/.exec(mail.text_body)?.[1], name: 'T', password: 'therapist password' },
      }),
    );
    const mine = await createClient(app.http, therapist, { firstName: 'Mine' });
    const colleagues = await createClient(app.http, owner, { firstName: 'Colleagues' });
    // Emails of their own, apart from the owner's clients imported above; theirs and a colleague's past the first transaction.
    const lines = clientsCsv(6000).replaceAll('@example.com', '@therapist.example.com').trim().split('\n');
    lines.splice(5500, 0, `Renamed,Mine,${mine.email},,`, `Renamed,Theirs,${colleagues.email},,`);
    const csv = lines.join('\n');
    const result = (await as(app.http, therapist)({ method: 'POST', url: '/api/v1/clients/import', payload: { csv, mapping } })).json();
    expect(result).toMatchObject({ total: 6002, created: 6000, updated: 1, unchanged: 0 });
    expect(result.errors).toEqual([{ row: 5502, reason: 'Another client in your practice already has this email' }]);
    const theirs = (await call()({ method: 'GET', url: `/api/v1/clients/${colleagues.id}` })).json();
    expect(theirs.firstName).toBe('Colleagues');
    expect((await as(app.http, therapist)({ method: 'GET', url: `/api/v1/clients/${mine.id}` })).json().lastName).toBe('Mine');
  });

  it('refuses a file over the limit with a 4xx naming the limit, before or after reading it', async () => {
    expect(IMPORT_TOO_BIG).toMatch(new RegExp(`over ${IMPORT_MAX_BYTES / 1024 / 1024} MB`));
    const justOver = await call()({
      method: 'POST',
      url: '/api/v1/clients/import/preview',
      payload: { csv: `Name\n${'x'.repeat(IMPORT_MAX_BYTES)}` },
    });
    expect(justOver.statusCode).toBe(400);
    expect(justOver.json().error.fields.csv).toBe(IMPORT_TOO_BIG);
    const farOver = await call()({
      method: 'POST',
      url: '/api/v1/clients/import',
      headers: { 'content-type': 'application/json', 'content-length': String(IMPORT_MAX_BYTES * 3) },
      payload: '{}',
    });
    expect(farOver.statusCode).toBe(413);
    expect(farOver.json().error.message).toBe(IMPORT_TOO_BIG);
  });
});
