import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { queueEmail } from './outbox.js';

// Decision 027: a mail whose stored attachments do not read will not read on a later try either.
describeEachDatabase('A queued mail whose stored attachments do not read', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
  });
  afterAll(() => app.http.close());

  it('is marked failed at its first try, with the reason, and not tried again', async () => {
    const { db } = database();
    const id = await db.transaction().execute((trx) =>
      queueEmail(trx, app.clock, {
        practiceId: null,
        to: 'client@example.com',
        fromName: 'Calm Hands',
        subject: 'Your homework',
        text: 'Your homework is on your page.',
        attachments: [{ filename: 'homework.pdf', contentType: 'application/pdf', storageKey: 'nowhere/homework.pdf' }],
      }),
    );
    await db.updateTable('emails').set({ attachments: '[{"filename":"homework.pdf"}]' }).where('id', '=', id).execute();
    expect(await app.jobs.runDue()).toBe(1);
    const mail = await db.selectFrom('emails').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ status: 'failed', attempts: 1 });
    expect(mail.last_error).toMatch(/mail attachments.*contentType/);
    const job = await db.selectFrom('jobs').select('status').where('kind', '=', 'deliver-email').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
  });
});
