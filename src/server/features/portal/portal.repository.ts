import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/tokens.js';

export const unknownLink = () => new AppError(404, 'link_invalid', 'This link does not work any more. Ask your therapist for a new one.');

const byLinkHash = prepared((db, param: (name: 'hash') => never) =>
  db
    .selectFrom('client_links as l')
    .innerJoin('clients as c', 'c.id', 'l.client_id')
    .innerJoin('practices as p', 'p.id', 'l.practice_id')
    .selectAll('c')
    .select(['p.name as practiceName', 'p.timezone as practiceTimezone', 'p.sender_name', 'p.reply_to'])
    .where('l.token_hash', '=', param('hash'))
    .where('l.revoked_at', 'is', null),
);

/** The client behind a page link, with their practice; revoked and unknown links find nothing. */
export async function clientByLink(db: Db, token: string) {
  const row = await byLinkHash.first(db, { hash: hashToken(token) });
  if (!row || row.archived_at) throw unknownLink();
  return { ...row, zone: row.timezone ?? row.practiceTimezone };
}

/** Counts failed link lookups per address; past the limit the address waits, so links cannot be guessed. */
export function guessThrottle(opts: { max: number; windowMs: number; now: () => number }) {
  const misses = new Map<string, { count: number; until: number }>();
  return {
    blocked(ip: string) {
      const m = misses.get(ip);
      if (!m || m.until < opts.now()) return false;
      return m.count >= opts.max;
    },
    miss(ip: string) {
      const m = misses.get(ip);
      if (!m || m.until < opts.now()) misses.set(ip, { count: 1, until: opts.now() + opts.windowMs });
      else m.count++;
      if (misses.size > 10_000) misses.clear();
    },
  };
}
