import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../../shared/api/common.js';
import { drawingPngQuery, drawingSvgQuery, exerciseParams } from '../../../shared/api/exercises.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { findExercise } from './catalogue.js';
import { matchesEtag, PNG_WIDTH, renderedDrawing, renderedPng } from './drawing-files.js';
import { builtInLibrary } from './library.js';

const YEAR = 31_536_000;

/**
 * Sends a drawing with its ETag, or 304 when the browser already has it. A URL whose `v` is the
 * current hash never changes, so it is kept for good; any other is checked again each time.
 */
function sendDrawing(
  req: FastifyRequest,
  reply: FastifyReply,
  o: { body: string | Buffer; type: string; hash: string; scope: 'public' | 'private'; versioned: boolean },
) {
  const etag = `"${o.hash}"`;
  reply
    .header('etag', etag)
    .header('cache-control', o.versioned ? `${o.scope}, max-age=${YEAR}, immutable` : `${o.scope}, no-cache`)
    .header('vary', 'accept-encoding');
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(o.type).send(o.body);
}

const svgDescription = 'Answers 200 with image/svg+xml (at most 30 KB) and an ETag; If-None-Match with that ETag answers 304.';

/** The built-in items' drawings: public, like the library itself, at /drawings/<slug>.svg. */
export function publicDrawingRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/drawings/:file',
      {
        config: { public: true },
        schema: {
          tags: ['library'],
          summary: 'A built-in item’s drawing (its drawingUrl)',
          description: svgDescription,
          params: z.object({
            file: z
              .string()
              .regex(/^[a-z0-9-]+\.svg$/)
              .max(90),
          }),
          querystring: drawingSvgQuery,
        },
      },
      async (req, reply) => {
        const item = builtInLibrary().get(req.params.file.replace(/\.svg$/, ''));
        if (!item) throw notFound('That drawing');
        const { svg, hash } = renderedDrawing(item);
        return sendDrawing(req, reply, { body: svg, type: 'image/svg+xml', hash, scope: 'public', versioned: req.query.v === hash });
      },
    );
  };
}

/** Any item's drawing through the API: a custom item only to its own practice, as SVG or PNG. */
export function drawingRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/exercises/:id/drawing.svg',
      {
        schema: {
          tags: ['library'],
          summary: 'An item’s drawing as SVG (a custom item’s drawingUrl)',
          description: svgDescription,
          params: exerciseParams,
          querystring: drawingSvgQuery,
          response: { 404: errorSchema },
        },
      },
      async (req, reply) => {
        const item = await findExercise(db, authOf(req).practiceId, req.params.id);
        if (!item) throw notFound('That item');
        const { svg, hash } = renderedDrawing(item);
        return sendDrawing(req, reply, { body: svg, type: 'image/svg+xml', hash, scope: 'private', versioned: req.query.v === hash });
      },
    );

    app.get(
      '/exercises/:id/drawing.png',
      {
        schema: {
          tags: ['library'],
          summary: 'An item’s drawing as PNG, for email and other places that do not show SVG',
          description: `Answers 200 with image/png and an ETag (304 on If-None-Match). width in pixels: default ${PNG_WIDTH.default}, at least ${PNG_WIDTH.min}; a wider ask gets ${PNG_WIDTH.max}.`,
          params: exerciseParams,
          querystring: drawingPngQuery,
          response: { 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const item = await findExercise(db, authOf(req).practiceId, req.params.id);
        if (!item) throw notFound('That item');
        const width = Math.min(req.query.width ?? PNG_WIDTH.default, PNG_WIDTH.max);
        const { png, hash } = renderedPng(item, width);
        return sendDrawing(req, reply, { body: png, type: 'image/png', hash, scope: 'private', versioned: false });
      },
    );
  };
}
