// Deleting a client leaves none of their words in the SQLite file or its WAL, not even in free pages.
// PostgreSQL keeps dead rows until VACUUM: the README says what an operator runs.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

// Words that appear nowhere else, one per kind of free text the client or therapist wrote.
const WORDS = {
  lastName: 'Quillfeather',
  complaintNotes: 'zorbanite headaches since the fall',
  cautionNotes: 'takes flomexin daily',
  sessionNotes: 'trigger point near the plimsworth line',
  question: 'Is the grobbleton stretch safe after running?',
  checkIn: 'felt the yarrowby pull ease',
};

describeEachDatabase('Deleting a client erases their text', (database, dialect) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  const fileBytes = () => {
    const file = database().url.replace(/^file:/, '');
    const read = (path: string) => {
      try {
        return readFileSync(path);
      } catch {
        return Buffer.alloc(0);
      }
    };
    return Buffer.concat([read(file), read(`${file}-wal`)]);
  };

  it('from the database file and the WAL (SQLite), and from every row (both)', async () => {
    const call = as(app.http, owner);
    const { client, homework, token } = await clientWithHomework(app.http, owner, {
      client: {
        lastName: WORDS.lastName,
        intake: {
          complaints: ['headaches'],
          tools: ['tennis-ball'],
          complaintNotes: WORDS.complaintNotes,
          cautionNotes: WORDS.cautionNotes,
        },
      },
    });
    await recordSession(app.http, owner, client.id, { date: '2026-03-03', notes: WORDS.sessionNotes });
    const asked = await app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/questions`, payload: { text: WORDS.question } });
    expect(asked.statusCode).toBe(201);
    const checked = await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/checkins`,
      payload: { homeworkId: homework[0]!.id, done: true, note: WORDS.checkIn },
    });
    expect(checked.statusCode).toBeLessThan(300);
    // The client's page, kept ready with the question and the note in it (decision 024), must go too.
    expect((await app.http.inject({ method: 'GET', url: `/c/${token}` })).statusCode).toBe(200);
    expect(await database().db.selectFrom('client_page_snapshots').select('token_hash').execute()).toHaveLength(1);
    if (dialect === 'sqlite') {
      const before = fileBytes().toString('latin1');
      expect(Object.values(WORDS).filter((w) => before.includes(w)).length).toBeGreaterThan(0);
    }

    const removed = await call({ method: 'DELETE', url: `/api/v1/clients/${client.id}` });
    expect(removed.statusCode).toBe(200);

    expect(await database().db.selectFrom('client_page_snapshots').select('token_hash').execute()).toEqual([]);
    const rows = JSON.stringify(await database().db.selectFrom('clients').selectAll().execute());
    for (const word of Object.values(WORDS)) expect(rows).not.toContain(word);
    if (dialect === 'sqlite') {
      const after = fileBytes().toString('latin1');
      expect(Object.values(WORDS).filter((w) => after.includes(w))).toEqual([]);
    }
  });
});
