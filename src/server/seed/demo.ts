import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { hashPassword } from '../features/auth/passwords.js';

export const DEMO_LOGIN = { email: 'demo@carryover.localhost', password: 'carryover-demo' } as const;

/**
 * Seeds a clearly labelled demo practice when the database has no practice at all.
 * Returns true when it seeded.
 */
export async function seedDemoIfEmpty(db: Db, clock: Clock): Promise<boolean> {
  const any = await db.selectFrom('practices').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const now = clock.now().toISOString();
  const practiceId = randomUUID();
  const [ownerHash, therapistHash] = await Promise.all([hashPassword(DEMO_LOGIN.password), hashPassword(DEMO_LOGIN.password)]);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('practices')
      .values({
        id: practiceId,
        name: 'Harbour Street Massage (demo)',
        timezone: 'America/New_York',
        paper_size: 'letter',
        homework_cap: 2,
        sender_name: 'Harbour Street Massage',
        reply_to: DEMO_LOGIN.email,
        is_demo: 1,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('members')
      .values([
        {
          id: randomUUID(),
          practice_id: practiceId,
          email: DEMO_LOGIN.email,
          name: 'Demo Owner',
          password_hash: ownerHash,
          role: 'owner',
          created_at: now,
        },
        {
          id: randomUUID(),
          practice_id: practiceId,
          email: 'therapist@carryover.localhost',
          name: 'Demo Therapist',
          password_hash: therapistHash,
          role: 'therapist',
          created_at: now,
        },
      ])
      .execute();
  });
  return true;
}
