import QRCode from 'qrcode';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { hashToken, newToken } from '../../http/tokens.js';

/**
 * A link to the client's page. Only the token's hash is stored, so each handout, mail or
 * on-screen code gets a fresh link; all of a client's links work until the therapist revokes them.
 */
export async function issueClientLink(
  db: Db,
  clock: Clock,
  o: { practiceId: string; clientId: string; publicUrl: string },
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('client_links')
    .values({
      token_hash: hashToken(token),
      practice_id: o.practiceId,
      client_id: o.clientId,
      created_at: clock.now().toISOString(),
      revoked_at: null,
    })
    .execute();
  return `${o.publicUrl}/c/${token}`;
}

export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
export const qrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 });
