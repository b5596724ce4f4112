import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { prepared } from '../db/prepared.js';
import { AppError, forbidden, unauthorized } from './errors.js';
import { hashToken } from './tokens.js';

export const SESSION_COOKIE = 'carryover_session';
export const SESSION_DAYS = 30;

export interface Auth {
  practiceId: string;
  /** The signed-in member; null for a practice API key, which acts for the whole practice. */
  member: { id: string; role: 'owner' | 'therapist'; name: string; email: string } | null;
  via: 'session' | 'api-key';
  /** The API key used, named in the audit log so the owner can tell which integration acted. */
  apiKey?: { id: string; name: string; prefix: string };
  csrfToken: string | null;
  sessionHash: string | null;
  /** The practice requires two-step sign-in and this member has not turned it on yet. */
  twoFactorSetupDue?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-up, the client's page, health). */
    public?: boolean;
    /** Only the practice owner (or an API key) may call it. */
    ownerOnly?: boolean;
    /** Opened by a client's link, never by a signed-in member: no session or key is looked up (decision 024). */
    clientLink?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// What a member who still has to turn on two-step sign-in may reach: who they are, signing out, the setup.
const ALLOWED_BEFORE_TWO_FACTOR = /^\/api\/v1\/(me|me\/two-factor(\/confirm)?|auth\/.*|practice)$/;

/** Resolves who is calling (session cookie or API key) and enforces sign-in, CSRF and owner-only routes. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; clock: Clock }) => {
  app.decorateRequest('auth', null);
  // onRequest, before the body is parsed and validated: a caller who may not write learns nothing about the body.
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const config = req.routeOptions.config;
    if (config.clientLink) return;
    // An unknown route answers 404 to everyone; outside /api/v1 live only the app's files and docs.
    const route = req.routeOptions.url;
    if (route === undefined || !route.startsWith('/api/v1/')) return;
    req.auth = await resolveAuth(req, opts.db, opts.clock);
    if (config.public) return;
    if (!req.auth) throw unauthorized();
    if (req.auth.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, req.auth.csrfToken ?? '')) {
        throw new AppError(403, 'csrf', 'Your page is out of date. Reload it and try again.');
      }
    }
    if (req.auth.twoFactorSetupDue && !ALLOWED_BEFORE_TWO_FACTOR.test(route)) {
      throw new AppError(
        403,
        'two_factor_setup_required',
        'Your practice asks everyone to turn on two-step sign-in. Do that in Settings first.',
      );
    }
    if (config.ownerOnly && req.auth.member && req.auth.member.role !== 'owner') throw forbidden();
  });
});

const sessionByHash = prepared((db, param: (name: 'idHash') => never) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .innerJoin('practices as p', 'p.id', 'm.practice_id')
    .leftJoin('two_factor as tf', 'tf.member_id', 'm.id')
    .select([
      's.csrf_token',
      's.expires_at',
      'm.id',
      'm.role',
      'm.name',
      'm.email',
      'm.practice_id',
      'p.require_two_factor',
      'tf.confirmed_at',
    ])
    .where('s.id_hash', '=', param('idHash'))
    // A deactivated member's sessions are deleted; this also refuses one left by a race.
    .where('m.deactivated_at', 'is', null),
);

async function resolveAuth(req: FastifyRequest, db: Db, clock: Clock): Promise<Auth | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const key = await db
      .selectFrom('api_keys')
      .select(['id', 'practice_id', 'name', 'prefix'])
      .where('key_hash', '=', hashToken(header.slice(7).trim()))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!key) throw new AppError(401, 'invalid_api_key', 'That API key is not valid or was revoked.');
    await db.updateTable('api_keys').set({ last_used_at: clock.now().toISOString() }).where('id', '=', key.id).execute();
    return {
      practiceId: key.practice_id,
      member: null,
      via: 'api-key',
      apiKey: { id: key.id, name: key.name, prefix: key.prefix },
      csrfToken: null,
      sessionHash: null,
    };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const idHash = hashToken(cookie);
  const row = await sessionByHash.first(db, { idHash });
  if (!row || row.expires_at <= clock.now().toISOString()) return null;
  return {
    practiceId: row.practice_id,
    member: { id: row.id, role: row.role, name: row.name, email: row.email },
    via: 'session',
    csrfToken: row.csrf_token,
    sessionHash: idHash,
    twoFactorSetupDue: row.require_two_factor === 1 && !row.confirmed_at,
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The caller's auth on a route that requires it. */
export function authOf(req: FastifyRequest): Auth {
  if (!req.auth) throw unauthorized();
  return req.auth;
}
