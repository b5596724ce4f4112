import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
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

/**
 * Chromium as every browser test starts it. Every page opened in a context of this browser is
 * watched: a console error or a page error fails the test it happens in (see browser-setup.ts).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const newContext = browser.newContext.bind(browser);
  // browser.newPage() opens its context through this too.
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watchPage);
    return context;
  };
  return browser;
}

const consoleErrors: string[] = [];
const expectedErrors: RegExp[] = [];

function watchPage(page: Page) {
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (on ${page.url()})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${e.message} (on ${page.url()})`));
}

/**
 * Lets the running test log errors it expects, such as the "Failed to load resource: … status of
 * 409" Chromium writes for a conflict the page then shows. Only for this test; say why beside it.
 */
export function allowConsoleErrors(...patterns: RegExp[]) {
  expectedErrors.push(...patterns);
}

/** The console and page errors since the last call that no test expected; forgets them all. */
export function unexpectedConsoleErrors(): string[] {
  const unexpected = consoleErrors.filter((e) => !expectedErrors.some((p) => p.test(e)));
  consoleErrors.length = 0;
  expectedErrors.length = 0;
  return unexpected;
}

/** Fails the test with a readable list when axe finds any violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // A page's code arrives after the frame the first time it is opened: check the page, not the wait.
  await page.getByRole('status').filter({ hasText: 'Opening…' }).first().waitFor({ state: 'detached' });
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

/**
 * A new practice signed up over HTTP: the CSRF token and the Cookie header to call the API as its
 * owner. With `into`, that browser context is signed in too (its pages and its `request`).
 */
export async function signUpOverHttp(
  url: string,
  owner: { practiceName: string; name: string; email: string; password: string },
  opts: { into?: BrowserContext } = {},
): Promise<{ csrf: string; cookie: string; memberId: string; practiceId: string }> {
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
  if (opts.into) await signInWith(opts.into, url, cookie);
  return { csrf: body.csrfToken, cookie, memberId: body.member.id, practiceId: body.practice.id };
}

/** Gives a browser context the cookies of a session signed in over HTTP. */
export async function signInWith(context: BrowserContext, url: string, cookie: string) {
  const cookies = cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
  await context.addCookies(cookies);
}
