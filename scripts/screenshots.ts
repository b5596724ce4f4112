// Screenshots of the web app for docs/screenshots/: the real server on a fresh temporary
// SQLite file, filled by the same demo seeder as `npm start`, driven by Chromium.
// Run with `npm run screenshots` after `npm run build:web`. Add a page by adding an entry to SHOTS;
// name pictures after `--` to retake only those.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';
import { DEMO_LOGIN, startDemoServer } from './demo-server.js';

interface Shot {
  /** The file name, without .png. */
  name: string;
  /** The page, as a path on the app, or found through the API of the signed-in demo owner. */
  path: string | ((page: Page) => Promise<string>);
  viewport: { width: number; height: number };
  /** The whole scrolling page, or only the viewport. */
  fullPage?: boolean;
  /** Waits for this before taking the picture, once the network is quiet. */
  ready?: (page: Page) => Promise<unknown>;
}

const TABLET = { width: 1024, height: 900 };

/** The demo client the homework pictures show, and her latest session. */
async function maya(page: Page) {
  const { clients } = await (await page.request.get('/api/v1/clients?q=maya')).json();
  const { sessions } = await (await page.request.get(`/api/v1/clients/${clients[0].id}/sessions`)).json();
  return { clientId: clients[0].id as string, sessionId: sessions[0].id as string };
}

/** The first day ahead with a booking, filled with two more clients so Today shows a day's run. */
async function busyDay(page: Page) {
  const { csrfToken } = await (await page.request.get('/api/v1/auth/csrf')).json();
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { appointments } = await (await page.request.get(`/api/v1/appointments?from=${from}&to=${to}`)).json();
  const first = appointments[0] as { startsAt: string; clientId: string };
  const { clients } = await (await page.request.get('/api/v1/clients?limit=10')).json();
  const others = (clients as { id: string }[]).filter((c) => c.id !== first.clientId).slice(0, 2);
  for (const [i, c] of others.entries()) {
    const startsAt = new Date(Date.parse(first.startsAt) + (i + 1) * 2 * 3_600_000).toISOString();
    await page.request.post(`/api/v1/clients/${c.id}/appointments`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { startsAt, confirmOverlap: true },
    });
  }
  return `/today?date=${first.startsAt.slice(0, 10)}`;
}

const SHOTS: Shot[] = [
  {
    // The therapist's home: the day in order, cautions first, how each client's homework went.
    name: 'today',
    path: busyDay,
    viewport: TABLET,
    fullPage: true,
    ready: (page) => page.getByRole('link', { name: 'Start session' }).first().waitFor(),
  },
  {
    name: 'assign',
    path: async (page) => `/sessions/${(await maya(page)).sessionId}/homework`,
    viewport: TABLET,
    fullPage: true,
    ready: async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      // A whole-page picture keeps a pinned bar where the first screen ended; show it where scrolling ends.
      await page.locator('.homework-dock').evaluate((dock: HTMLElement) => {
        dock.style.position = 'static';
      });
    },
  },
  {
    name: 'handout',
    path: async (page) => `/clients/${(await maya(page)).clientId}/handout`,
    viewport: { width: 850, height: 1100 },
    fullPage: true,
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  {
    name: 'client-page',
    path: async (page) => {
      const { csrfToken } = await (await page.request.get('/api/v1/auth/csrf')).json();
      const res = await page.request.post(`/api/v1/clients/${(await maya(page)).clientId}/link`, {
        headers: { 'x-csrf-token': csrfToken },
      });
      return new URL((await res.json()).url).pathname;
    },
    viewport: { width: 390, height: 844 },
    ready: (page) => page.locator('svg.drawing').first().waitFor(),
  },
  {
    // Send and Book stay pinned at the bottom while the items and suggestions scroll above them.
    name: 'homework-phone',
    path: async (page) => `/sessions/${(await maya(page)).sessionId}/homework`,
    viewport: { width: 390, height: 844 },
    ready: async (page) => {
      await page.getByRole('region', { name: /^Send home and book/ }).waitFor();
      await page.getByText('Finding the next time…').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'dashboard',
    path: '/dashboard',
    viewport: TABLET,
    fullPage: true,
    ready: (page) => page.getByRole('heading', { name: 'Month by month' }).waitFor(),
  },
];

const OUT_DIR = resolve('docs/screenshots');

async function main() {
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: TABLET, deviceScaleFactor: 1, baseURL: server.url });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(DEMO_LOGIN.email);
    await page.getByLabel('Password').fill(DEMO_LOGIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    mkdirSync(OUT_DIR, { recursive: true });
    // `npm run screenshots -- homework-phone` retakes only the pictures named.
    const only = process.argv.slice(2);
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.name))) {
      await page.setViewportSize(shot.viewport);
      const path = typeof shot.path === 'string' ? shot.path : await shot.path(page);
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      await shot.ready?.(page);
      const file = join(OUT_DIR, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      console.log(`saved ${file}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
