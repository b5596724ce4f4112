import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { compressHtml, encodingFor } from '../../page-kit/assets.js';
import { clientPages, type PageKind } from './page-snapshot.js';

/*
 * The client's kept page answered straight from node:http (decision 036): the one read clients make most,
 * without Fastify's request objects, hooks and schema lookups. Only a plain GET of a page kept current
 * (page-snapshot.ts) is answered here; anything else, a page not kept, an error, or a time when some
 * address is being refused for guessing, goes on to Fastify, which answers as it always did. The headers
 * are the ones every other answer carries (`fixedSecurityHeaders`), and the same one log line is written.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const ROUTES: { prefix: string; kind: PageKind; route: string; headers: Record<string, string> }[] = [
  {
    prefix: '/api/v1/portal/',
    kind: 'json',
    route: '/api/v1/portal/:token',
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  },
  {
    prefix: '/c/',
    kind: 'html',
    route: '/c/:token',
    headers: {
      'content-type': 'text/html; charset=utf-8',
      vary: 'accept-encoding',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex, nofollow',
    },
  },
];

/** Which kept page a request asks for, if it is a plain read of one. */
export function keptPageAsked(method: string | undefined, url: string | undefined) {
  if (method !== 'GET' || !url) return null;
  for (const r of ROUTES) {
    if (!url.startsWith(r.prefix)) continue;
    const token = url.slice(r.prefix.length);
    return TOKEN.test(token) ? { ...r, token } : null;
  }
  return null;
}

export function keptReads(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  o: { security: Record<string, string>; log: () => FastifyBaseLogger },
) {
  const pages = clientPages(deps);
  let closing = false;

  async function answer(req: IncomingMessage, res: ServerResponse, asked: NonNullable<ReturnType<typeof keptPageAsked>>) {
    const started = performance.now();
    const page = await pages.keptOnly(asked.kind, asked.token);
    if (page === null) return false;
    const id = randomUUID();
    let body = page;
    const headers: Record<string, string | number> = { ...o.security, ...asked.headers, 'x-request-id': id };
    const enc = asked.kind === 'html' ? encodingFor(req) : null;
    if (enc) {
      body = await compressHtml(body, enc);
      headers['content-encoding'] = enc;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
    // The same line Fastify's onResponse hook writes: the route's pattern, never the link.
    o.log().info(
      {
        req: { id, method: 'GET', routeOptions: { url: asked.route } },
        res: { statusCode: 200 },
        ms: Math.round(performance.now() - started),
      },
      'answered',
    );
    return true;
  }

  return {
    /** Stop answering here, so Fastify's own closing (503s, drained connections) applies to every request. */
    close: () => {
      closing = true;
    },
    /** Wraps Fastify's handler for `serverFactory`. */
    wrap:
      (fastify: Handler): Handler =>
      (req, res) => {
        const asked = closing ? null : keptPageAsked(req.method, req.url);
        if (!asked) return fastify(req, res);
        // A failure before anything was sent goes to Fastify, which answers it as any error; after, nothing can.
        answer(req, res, asked).then(
          (answered) => answered || fastify(req, res),
          () => res.headersSent || fastify(req, res),
        );
      },
  };
}
