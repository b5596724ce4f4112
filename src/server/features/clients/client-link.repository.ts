import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/tokens.js';

export const unknownLink = () => new AppError(404, 'link_invalid', 'This link does not work any more. Ask your therapist for a new one.');

const byLinkHash = prepared((db, param: (name: 'hash') => never) =>
  db
    .selectFrom('client_links as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .innerJoin('practices as p', 'p.id', 'l.practice_id')
    .selectAll('c')
    .select([
      'p.name as practiceName',
      'p.timezone as practiceTimezone',
      'p.sender_name',
      'p.reply_to',
      'p.reminder_default',
      'p.time_format',
    ])
    // One plan for every link: after ANALYZE, SQLite (STAT4) would plan again for each new value (decision 034).
    .where('l.token_hash', '=', sql<string>`cast(${param('hash')} as text)`)
    .where('l.revoked_at', 'is', null),
);

/** The client behind a page link, with their practice; revoked and unknown links find nothing. */
export const clientByLink = (db: Db, token: string) => clientByLinkHash(db, hashToken(token));

/** The same, by the link's hash (links are stored only as hashes). */
export async function clientByLinkHash(db: Db, hash: string) {
  const row = await byLinkHash.first(db, { hash });
  if (!row || row.archived_at) throw unknownLink();
  return { ...row, zone: row.timezone ?? row.practiceTimezone };
}

/** The client a page link opened, with their practice's name, zone and mail settings. */
export type LinkedClient = Awaited<ReturnType<typeof clientByLink>>;

/**
 * Counts failed link lookups per address. Past `max` the address's wrong links get 429, so links cannot be
 * guessed; a right link still opens, since many clients share one address (clinic Wi-Fi, a phone carrier).
 * Only past `hardMax` (far beyond honest typos) is the address refused outright.
 */
export function guessThrottle(opts: { max: number; hardMax: number; windowMs: number; now: () => number }) {
  const misses = new Map<string, { count: number; until: number }>();
  // Until when some address is refused outright: the kept page's fast path (kept-reads.ts) knows no address.
  let someRefusedUntil = 0;
  const count = (ip: string) => {
    const m = misses.get(ip);
    return !m || m.until < opts.now() ? 0 : m.count;
  };
  return {
    blocked: (ip: string) => count(ip) >= opts.max,
    refused: (ip: string) => count(ip) >= opts.hardMax,
    anyRefused: () => someRefusedUntil > opts.now(),
    miss(ip: string) {
      let m = misses.get(ip);
      if (!m || m.until < opts.now()) {
        m = { count: 0, until: opts.now() + opts.windowMs };
        misses.set(ip, m);
      }
      if (++m.count >= opts.hardMax) someRefusedUntil = Math.max(someRefusedUntil, m.until);
      if (misses.size > 10_000) misses.clear();
    },
  };
}

/** Rate-limit key for routes behind a client link: per link and address, so clients sharing an address never share a limit. */
export const perLinkAndAddress = (req: { ip: string; params: unknown }) => `${req.ip} ${(req.params as { token?: string }).token ?? ''}`;

// One guess budget per app, whichever door (API or page) the guesses come through.
const throttles = new WeakMap<object, ReturnType<typeof guessThrottle>>();
const tooMany = () => new AppError(429, 'rate_limited', 'Too many tries. Wait a few minutes and try again.');

/** Opens a link for one caller: throttled guessing, then the client behind the link (404 when unknown or revoked). */
export function linkOpener(deps: Pick<AppDeps, 'db'>) {
  let throttle = throttles.get(deps.db);
  if (!throttle) {
    throttle = guessThrottle({ max: 20, hardMax: 1000, windowMs: 10 * 60_000, now: () => Date.now() });
    throttles.set(deps.db, throttle);
  }
  const t = throttle;
  const open = async (ip: string, token: string): ReturnType<typeof clientByLink> => {
    if (t.refused(ip)) throw tooMany();
    try {
      return await clientByLink(deps.db, token);
    } catch (err) {
      if (!(err instanceof AppError) || err.statusCode !== 404) throw err;
      const blocked = t.blocked(ip);
      t.miss(ip);
      throw blocked ? tooMany() : err;
    }
  };
  // The kept client page (portal/page-snapshot.ts) finds the link itself, but an address refused outright stays refused.
  return Object.assign(open, { refused: (ip: string) => t.refused(ip), anyRefused: () => t.anyRefused() });
}
