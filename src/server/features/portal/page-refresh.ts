import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { clientPages } from './page-snapshot.js';

/*
 * Kept pages made again before anyone asks (decision 036). A page goes out of date at the client's
 * midnight and after every change it shows, a check-in included, so without this nearly every real
 * visit (the first of the day, the one after ticking Done) would wait for its page to be made. Only
 * pages a read made in the last 14 days are made again, a little at a time: at most `budgetMs` of
 * work each `everyMs`, so the therapists' own requests always come first. Best effort: a page not
 * made yet is made by the read that asks for it, as before.
 */

const RECENT_DAYS = 14;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/**
 * Looks at the next `slice` kept pages after `after` (by the link's hash, from an index alone: migration
 * 022) and makes again those out of date, until `budgetMs` is spent. Returns how many it made and where
 * the next call starts (null: the end was reached, start again from the beginning).
 */
export async function remakeStalePages(
  deps: Deps,
  o: { budgetMs: number; after?: string; slice?: number },
): Promise<{ made: number; next: string | null }> {
  const pages = clientPages(deps);
  const started = performance.now();
  const slice = o.slice ?? 500;
  const now = deps.clock.now().toISOString();
  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const kept = await deps.db
    .selectFrom('client_page_snapshots')
    .select(['token_hash', 'client_id', 'version', 'valid_until', 'render_key', 'built_at'])
    .where('token_hash', '>', o.after ?? '')
    .orderBy('token_hash')
    .limit(slice)
    .execute();
  const clientIds = [...new Set(kept.map((k) => k.client_id))];
  const versions = new Map(
    clientIds.length === 0
      ? []
      : (
          await deps.db.selectFrom('client_page_versions').select(['client_id', 'version']).where('client_id', 'in', clientIds).execute()
        ).map((v) => [v.client_id, Number(v.version)]),
  );
  const stale = kept.filter(
    (k) =>
      k.built_at > since &&
      (k.valid_until <= now || k.render_key !== pages.renderKey || Number(k.version) < (versions.get(k.client_id) ?? 0)),
  );
  let made = 0;
  for (const page of stale) {
    // Out of time: the next call starts at this page.
    if (performance.now() - started > o.budgetMs) {
      const i = kept.indexOf(page);
      return { made, next: i > 0 ? kept[i - 1].token_hash : (o.after ?? '') };
    }
    if (await pages.remake(page.token_hash, page.built_at)) made++;
  }
  return { made, next: kept.length < slice ? null : (kept.at(-1)?.token_hash ?? null) };
}

/** Runs `remakeStalePages` every `everyMs` until stopped; a failure is logged and the next round tries again. */
export function keepPagesReady(deps: Deps, log: FastifyBaseLogger, o = { everyMs: 1000, budgetMs: 100 }) {
  let running = false;
  let after = '';
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      after = (await remakeStalePages(deps, { budgetMs: o.budgetMs, after })).next ?? '';
    } catch (err) {
      log.warn({ err }, 'could not make kept client pages again');
    } finally {
      running = false;
    }
  }, o.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
