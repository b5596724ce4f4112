import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { type ClientFields, clientRow, withUniqueReferralCodes } from './clients.repository.js';

const fields = (firstName: string): ClientFields => ({
  firstName,
  lastName: 'Test',
  email: null,
  phone: null,
  consentToEmail: false,
  intake: { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [] } as never,
});

describeEachDatabase('share codes of new clients', (database) => {
  it('replaces a code already taken, or repeated among the new rows, before anything is inserted', async () => {
    const { db } = database();
    const now = '2026-11-27T10:00:00.000Z';
    await db
      .insertInto('practices')
      .values({
        id: 'p',
        name: 'P',
        timezone: 'UTC',
        paper_size: 'letter',
        homework_cap: 2,
        sender_name: null,
        reply_to: null,
        is_demo: 0,
        created_at: now,
      })
      .execute();
    const existing = clientRow('p', null, fields('Existing'), now);
    await db.insertInto('clients').values(existing).execute();
    const rows = [clientRow('p', null, fields('A'), now), clientRow('p', null, fields('B'), now), clientRow('p', null, fields('C'), now)];
    rows[0].referral_code = existing.referral_code;
    rows[2].referral_code = rows[1].referral_code;
    await withUniqueReferralCodes(db, rows);
    const codes = [existing, ...rows].map((r) => r.referral_code);
    expect(new Set(codes).size).toBe(4);
    await db.insertInto('clients').values(rows).execute();
    expect((await db.selectFrom('clients').select('id').execute()).length).toBe(4);
  });
});
