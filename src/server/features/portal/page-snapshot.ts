import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresAdapter, sql } from 'kysely';
import { type HomeworkReport, portalSchema } from '../../../shared/api/portal.js';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/tokens.js';
import { addDays, instantAt } from '../../local-time.js';
import { portalAssets } from '../../page-kit/assets.js';
import { clientByLinkHash, type LinkedClient, linkOpener } from '../clients/client-link.repository.js';
import { pendingRequestOf } from '../referrals/referrals.service.js';
import { itemDrawing } from './page/drawing.js';
import { type Flash, renderPortalPage } from './page/render.js';
import { portalPageView } from './portal.service.js';

/*
 * The client's page kept ready (decision 024): the JSON and the HTML as sent, one row per link, read by
 * the link's hash in one query. Database triggers (migration 017) raise the client's page version on
 * every write the page shows, on any instance; a kept page is served only while its version is the
 * current one, before its `valid_until` (the next local midnight or the next visit) and for this
 * release's code and files. Anything else is made again from the database and kept.
 */

/** Raise when the page changes in a way none of the files hashed in SOURCES shows. */
const FORMAT = '1';
// The code that makes the page is part of `render_key`, so a new release never serves a page an older one
// made. Read once, from whatever this process runs (TypeScript or the build).
const SOURCES = (() => {
  const hash = createHash('sha256');
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const dir of ['./', './page/', '../../page-kit/', '../library/', '../../../shared/figure/']) {
    const path = fileURLToPath(new URL(dir, import.meta.url));
    for (const file of readdirSync(path).sort())
      if (file.endsWith(ext) && !file.endsWith(`.test${ext}`)) hash.update(readFileSync(join(path, file)));
  }
  return hash.digest('base64url');
})();
// Links are stored only as hashes, so a kept page holds this mark where the link goes; letters only, so
// neither JSON nor HTML escaping changes it. Text that happens to hold it shows only the reader's own link.
const LINK_MARK = 'CarryoverLinkMark7f3a9c';
const MARK_BYTES = Buffer.from(LINK_MARK);

type Kind = 'json' | 'html';

const keptPage = (kind: Kind) =>
  prepared((db, param: (name: 'hash' | 'now' | 'renderKey') => never) =>
    db
      .selectFrom('client_links as l')
      .leftJoin('client_page_versions as v', 'v.client_id', 'l.client_id')
      .leftJoin('client_page_snapshots as s', (j) =>
        j
          .onRef('s.token_hash', '=', 'l.token_hash')
          .onRef('s.version', '=', 'v.version')
          .on('s.valid_until', '>', sql<string>`cast(${param('now')} as text)`)
          .on('s.render_key', '=', sql<string>`cast(${param('renderKey')} as text)`),
      )
      .select(['l.client_id', 'v.version'])
      // As bytes: they are sent as bytes, and SQLite's text becomes a JavaScript string slowly (40 µs for a
      // 23 KB page, against 13 µs as bytes); PostgreSQL sends the text's UTF-8 as it is.
      .select(
        (db.getExecutor().adapter instanceof PostgresAdapter
          ? sql<Buffer | null>`convert_to(${sql.ref(`s.${kind}`)}, 'UTF8')`
          : sql<Buffer | null>`cast(${sql.ref(`s.${kind}`)} as blob)`
        ).as('body'),
      )
      // One plan for every link: after ANALYZE, SQLite (STAT4) would plan again for each new value (decision 034).
      .where('l.token_hash', '=', sql<string>`cast(${param('hash')} as text)`)
      .where('l.revoked_at', 'is', null),
  );
const kept = { json: keptPage('json'), html: keptPage('html') };

const startVersion = prepared((db, param: (name: 'clientId') => never) =>
  db
    .insertInto('client_page_versions')
    .values({ client_id: param('clientId'), version: 0 })
    .onConflict((oc) => oc.column('client_id').doNothing()),
);

type SnapshotParam = 'hash' | 'clientId' | 'version' | 'validUntil' | 'renderKey' | 'json' | 'html' | 'now';
const keepPage = prepared((db, param: (name: SnapshotParam) => never) =>
  db
    .insertInto('client_page_snapshots')
    .values({
      token_hash: param('hash'),
      client_id: param('clientId'),
      version: param('version'),
      valid_until: param('validUntil'),
      render_key: param('renderKey'),
      json: param('json'),
      html: param('html'),
      built_at: param('now'),
    })
    .onConflict((oc) =>
      oc.column('token_hash').doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        valid_until: eb.ref('excluded.valid_until'),
        render_key: eb.ref('excluded.render_key'),
        json: eb.ref('excluded.json'),
        html: eb.ref('excluded.html'),
        built_at: eb.ref('excluded.built_at'),
      })),
    ),
);

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** The HTML of the client's page; `flash` and `went` come from the address after a form was sent. */
export async function clientPageHtml(
  deps: Deps,
  client: LinkedClient,
  token: string,
  o: { flash?: Flash; went?: HomeworkReport } = {},
): Promise<{ json: string; html: string; validUntil: string }> {
  const { view, exercises } = await portalPageView(deps, client, token);
  const extras = {
    share: client.referral_code ? { code: client.referral_code, url: `${deps.config.publicUrl}/r/${client.referral_code}` } : null,
    bookingRequest: view.nextAppointment ? null : await pendingRequestOf(deps.db, client.id),
    // Only shown, never recorded, here: a GET changes nothing (mail scanners open links too).
    went: o.went,
    drawings: Object.fromEntries([...exercises].map(([id, item]) => [id, itemDrawing(item, id)])),
  };
  const links = { ...portalAssets().urls, page: `/c/${token}`, zone: client.zone };
  const midnight = instantAt(addDays(view.today, 1), 0, 0, client.zone).toISOString();
  const nextVisit = view.nextAppointment && new Date(view.nextAppointment.startsAt).toISOString();
  return {
    // The bytes the route's response schema would have made (fastify-type-provider-zod encodes, then stringifies).
    json: JSON.stringify(portalSchema.encode(view)),
    html: renderPortalPage(view, links, o.flash, extras),
    // The page shows today's date and the next visit: after either changes it is made again.
    validUntil: nextVisit && nextVisit < midnight ? nextVisit : midnight,
  };
}

export type PageKind = Kind;

/** Reads the client's page as sent (JSON or HTML), kept when current; throws as `linkOpener` does (404, 429). */
export function clientPages(deps: Deps) {
  const { db, clock } = deps;
  const openLink = linkOpener(deps);
  const renderKey = createHash('sha256')
    .update([FORMAT, SOURCES, LINK_MARK, deps.config.publicUrl, ...Object.values(portalAssets().urls)].join('\n'))
    .digest('base64url')
    .slice(0, 16);
  const withLink = (body: Buffer, token: string) => {
    const parts: Buffer[] = [];
    const link = Buffer.from(token);
    let from = 0;
    for (let at = body.indexOf(MARK_BYTES); at !== -1; at = body.indexOf(MARK_BYTES, from)) {
      parts.push(body.subarray(from, at), link);
      from = at + MARK_BYTES.length;
    }
    parts.push(body.subarray(from));
    return Buffer.concat(parts);
  };

  const current = (db: Db, kind: Kind, hash: string, now: string) => kept[kind].first(db, { hash, now, renderKey });

  const read = async (kind: Kind, ip: string, token: string): Promise<Buffer> => {
    const hash = hashToken(token);
    const now = clock.now().toISOString();
    let row = await current(db, kind, hash, now);
    if (row?.body && !openLink.refused(ip)) return withLink(row.body, token);
    if (row && row.version === null) {
      await startVersion.run(db, { clientId: row.client_id });
      row = await current(db, kind, hash, now);
    }
    // The version above was read before anything the page shows: a write committed meanwhile raised it
    // past this one, so what is made now is never served after that write.
    const client = await openLink(ip, token);
    const page = await clientPageHtml(deps, client, LINK_MARK);
    if (row?.version !== null && row?.version !== undefined) {
      const version = row.version;
      await keepPage
        .run(db, { hash, clientId: client.id, version, validUntil: page.validUntil, renderKey, json: page.json, html: page.html, now })
        // Keeping it only saves the next read some work; this answer was made from the database either way
        // (the link may have been deleted meanwhile, or another process holds SQLite's write lock).
        .catch(() => undefined);
    }
    return withLink(Buffer.from(page[kind]), token);
  };
  /**
   * Makes a kept page again once it is out of date, before anyone asks (page-refresh.ts). Only a page
   * already kept is made again, and it keeps the time a read first made it (`built_at`).
   */
  const remake = async (hash: string, builtAt: string): Promise<boolean> => {
    const now = clock.now().toISOString();
    const row = await current(db, 'json', hash, now);
    if (!row || row.body || row.version === null) return false;
    // An archived client or a link gone meanwhile: nothing to make.
    const client = await clientByLinkHash(db, hash).catch((err) => {
      if (err instanceof AppError && err.statusCode === 404) return null;
      throw err;
    });
    if (!client) return false;
    const page = await clientPageHtml(deps, client, LINK_MARK);
    const { version } = row;
    await keepPage.run(db, {
      hash,
      clientId: client.id,
      version,
      validUntil: page.validUntil,
      renderKey,
      json: page.json,
      html: page.html,
      now: builtAt,
    });
    return true;
  };
  /** The kept page only, or null (not kept, not current, or some address is being refused). */
  const keptOnly = async (kind: Kind, token: string): Promise<Buffer | null> => {
    if (openLink.anyRefused()) return null;
    const row = await current(db, kind, hashToken(token), clock.now().toISOString());
    return row?.body ? withLink(row.body, token) : null;
  };
  return Object.assign(read, { keptOnly, remake, renderKey });
}
