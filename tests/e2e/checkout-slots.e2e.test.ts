// Checkout in the browser: the best free time and two others, one tap with a few seconds to undo,
// a client with a visit ahead keeps or moves it, and each therapist's working hours in Settings.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, signInWith, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';

const ZONE = 'America/New_York';

describe('checkout offers free times only', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  let cookie: string;
  let memberId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ csrf, cookie, memberId } = await signUpOverHttp(server.url, {
      practiceName: 'Cedar Room',
      name: 'Ari Vale',
      email: 'ari@cedar.test',
      password: 'a calm long password',
    }));
    await call('PATCH', '/api/v1/practice', { timezone: ZONE, rebookIntervalDays: 14 });
    // Every day, so the test does not depend on which weekday it runs.
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    await call('PUT', `/api/v1/members/${memberId}/working-hours`, { weekly, daysOff: [] });
    context = await browser.newContext({ viewport: TABLET, timezoneId: 'Asia/Tokyo' });
    context.setDefaultTimeout(20_000);
    await signInWith(context, server.url, cookie);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
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
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  async function clientWithSession(firstName: string) {
    const client = await call<{ id: string }>('POST', '/api/v1/clients', {
      firstName,
      lastName: 'Stone',
      email: `${firstName}@example.com`,
    });
    const session = await call<{ id: string }>('POST', `/api/v1/clients/${client.id}/sessions`, {
      date: today(),
      areasWorked: [{ region: 'neck-back' }],
      areasNeedingMoreTime: [],
    });
    return { client, session };
  }
  const visitsOf = async (clientId: string) => {
    const q = new URLSearchParams({ clientId, from: today(), to: '2028-01-01' });
    return (await call<{ appointments: { id: string; startsAt: string; status: string }[] }>('GET', `/api/v1/appointments?${q}`))
      .appointments;
  };

  it('books the best free time in one tap, and Undo takes the tap back before anything is booked', async () => {
    const { client, session } = await clientWithSession('june');
    const suggestion = await call<{ slots: { startsAt: string }[] }>('GET', `/api/v1/sessions/${session.id}/rebook-suggestion`);
    expect(suggestion.slots).toHaveLength(3);
    // The page's timers run on a clock the test can move on: the undo time passes in one step, not in a wait.
    await page.clock.install();
    await page.goto(`${server.url}/sessions/${session.id}/homework`);
    const rebook = page.getByRole('region', { name: /Book the next visit/ });
    const best = rebook.getByRole('button', { name: /^Book / });
    await best.waitFor();
    const others = rebook.getByRole('group', { name: 'Or another free time' }).getByRole('button');
    expect(await others.count()).toBe(2);
    await expectNoAxeViolations(page);

    await best.click();
    await rebook
      .getByRole('status')
      .filter({ hasText: /^Booking / })
      .waitFor();
    const changes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/')) changes.push(`${r.method()} ${r.url()}`);
    });
    await rebook.getByRole('button', { name: 'Undo' }).click();
    await best.waitFor();
    // Well past the few seconds to undo: the booking the tap would have sent is never sent.
    await page.clock.fastForward('00:10');
    await page.evaluate(() => document.readyState);
    expect(changes).toEqual([]);
    expect(await visitsOf(client.id)).toEqual([]);

    const second = (await others.nth(0).textContent())!;
    await others.nth(0).click();
    await page.clock.fastForward('00:10');
    await rebook.getByText('Booked.').waitFor();
    const [visit] = await visitsOf(client.id);
    expect(Date.parse(visit.startsAt)).toBe(Date.parse(suggestion.slots[1].startsAt));
    // The practice's clock, not the Tokyo laptop's.
    expect(await rebook.textContent()).toContain(second.trim());
    expect(await rebook.textContent()).toContain('The calendar invite goes with the homework email.');
  });

  it('shows a client’s visit already booked to keep or move, and moves it to a free time', async () => {
    const { client, session } = await clientWithSession('kai');
    const ahead = new Date(Date.now() + 10 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(ahead);
    const booked = await call<{ id: string; startsAt: string }>('POST', `/api/v1/clients/${client.id}/appointments`, {
      startsAt: `${day}T11:00:00${ahead.toLocaleString('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' }).slice(-6)}`,
    });
    await page.goto(`${server.url}/sessions/${session.id}/homework`);
    const rebook = page.getByRole('region', { name: /Book the next visit/ });
    await rebook.getByText(/^Next visit /).waitFor();
    expect(await rebook.getByRole('button', { name: /^Book / }).count()).toBe(0);
    await rebook.getByRole('button', { name: 'Move' }).click();
    const free = rebook.getByRole('group', { name: 'Free times' }).getByRole('button');
    await free.first().waitFor();
    await expectNoAxeViolations(page);
    await free.first().click();
    await rebook.getByText('Moved.').waitFor({ timeout: 15_000 });
    const visits = await visitsOf(client.id);
    expect(visits).toHaveLength(1);
    expect(visits[0].id).toBe(booked.id);
    expect(visits[0].startsAt).not.toBe(booked.startsAt);
  });

  it('keeps working hours and days off in Settings, reachable at /settings#working-hours', async () => {
    await page.goto(`${server.url}/settings#working-hours`);
    const section = page.locator('#working-hours');
    await section.getByRole('heading', { name: 'Working hours' }).waitFor();
    await expectNoAxeViolations(page);
    await section.getByRole('button', { name: 'Add hours on Monday' }).click();
    const dayOff = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + 21 * 86_400_000));
    await section.getByLabel('Day off').fill(dayOff);
    await section.getByLabel('Why').fill('Holiday');
    await section.getByRole('button', { name: 'Add day off' }).click();
    await section.getByRole('button', { name: 'Save working hours' }).click();
    await section.getByText('Working hours saved.').waitFor();
    const saved = await call<{ weekly: { weekday: number }[]; daysOff: { date: string }[] }>(
      'GET',
      `/api/v1/members/${memberId}/working-hours`,
    );
    expect(saved.weekly.filter((r) => r.weekday === 1)).toHaveLength(2);
    expect(saved.daysOff).toEqual([{ date: dayOff, reason: 'Holiday' }]);
  });
});
