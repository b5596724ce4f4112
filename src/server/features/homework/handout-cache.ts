// A handout is rendered once per version of what it shows. The PDF is kept per client with a hash
// of its inputs and the client link printed on it; it is sent again while both still hold (the
// link not revoked). Anything that changes what the client would read (an item, a dose, a
// drawing, the goal, the next visit, the practice's details, the date, the renderer itself)
// changes the hash, and the next request renders afresh (decision 023).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { hashToken } from '../../http/tokens.js';
import type { Handout } from '../../pdf/handout.js';
import { renderHandoutOffThread } from '../../pdf/handout-pool.js';
import { qrPng } from '../clients/client-link.js';
import { renderedDrawing } from '../library/drawing-files.js';

export type HandoutContent = Omit<Handout, 'clientUrl' | 'qrPng'>;

// The renderer's own source is part of every hash, so a new version of the layout never serves a
// PDF an older one made. Read once, from whatever this process runs (TypeScript or the build).
const RENDERER = (() => {
  const hash = createHash('sha256');
  for (const file of ['handout', 'handout-item', 'flow']) {
    const url = new URL(`../../pdf/${file}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    hash.update(readFileSync(fileURLToPath(url)));
  }
  return hash.digest('base64url');
})();

export function inputsHash(content: HandoutContent): string {
  const drawings = content.items.map((item) => renderedDrawing(item.exercise).hash);
  return createHash('sha256').update(RENDERER).update(JSON.stringify({ content, drawings })).digest('base64url');
}

const tokenOf = (clientUrl: string) => clientUrl.slice(clientUrl.lastIndexOf('/') + 1);

/**
 * The client's handout as PDF bytes, with an ETag: the kept one when nothing it shows has changed
 * and its link still works, or a new one on a new link (`issueLink`), kept for next time.
 */
export async function handoutPdf(
  db: Db,
  clock: Clock,
  o: { practiceId: string; clientId: string; content: HandoutContent; issueLink: () => Promise<string> },
): Promise<{ pdf: Buffer; etag: string }> {
  const hash = inputsHash(o.content);
  const kept = await db
    .selectFrom('handout_files as h')
    .innerJoin('client_links as l', 'l.token_hash', 'h.link_hash')
    .select(['h.pdf', 'h.link_hash'])
    .where('h.client_id', '=', o.clientId)
    .where('h.practice_id', '=', o.practiceId)
    .where('h.inputs_hash', '=', hash)
    .where('l.revoked_at', 'is', null)
    .executeTakeFirst();
  if (kept) return { pdf: Buffer.from(kept.pdf), etag: etagOf(hash, kept.link_hash) };

  const clientUrl = await o.issueLink();
  const pdf = await renderHandoutOffThread({ ...o.content, clientUrl, qrPng: await qrPng(clientUrl) });
  const row = {
    practice_id: o.practiceId,
    inputs_hash: hash,
    link_hash: hashToken(tokenOf(clientUrl)),
    pdf,
    created_at: clock.now().toISOString(),
  };
  await db
    .insertInto('handout_files')
    .values({ client_id: o.clientId, ...row })
    .onConflict((oc) => oc.column('client_id').doUpdateSet(row))
    .execute();
  return { pdf, etag: etagOf(hash, row.link_hash) };
}

const etagOf = (inputs: string, link: string) => `"${inputs.slice(0, 22)}.${link.slice(0, 10)}"`;
