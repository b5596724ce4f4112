import { existsSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/server/app.js';
import { buildTestApp } from './helpers/app.js';
import { freshDatabase } from './helpers/databases.js';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

// The sign-in page must load on a cheap phone: everything it fetches, as sent, within 150 KB.
const FIRST_LOAD_BUDGET = 150 * 1024;

describe('the therapist app as sent', () => {
  let app: TestApp;
  beforeAll(async () => {
    if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('Build the web app first: npm run build:web');
    app = await buildTestApp({ database: await freshDatabase('sqlite') });
  });
  afterAll(async () => {
    await app.http.close();
  });

  const get = (url: string, encoding = 'br, gzip') => app.http.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });

  it('sends the sign-in page and what it loads brotli-compressed, within the first-load budget', async () => {
    const page = await get('/signin', 'identity');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);

    let sent = page.rawPayload.length;
    for (const asset of assets) {
      const compressed = await get(asset);
      expect(compressed.statusCode, asset).toBe(200);
      expect(compressed.headers['content-encoding'], asset).toBe('br');
      expect(compressed.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      const plain = await get(asset, 'identity');
      expect(plain.headers['content-encoding'], asset).toBeUndefined();
      expect(brotliDecompressSync(compressed.rawPayload).equals(plain.rawPayload), asset).toBe(true);
      sent += compressed.rawPayload.length;
    }
    expect(sent).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  // Lighthouse mobile (decision 033): each request and each script run before the first paint counts.
  it('paints the sign-in page from one script and one stylesheet, with zod and the schemas left for later', async () => {
    const page = await get('/signin', 'identity');
    const scripts = [...page.body.matchAll(/<script[^>]+src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    const stylesheets = [...page.body.matchAll(/<link rel="stylesheet"[^>]+href="(\/assets\/[^"]+\.css)"/g)];
    expect(scripts).toHaveLength(1);
    expect(page.body).not.toContain('modulepreload');
    expect(stylesheets).toHaveLength(1);
    const script = await get(scripts[0] as string, 'identity');
    // zod names its error class in the build; the sign-in form imports the schemas when it is touched.
    expect(script.body).not.toContain('ZodError');
  });

  it('falls back to gzip for a browser that does not take brotli', async () => {
    const page = await get('/signin', 'identity');
    const script = page.body.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] as string;
    const gzipped = await get(script, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
  });
});
