import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

const BUSY_RETRY_SECONDS = 2;

/** Another process holds the database's write lock (SQLite), or a row lock did not come in time (PostgreSQL). */
function isDatabaseBusy(err: { code?: string }): boolean {
  return err.code === 'SQLITE_BUSY' || err.code?.startsWith('SQLITE_BUSY_') === true || err.code === '55P03';
}

/** Every error leaves as {error:{code,message,fields?}}; a 5xx carries the request id, never the cause. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, fields: err.fields } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const issue of err.validation) {
        const path =
          issue.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
          (issue.params?.missingProperty as string) ||
          (err.validationContext ?? 'body');
        fields[path] ??= issue.message ?? 'Invalid value';
      }
      const where = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'request');
      return reply.code(400).send({
        error: {
          code: 'invalid',
          message: `Please check the ${where}: ${Object.entries(fields)
            .map(([f, m]) => `${f}: ${m}`)
            .join('; ')}`,
          fields,
        },
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: { code: 'unsupported_media_type', message: 'Send the body as application/json.' } });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'rate_limited', message: err.message } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    if (isDatabaseBusy(err)) {
      req.log.warn({ err: { code: err.code } }, 'database busy');
      return reply
        .code(503)
        .header('retry-after', String(BUSY_RETRY_SECONDS))
        .send({ error: { code: 'busy', message: 'Carryover is busy saving something else. Nothing was saved: try again in a moment.' } });
    }
    req.log.error({ err: { type: err.name, code: err.code, stack: err.stack } }, 'request failed');
    return reply.code(500).send({
      error: {
        code: 'internal',
        message: `Something went wrong on our side. Quote request ${req.id} if it keeps happening.`,
        requestId: String(req.id),
      },
    });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `There is no ${req.method} ${req.url.split('?')[0]}.` } });
  });
}
