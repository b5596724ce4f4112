import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { buildSync, stop as stopEsbuild } from 'esbuild';
import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * The client's page's own files, made once at start-up: the script compiled from TypeScript by esbuild,
 * everything content-hashed (so it can be cached for a year) and compressed ahead of time with brotli
 * and gzip. Nothing here is big enough to need a build step of its own.
 */

export interface Asset {
  type: string;
  raw: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export interface PortalAssets {
  /** By file name, e.g. "portal.3f2a9c1e.css". */
  files: Map<string, Asset>;
  urls: { css: string; js: string; icon: string; touchIcon: string; icon512: string };
  serviceWorker: Asset;
}

const DIR = new URL('./assets/', import.meta.url);
const PREFIX = '/portal-assets/';

function compressed(type: string, raw: Buffer): Asset {
  if (type.startsWith('image/png')) return { type, raw };
  return {
    type,
    raw,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip: gzipSync(raw, { level: 9 }),
  };
}

function compile(file: string, define: Record<string, string> = {}): Buffer {
  const out = buildSync({
    entryPoints: [new URL(file, DIR).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    write: false,
    define,
    logLevel: 'silent',
  });
  return Buffer.from(out.outputFiles[0].contents);
}

let built: PortalAssets | undefined;

/** Builds the files on first use and keeps them for the life of the process. */
export function portalAssets(): PortalAssets {
  if (built) return built;
  const files = new Map<string, Asset>();
  const add = (name: string, ext: string, type: string, raw: Buffer) => {
    const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 10);
    const file = `${name}.${hash}.${ext}`;
    files.set(file, compressed(type, raw));
    return PREFIX + file;
  };
  const read = (f: string) => readFileSync(new URL(f, DIR));
  const urls = {
    css: add('portal', 'css', 'text/css; charset=utf-8', read('portal.css')),
    js: add('portal', 'js', 'text/javascript; charset=utf-8', compile('portal.ts')),
    icon: add('icon', 'svg', 'image/svg+xml', read('icon.svg')),
    touchIcon: add('icon-192', 'png', 'image/png', read('icon-192.png')),
    icon512: add('icon-512', 'png', 'image/png', read('icon-512.png')),
  };
  const version = createHash('sha256').update(Object.values(urls).join()).digest('base64url').slice(0, 10);
  const serviceWorker = compressed(
    'text/javascript; charset=utf-8',
    // What the page needs to open offline; the PNG icons only matter when installing, which needs the network anyway.
    compile('sw.ts', { PRECACHE: JSON.stringify([urls.css, urls.js, urls.icon]), VERSION: JSON.stringify(version) }),
  );
  built = { files, urls, serviceWorker };
  // esbuild's sync calls keep a worker thread and a compiler process alive for the next call; there is none.
  stopEsbuild();
  return built;
}

/** The best encoding this browser takes: brotli, then gzip, else none. */
export function encodingFor(req: { headers: IncomingHttpHeaders }): 'br' | 'gzip' | null {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((p) => p.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name.toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
}

/** Sends an asset in the encoding the browser takes best. */
export function sendAsset(req: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.type(asset.type).header('vary', 'accept-encoding');
  const enc = encodingFor(req);
  const body = enc && asset[enc];
  if (enc && body) reply.header('content-encoding', enc);
  return reply.send(body ?? asset.raw);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compresses a page made for this request (quick settings: it is made fresh each time) and sends it. */
export async function sendCompressedHtml(req: FastifyRequest, reply: FastifyReply, page: string | Buffer) {
  const raw = typeof page === 'string' ? Buffer.from(page) : page;
  reply.type('text/html; charset=utf-8').header('vary', 'accept-encoding');
  const enc = encodingFor(req);
  if (!enc) return reply.send(raw);
  return reply.header('content-encoding', enc).send(await compressHtml(raw, enc));
}

/** A page made per request, compressed quickly enough to be worth it on a phone's connection. */
export function compressHtml(raw: Buffer, enc: 'br' | 'gzip'): Promise<Buffer> {
  return enc === 'br'
    ? brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gzipAsync(raw, { level: 6 });
}
