// The therapist's day from Today, held to a tap budget: the day's appointment → Start session →
// save → homework step → two items given → emailed → next visit booked, in at most 8 taps; the
// visit is then attended and linked, and the record reads as a SOAP note. Also on a phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, signInWith, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';
import { countTaps } from '../helpers/taps.js';

const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('Today: from the appointment to homework to the next visit', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let csrf: string;
  let cookie: string;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ csrf, cookie } = await signUpOverHttp(server.url, {
      practiceName: 'Cedar Room Massage',
      name: 'Sky Reed',
      email: 'sky@cedar.test',
      password: 'a calm long password',
    }));
    // The practice's clock is Tokyo's, never this machine's: Today follows it.
    await call('PATCH', '/api/v1/practice', { timezone: 'Asia/Tokyo' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A client booked at the start of this hour, today on the practice's clock. */
  async function bookedToday(firstName: string) {
    const client = await call<{ id: string }>('POST', '/api/v1/clients', {
      firstName,
      lastName: 'Park',
      email: `${firstName.toLowerCase()}@example.com`,
      consentToEmail: true,
      intake: { complaints: ['headaches'], tools: ['tennis-ball'], lifestyle: ['desk-work'], cautions: ['vertigo'] },
    });
    const hour = new Date();
    hour.setUTCMinutes(0, 0, 0);
    const booked = await call<{ appointment?: { id: string }; id?: string }>('POST', `/api/v1/clients/${client.id}/appointments`, {
      startsAt: hour.toISOString().replace('.000Z', 'Z'),
      confirmOverlap: true,
    });
    return { client, appointmentId: (booked.appointment ?? booked).id as string };
  }

  async function signedInPage(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(20_000);
    await signInWith(context, server.url, cookie);
    return { context, page: await context.newPage() };
  }

  it('starts the session from Today, gives two items, sends and books: at most 8 taps', async () => {
    const { client, appointmentId } = await bookedToday('Juno');
    const { context, page: raw } = await signedInPage({ viewport: TABLET, hasTouch: true });
    // "/" is Today for a signed-in therapist.
    await raw.goto(`${server.url}/`);
    await raw.waitForURL(/\/today$/);
    const card = raw.getByRole('article', { name: /Juno Park/ });
    await card.waitFor();
    expect(await card.getByRole('note', { name: 'Cautions' }).textContent()).toMatch(/Vertigo/i);
    expect(await card.textContent()).toContain('No homework yet.');
    expect(await raw.getByRole('navigation', { name: 'Main' }).first().getByRole('link').first().textContent()).toContain('Today');
    await expectNoAxeViolations(raw);

    const taps = countTaps(raw);
    const { page } = taps;
    await page
      .getByRole('article', { name: /Juno Park/ })
      .getByRole('link', { name: 'Start session' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Session for Juno Park' }).waitFor();
    // Pre-filled: the focus from the intake and what the client reported (nothing yet for a first visit).
    expect(await page.getByLabel('What the client reported (S)').inputValue()).toBe('No check-ins yet.');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Homework for Juno' }).waitFor();

    const suggested = page.getByRole('region', { name: 'Suggested for Juno' });
    for (let i = 0; i < 2; i++) {
      const offer = suggested
        .getByRole('article')
        .filter({ has: raw.getByRole('button', { name: /^Give this/ }) })
        .first();
      const name = (await offer.getByRole('heading', { level: 3 }).textContent())!;
      await offer.getByRole('button', { name: /^Give this/ }).click();
      await suggested.getByRole('article', { name, exact: true }).getByText('Given to Juno').waitFor();
    }
    const dock = page.getByRole('region', { name: /^Send home and book/ });
    await dock.getByRole('button', { name: 'Email it' }).click();
    await dock.getByText(/^Sent to juno@example.com/).waitFor();
    await dock.getByRole('button', { name: /^Book / }).click();
    await dock.getByText('Booked.').waitFor({ timeout: 30_000 });

    expect(taps.count, taps.log.join('\n')).toBeLessThanOrEqual(8);
    const sessionId = raw.url().split('/').at(-2)!;

    // The visit is attended and linked; Today now offers to open the session instead.
    const day = await call<{ appointments: { id: string; status: string; sessionId?: string }[] }>('GET', '/api/v1/today');
    expect(day.appointments.find((a) => a.id === appointmentId)).toMatchObject({ status: 'done', sessionId });
    const homework = await call<{ homework: unknown[] }>('GET', `/api/v1/clients/${client.id}/homework`);
    expect(homework.homework).toHaveLength(2);
    await raw.goto(`${server.url}/today`);
    await raw
      .getByRole('article', { name: /Juno Park/ })
      .getByRole('link', { name: 'Open session' })
      .waitFor();

    // The record reads as a SOAP note, with the plan filled in.
    await raw.goto(`${server.url}/sessions/${sessionId}/soap`);
    await raw.getByRole('heading', { level: 1, name: 'Session note: Juno Park' }).waitFor();
    const plan = raw.getByRole('region', { name: /Plan/ });
    await expect.poll(() => plan.textContent()).toMatch(/Homework: .+Homework: .+Next visit: /);
    await expectNoAxeViolations(raw);
    await context.close();
  });

  it('on a phone at 390×844: the day fits the screen, Start session is in reach, an empty day says so calmly', async () => {
    await bookedToday('Remy');
    const { context, page } = await signedInPage(PHONE_390);
    await page.goto(`${server.url}/today`);
    const card = page.getByRole('article', { name: /Remy Park/ });
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const start = (await card.getByRole('link', { name: 'Start session' }).boundingBox())!;
    expect(start.width).toBeGreaterThanOrEqual(300);
    expect(start.height).toBeGreaterThanOrEqual(44);

    // Tomorrow on the practice's clock: nothing booked.
    await page.getByRole('button', { name: /Next day/ }).tap();
    await page.getByRole('heading', { name: 'Nothing booked this day' }).waitFor();
    await page.getByRole('link', { name: 'Open the calendar' }).waitFor();
    await page.getByRole('button', { name: 'Back to today' }).tap();
    await page.getByRole('article', { name: /Remy Park/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
