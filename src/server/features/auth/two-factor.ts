import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/tokens.js';

export const RECOVERY_CODE_COUNT = 10;
const PERIOD_SECONDS = 30;
// Crockford-style alphabet: no 0/O or 1/I/L to misread from a printed sheet.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Whether a member has confirmed two-step sign-in. */
export async function hasTwoFactor(db: Db, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('two_factor')
    .select('member_id')
    .where('member_id', '=', memberId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return Boolean(row);
}

/** Starts (or restarts) setup: a new secret kept pending until a code from the app confirms it. */
export async function startTwoFactor(opts: { db: Db; clock: Clock; memberId: string; email: string; issuer: string }) {
  if (await hasTwoFactor(opts.db, opts.memberId)) {
    throw new AppError(409, 'two_factor_on', 'Two-step sign-in is already on. Turn it off first to move it to a new app.');
  }
  const secret = generateSecret();
  const now = opts.clock.now().toISOString();
  await opts.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor').where('member_id', '=', opts.memberId).execute();
    await trx
      .insertInto('two_factor')
      .values({ member_id: opts.memberId, secret, confirmed_at: null, last_step: null, created_at: now })
      .execute();
  });
  const otpauthUri = generateURI({ issuer: opts.issuer, label: opts.email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

/** The 30-second step a six-digit code is valid for, or null when it is not a current code. */
async function stepOfCode(secret: string, code: string, clock: Clock, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(clock.now().getTime() / 1000),
    // One step either side: a phone's clock a little off, or a code typed as it changed.
    epochTolerance: PERIOD_SECONDS,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Confirms setup with a first code; answers the ten recovery codes, shown only this once. */
export async function confirmTwoFactor(opts: { db: Db; clock: Clock; memberId: string; code: string }): Promise<string[]> {
  const pending = await opts.db.selectFrom('two_factor').selectAll().where('member_id', '=', opts.memberId).executeTakeFirst();
  if (!pending) throw new AppError(409, 'two_factor_not_started', 'Start setting up two-step sign-in first.');
  if (pending.confirmed_at) throw new AppError(409, 'two_factor_on', 'Two-step sign-in is already on.');
  const step = await stepOfCode(pending.secret, opts.code.trim(), opts.clock, null);
  if (step === null) throw wrongCode();
  const now = opts.clock.now().toISOString();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await opts.db.transaction().execute(async (trx) => {
    await trx.updateTable('two_factor').set({ confirmed_at: now, last_step: step }).where('member_id', '=', opts.memberId).execute();
    await trx.deleteFrom('two_factor_recovery_codes').where('member_id', '=', opts.memberId).execute();
    await trx
      .insertInto('two_factor_recovery_codes')
      .values(
        codes.map((c) => ({ code_hash: hashToken(normalizeRecoveryCode(c)), member_id: opts.memberId, used_at: null, created_at: now })),
      )
      .execute();
  });
  return codes;
}

/**
 * Checks a code from the app or a recovery code for a member who has two-step sign-in on.
 * An app code is accepted once (later than the last one used); a recovery code is used up.
 */
export async function checkSecondStep(opts: { db: Db; clock: Clock; memberId: string; code: string }): Promise<boolean> {
  const row = await opts.db
    .selectFrom('two_factor')
    .select(['secret', 'last_step'])
    .where('member_id', '=', opts.memberId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return false;
  const code = opts.code.trim();
  const step = await stepOfCode(row.secret, code, opts.clock, row.last_step);
  if (step !== null) {
    // Conditional update: two requests racing with the same code cannot both win.
    const moved = await opts.db
      .updateTable('two_factor')
      .set({ last_step: step })
      .where('member_id', '=', opts.memberId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) === 1;
  }
  const used = await opts.db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: opts.clock.now().toISOString() })
    .where('member_id', '=', opts.memberId)
    .where('code_hash', '=', hashToken(normalizeRecoveryCode(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Turns two-step sign-in off, after a current code (or a recovery code) proves it is the member. */
export async function turnOffTwoFactor(opts: { db: Db; clock: Clock; memberId: string; code: string }) {
  if (!(await hasTwoFactor(opts.db, opts.memberId))) throw new AppError(409, 'two_factor_off', 'Two-step sign-in is not on.');
  if (!(await checkSecondStep(opts))) throw wrongCode();
  await opts.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('member_id', '=', opts.memberId).execute();
    await trx.deleteFrom('two_factor').where('member_id', '=', opts.memberId).execute();
  });
}

const wrongCode = () =>
  new AppError(400, 'invalid_code', 'That code is not right. Type the 6-digit code your app shows now.', {
    code: 'That code is not right. Type the 6-digit code your app shows now.',
  });

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** What the signed-in member's screens need to know: is it on, and does the practice require it. */
export async function twoFactorStatusOf(db: Db, memberId: string) {
  const row = await db
    .selectFrom('members as m')
    .innerJoin('practices as p', 'p.id', 'm.practice_id')
    .leftJoin('two_factor as tf', 'tf.member_id', 'm.id')
    .select(['p.require_two_factor', 'tf.confirmed_at'])
    .where('m.id', '=', memberId)
    .executeTakeFirstOrThrow();
  return { on: Boolean(row.confirmed_at), required: row.require_two_factor === 1 };
}
