import type { FastifyReply } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { SESSION_COOKIE, SESSION_DAYS } from '../../http/auth.js';
import { hashToken, newToken } from '../../http/tokens.js';

/** Starts a server-side session and sets its cookie; returns the CSRF token the browser must echo. */
export async function startSession(opts: { db: Db; clock: Clock; reply: FastifyReply; memberId: string; secure: boolean }) {
  const token = newToken();
  const csrfToken = newToken();
  const now = opts.clock.now();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await opts.db
    .insertInto('auth_sessions')
    .values({
      id_hash: hashToken(token),
      member_id: opts.memberId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
    })
    .execute();
  opts.reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    expires,
  });
  return csrfToken;
}

export async function endSession(db: Db, reply: FastifyReply, idHash: string | null) {
  if (idHash) await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
