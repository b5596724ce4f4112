import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type App, buildApp, WEB_DIST } from '../../src/server/app.js';
import { systemClock } from '../../src/server/clock.js';
import type { Dialect } from '../../src/server/db/index.js';
import { type MailTransport, mailboxTransport } from '../../src/server/email/transport.js';
import { diskStorage } from '../../src/server/storage/storage.js';
import { testConfig } from './app.js';
import { freshDatabase } from './databases.js';

export const TABLET = { width: 1024, height: 768 };
export const PHONE = { width: 375, height: 740 };

/** The real server on a free port, serving the built web app, with its job runner ticking. */
export async function startServer(opts: { dialect?: Dialect; transport?: MailTransport } = {}) {
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('Build the web app first: npm run build:web');
  const database = await freshDatabase(opts.dialect ?? 'sqlite');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app: App = await buildApp({
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
    config: testConfig({ PUBLIC_URL: url }),
    transport: opts.transport ?? mailboxTransport,
    storage: diskStorage(mkdtempSync(join(tmpdir(), 'carryover-files-'))),
  });
  await app.http.listen({ port, host: '127.0.0.1' });
  app.jobs.start(100);
  return {
    url,
    app,
    database,
    async close() {
      await app.http.close();
      await database.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fails the test with a readable list when axe finds any violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // A page's code arrives after the frame the first time it is opened: check the page, not the wait.
  await page.getByRole('status').filter({ hasText: 'Opening…' }).first().waitFor({ state: 'detached' });
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/** Collects console errors and CSP violations so a test can assert the page stayed clean. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A new practice signed up over HTTP: the CSRF token and the Cookie header to call the API as its owner. */
export async function signUpOverHttp(
  url: string,
  owner: { practiceName: string; name: string; email: string; password: string },
): Promise<{ csrf: string; cookie: string; memberId: string }> {
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { csrf: body.csrfToken, cookie, memberId: body.member.id };
}
