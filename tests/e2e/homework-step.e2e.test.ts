// The homework step for a returning client, held to a tap budget: the therapist between clients
// on a tablet replaces one of two active items (at most 8 taps from the client's record to "sent
// and booked"), continues last time's homework with one item progressed (at most 5 from the
// visit's session form), and does the same on a phone, where Send and Book stay on screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, signInWith, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';
import { countTaps } from '../helpers/taps.js';

const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const CHIN = 'Seated chin tucks';
const BALL = 'Tennis ball release for the base of the skull';

describe('the homework step for a returning client', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let csrf: string;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ csrf, cookie } = await signUpOverHttp(server.url, {
      practiceName: 'Willow Table Massage',
      name: 'Robin Hale',
      email: 'robin@willow.test',
      password: 'a calm long password',
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  }

  /** A client seen before: last visit's session gave the ball release and chin tucks; they ticked some days off. */
  async function returningClient(firstName: string) {
    const client = await call<{ id: string }>('POST', '/api/v1/clients', {
      firstName,
      lastName: 'Lopez',
      email: `${firstName.toLowerCase()}@example.com`,
      consentToEmail: true,
      intake: { complaints: ['headaches', 'neck-pain'], tools: ['tennis-ball'], lifestyle: ['desk-work'] },
    });
    const last = await call<{ id: string }>('POST', `/api/v1/clients/${client.id}/sessions`, {
      date: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      areasWorked: [{ region: 'neck-back' }],
      areasNeedingMoreTime: [],
    });
    for (const exerciseId of ['suboccipital-ball-release', 'chin-tucks']) {
      await call('POST', `/api/v1/sessions/${last.id}/homework`, { exerciseId });
    }
    return client;
  }

  async function signedInPage(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(20_000);
    await signInWith(context, server.url, cookie);
    return { context, page: await context.newPage() };
  }

  const activeNames = async (clientId: string) =>
    (await call<{ homework: { exercise: { name: string } }[] }>('GET', `/api/v1/clients/${clientId}/homework`)).homework
      .map((h) => h.exercise.name)
      .sort();

  it('replaces one of two active items, keeps the other, sends and books: at most 8 taps', async () => {
    const client = await returningClient('Maya');
    const { context, page: raw } = await signedInPage({ viewport: TABLET, hasTouch: true });
    const taps = countTaps(raw);
    const { page } = taps;
    await page.goto(`${server.url}/clients/${client.id}`);

    await page.getByRole('link', { name: 'Record a session' }).click();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Homework for Maya' }).waitFor();
    // How the homework went is on the step itself.
    await page.getByText(/^Homework done 0 of \d+ days?$/).waitFor();
    await page.getByText('2 of 2 items').waitFor();

    // The active items are not offered again below; every suggestion offers Replace, not "Give this".
    const suggested = page.getByRole('region', { name: 'Suggested for Maya' });
    expect(await suggested.getByRole('article', { name: CHIN, exact: true }).count()).toBe(0);
    expect(await suggested.getByRole('article', { name: BALL, exact: true }).count()).toBe(0);
    expect(await suggested.getByRole('button', { name: /^Give this/ }).count()).toBe(0);
    const first = suggested.getByRole('article').first();
    const newName = (await first.getByRole('heading', { level: 3 }).textContent())!;
    await first.getByRole('button', { name: /^Replace…/ }).click();
    await expectNoAxeViolations(raw);
    await first.getByRole('button', { name: new RegExp(`^Replace ${CHIN}`) }).click();
    await first.getByText('Given to Maya').waitFor();

    const items = page.getByRole('region', { name: 'Maya’s items' });
    await items.getByRole('article', { name: BALL, exact: true }).getByRole('button', { name: /^Keep/ }).click();
    expect(await items.getByRole('button', { name: /^Kept/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await activeNames(client.id)).toEqual([BALL, newName].sort());

    const dock = page.getByRole('region', { name: /^Send home and book/ });
    await dock.getByRole('button', { name: 'Email it' }).click();
    await dock.getByText(/^Sent to maya@example.com/).waitFor();
    await dock.getByRole('button', { name: /^Book / }).click();
    // One tap books, with a few seconds to undo.
    await dock.getByText('Booked.').waitFor({ timeout: 30_000 });

    expect(taps.count, taps.log.join('\n')).toBeLessThanOrEqual(8);
    await context.close();
  });

  it('continues last time’s homework with one item progressed: at most 5 taps', async () => {
    const client = await returningClient('Noor');
    const { context, page: raw } = await signedInPage({ viewport: TABLET, hasTouch: true });
    await raw.goto(`${server.url}/clients/${client.id}/sessions/new`);
    await raw.getByRole('heading', { level: 1, name: 'Session for Noor Lopez' }).waitFor();
    const taps = countTaps(raw);
    const { page } = taps;

    await page.getByRole('button', { name: 'Save session' }).click();
    const items = page.getByRole('region', { name: 'Noor’s items' });
    // One tap: the button already names the harder version it moves on to.
    await items.getByRole('button', { name: new RegExp(`^Progress ${CHIN} to `) }).click();
    await items.getByText(new RegExp(`${CHIN} moved on to`)).waitFor();
    const dock = page.getByRole('region', { name: /^Send home and book/ });
    await dock.getByRole('button', { name: 'Email it' }).click();
    await dock.getByText(/^Sent to noor@example.com/).waitFor();
    await dock.getByRole('button', { name: /^Book / }).click();
    // One tap books, with a few seconds to undo.
    await dock.getByText('Booked.').waitFor({ timeout: 30_000 });

    expect(taps.count, taps.log.join('\n')).toBeLessThanOrEqual(5);
    const names = await activeNames(client.id);
    expect(names).toHaveLength(2);
    expect(names).toContain(BALL);
    expect(names).not.toContain(CHIN);
    await context.close();
  });

  it('on a phone at 390×844: Send and Book on screen without scrolling, nothing wider than the screen', async () => {
    const client = await returningClient('Lena');
    const session = await call<{ id: string }>('POST', `/api/v1/clients/${client.id}/sessions`, {
      date: new Date().toISOString().slice(0, 10),
      areasWorked: [{ region: 'neck-back' }],
      areasNeedingMoreTime: [{ region: 'upper-traps', side: 'left' }],
    });
    const { context, page: raw } = await signedInPage(PHONE_390);
    const taps = countTaps(raw);
    const { page } = taps;
    await page.goto(`${server.url}/sessions/${session.id}/homework`);
    await page.getByRole('heading', { level: 1, name: 'Homework for Lena' }).waitFor();
    const dock = page.getByRole('region', { name: /^Send home and book/ });
    const email = dock.getByRole('button', { name: 'Email it' });
    const book = dock.getByRole('button', { name: /^Book / });
    await book.waitFor();

    const onScreen = async () => {
      const height = await page.evaluate(() => window.innerHeight);
      for (const button of [email, book]) {
        const box = (await button.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
      }
    };
    const notWider = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await onScreen();
    await notWider();
    // The pinned bar leaves most of the screen to the items.
    expect((await dock.boundingBox())!.height).toBeLessThan(844 / 3);

    // "Same as last time" keeps both in one tap.
    await page.getByRole('button', { name: /^Same as last time/ }).tap();
    await page.getByText('Kept all 2 items as they are.').waitFor();
    expect(await page.getByRole('button', { name: /^Kept/ }).count()).toBe(2);

    // Halfway down and at the very end, the bar is still there and the last content is above it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await onScreen();
    const replace = page
      .getByRole('region', { name: 'Suggested for Lena' })
      .getByRole('button', { name: /^Replace…/ })
      .first();
    await replace.tap();
    await notWider();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await onScreen();
    const search = (await page.getByLabel('Search the library').boundingBox())!;
    expect(search.y + search.height).toBeLessThanOrEqual((await dock.boundingBox())!.y);
    await expectNoAxeViolations(raw);
    await notWider();

    await email.tap();
    await dock.getByText(/^Sent to lena@example.com/).waitFor();
    await onScreen();
    expect(taps.count).toBe(3);
    await context.close();
  });

  it('the clients list and the client record show how the homework goes and the next visit', async () => {
    await returningClient('Iris');
    const { context, page } = await signedInPage(PHONE_390);
    await page.goto(`${server.url}/clients`);
    const row = page.getByRole('link', { name: /^Iris Lopez/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Homework done 0 of 1 day · no check-in yet · no visit booked/);
    // Sorted by next visit, a client without one goes after those booked (Maya and Noor booked above).
    await page.getByRole('radio', { name: 'Next visit soonest' }).check();
    await expect.poll(async () => (await page.getByRole('link', { name: /Lopez/ }).allTextContents()).at(-1)).toMatch(/no visit booked/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await row.click();
    await page.getByRole('heading', { level: 1, name: 'Iris Lopez' }).waitFor();
    await page.getByText(/^Homework done 0 of 1 day/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(`Homework given: ${CHIN}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
