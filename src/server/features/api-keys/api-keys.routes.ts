import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { apiKeyCreateBody, apiKeyCreated, apiKeySchema } from '../../../shared/api/practice.js';
import type { ApiKeyTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { hashToken, newToken } from '../../http/tokens.js';

const present = (k: ApiKeyTable) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.created_at,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
});

/** Keys are managed by a signed-in owner only: a key cannot mint or revoke keys. */
function ownerMember(auth: Auth) {
  if (!auth.member) throw new AppError(403, 'forbidden', 'Manage API keys from a signed-in owner account.');
  return auth.member;
}

export function apiKeysRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api-keys',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['api keys'],
          summary: 'List API keys (owner)',
          response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), 403: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        ownerMember(auth);
        const rows = await db
          .selectFrom('api_keys')
          .selectAll()
          .where('practice_id', '=', auth.practiceId)
          .orderBy('created_at', 'desc')
          .execute();
        return { apiKeys: rows.map(present) };
      },
    );

    app.post(
      '/api-keys',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['api keys'],
          summary: 'Create an API key; the key is shown once',
          body: apiKeyCreateBody,
          response: { 201: apiKeyCreated, 400: errorSchema, 403: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const member = ownerMember(auth);
        const key = `co_${newToken()}`;
        const row: ApiKeyTable = {
          id: randomUUID(),
          practice_id: auth.practiceId,
          name: req.body.name,
          key_hash: hashToken(key),
          prefix: key.slice(0, 7),
          created_by: member.id,
          created_at: clock.now().toISOString(),
          revoked_at: null,
          last_used_at: null,
        };
        await db.insertInto('api_keys').values(row).execute();
        return reply.code(201).send({ ...present(row), key });
      },
    );

    app.delete(
      '/api-keys/:id',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['api keys'],
          summary: 'Revoke an API key',
          params: idParams,
          response: { 200: okSchema, 403: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        ownerMember(auth);
        const result = await db
          .updateTable('api_keys')
          .set({ revoked_at: clock.now().toISOString() })
          .where('id', '=', req.params.id)
          .where('practice_id', '=', auth.practiceId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw notFound('That API key');
        return { ok: true as const };
      },
    );
  };
}
