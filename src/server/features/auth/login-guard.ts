import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { queueEmail } from '../../email/outbox.js';
import { AppError } from '../../http/errors.js';
import { accountLockedEmail } from './auth.emails.js';

/**
 * Sign-in limits kept in the database (login_failures), so every instance and a restart see them:
 * per account, a few free tries, then waits that double, then a lock with an email to the account's
 * owner; per address, a cap across all accounts (one address guessing many accounts).
 */
export const LOGIN_LIMITS = {
  freeTries: 5,
  lockAfter: 10,
  lockMinutes: 15,
  /** Failures older than this are forgotten; a successful sign-in or a password reset forgets them at once. */
  windowMinutes: 60,
  perAddress: { max: 30, minutes: 15 },
} as const;

const MINUTE = 60_000;

/** How long this account must wait after `failures` wrong passwords, the last at `lastAt`. */
export function accountWaitMs(failures: number): number {
  if (failures >= LOGIN_LIMITS.lockAfter) return LOGIN_LIMITS.lockMinutes * MINUTE;
  if (failures >= LOGIN_LIMITS.freeTries) return 2 ** (failures - LOGIN_LIMITS.freeTries) * 1000;
  return 0;
}

async function failuresOf(db: Db, memberId: string, since: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('at').as('last')])
    .where('member_id', '=', memberId)
    .where('at', '>', since)
    .executeTakeFirst();
  return { n: Number(row?.n ?? 0), last: row?.last ?? null };
}

function tooMany(reply: FastifyReply, waitMs: number, code: string, message: string): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  reply.header('retry-after', String(seconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(429, code, `${message} Wait ${wait} and try again, or reset your password.`);
}

/** Before the password is checked: refuses an address past its cap, and an account that must wait or is locked. */
export async function checkLoginAllowed(o: { db: Db; clock: Clock; reply: FastifyReply; address: string; memberId: string | null }) {
  const now = o.clock.now().getTime();
  const addressSince = new Date(now - LOGIN_LIMITS.perAddress.minutes * MINUTE).toISOString();
  const fromAddress = await o.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('address', '=', o.address)
    .where('at', '>', addressSince)
    .executeTakeFirst();
  if (Number(fromAddress?.n ?? 0) >= LOGIN_LIMITS.perAddress.max)
    throw tooMany(o.reply, LOGIN_LIMITS.perAddress.minutes * MINUTE, 'rate_limited', 'Too many wrong passwords from this network.');
  if (!o.memberId) return;
  const { n, last } = await failuresOf(o.db, o.memberId, new Date(now - LOGIN_LIMITS.windowMinutes * MINUTE).toISOString());
  const until = last ? new Date(last).getTime() + accountWaitMs(n) : 0;
  if (until > now) {
    const locked = n >= LOGIN_LIMITS.lockAfter;
    throw tooMany(
      o.reply,
      until - now,
      locked ? 'account_locked' : 'slow_down',
      locked ? 'Sign-in to this account is paused after too many wrong passwords.' : 'Too many wrong passwords for this account.',
    );
  }
}

/** Records a wrong password (or code); the try that locks the account emails its owner. */
export async function recordLoginFailure(o: {
  db: Db;
  clock: Clock;
  address: string;
  member: { id: string; email: string; name: string } | null;
  resetLink: string;
}) {
  const now = o.clock.now();
  await o.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_failures')
      .values({ id: randomUUID(), member_id: o.member?.id ?? null, address: o.address, at: now.toISOString() })
      .execute();
    // Keep the table small: nothing older than a day is ever counted.
    await trx
      .deleteFrom('login_failures')
      .where('at', '<', new Date(now.getTime() - 86_400_000).toISOString())
      .execute();
    if (!o.member) return;
    const { n } = await failuresOf(trx, o.member.id, new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * MINUTE).toISOString());
    if (n === LOGIN_LIMITS.lockAfter)
      await queueEmail(
        trx,
        o.clock,
        accountLockedEmail({ ...o.member, link: o.resetLink, wrongTries: LOGIN_LIMITS.lockAfter, minutes: LOGIN_LIMITS.lockMinutes }),
      );
  });
}

/** After a successful sign-in or a new password: the account starts afresh. */
export async function clearLoginFailures(db: Db, memberId: string) {
  await db.deleteFrom('login_failures').where('member_id', '=', memberId).execute();
}
