// A therapist's laptop is set to Tokyo while the practice is in New York. Typing 10:00 in the
// appointment form or in "Change time" at checkout books 10:00 New York time (checked in the stored instant through the API), the
// calendar and Today show 10:00, and a quiet line says times are the practice's. The practice's
// 12- or 24-hour choice is how every time is written; a device in the practice's zone sees no note.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalDateTime } from '../../src/shared/time/format.js';
import { addDays, todayIn } from '../../src/shared/time/zone.js';
import { expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';

const PRACTICE_ZONE = 'America/New_York';
const NOTE = 'Times are in the practice’s time zone, New York.';

describe('the practice clock on a device in another time zone', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  let clientId = '';
  /** A day a week ahead on the practice's calendar. */
  const day = addDays(todayIn(PRACTICE_ZONE), 7);
  const at = (time: string) => parseLocalDateTime(day, time, PRACTICE_ZONE)!.getTime();

  const write = (path: string, data: unknown, method: 'post' | 'patch' = 'post') =>
    page.request[method](`${server.url}${path}`, { data, headers: { 'x-csrf-token': csrf } });
  const appointments = async () => {
    const q = new URLSearchParams({
      from: new Date(at('00:00') - 86_400_000).toISOString(),
      to: new Date(at('00:00') + 2 * 86_400_000).toISOString(),
    });
    const res = await page.request.get(`${server.url}/api/v1/appointments?${q}`);
    return (await res.json()).appointments as { id: string; startsAt: string; timezone: string }[];
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET, timezoneId: 'Asia/Tokyo', locale: 'en-US' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Harbour Massage', name: 'Alex Reed', email: 'alex@harbour.test', password: 'a calm long password' },
      { into: context },
    ));
    expect((await write('/api/v1/practice', { timezone: PRACTICE_ZONE, defaultDurationMinutes: 60 }, 'patch')).status()).toBe(200);
    const client = await write('/api/v1/clients', { firstName: 'Maya', lastName: 'Lopez', email: 'maya@example.com' });
    expect(client.status()).toBe(201);
    clientId = (await client.json()).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('books 10:00 New York time when 10:00 is typed on a laptop set to Tokyo, and shows 10:00 on the calendar', async () => {
    await page.goto(`${server.url}/calendar?date=${day}`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page.getByText(NOTE).first().waitFor();

    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('searchbox', { name: 'Client' }).fill('Maya');
    await dialog.getByRole('button', { name: /^Maya Lopez/ }).click();
    await dialog.getByLabel('Day').fill(day);
    await dialog.getByLabel('Time').fill('10:00');
    await dialog.getByText(NOTE).waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText(/^Booked Maya Lopez for .*10:00 AM\.$/).waitFor();

    const [booked] = await appointments();
    expect(booked.timezone).toBe(PRACTICE_ZONE);
    expect(Date.parse(booked.startsAt)).toBe(at('10:00'));
    expect(booked.startsAt).toMatch(new RegExp(`^${day}T10:00:00`));

    const block = page.getByRole('button', { name: /Maya Lopez/ });
    expect(await block.textContent()).toMatch(/10:00 AM/);

    // Moving it: 11:30 typed is 11:30 in New York too.
    await block.click();
    const details = page.getByRole('dialog', { name: 'Maya Lopez' });
    await details.getByLabel('Time').fill('11:30');
    await details.getByRole('button', { name: 'Save new time' }).click();
    await page.getByText(/^Maya Lopez’s appointment moved to .*11:30 AM/).waitFor();
    expect(Date.parse((await appointments())[0].startsAt)).toBe(at('11:30'));
  });

  it('shows the visit at the practice’s time on Today, in the hour style the practice picks', async () => {
    const [a] = await appointments();
    expect((await write(`/api/v1/appointments/${a.id}`, { startsAt: new Date(at('10:00')).toISOString() }, 'patch')).status()).toBe(200);
    await page.goto(`${server.url}/today?date=${day}`);
    const card = page.locator('.today-card').filter({ hasText: 'Maya Lopez' });
    await card.getByText('10:00 AM').waitFor();
    await page.getByText(NOTE).first().waitFor();
    await expectNoAxeViolations(page);

    expect((await write('/api/v1/practice', { timeFormat: '24h' }, 'patch')).status()).toBe(200);
    await page.reload();
    await card.getByText('10:00', { exact: true }).waitFor();
    expect(await page.getByText('10:00 AM').count()).toBe(0);
    await page.goto(`${server.url}/calendar?date=${day}&view=day`);
    const block = page.getByRole('button', { name: /Maya Lopez/ });
    await block.waitFor();
    expect(await block.textContent()).toMatch(/\b10:00\b(?! AM)/);
  });

  it('books the practice’s 10:00 from “Change time” at checkout on the Tokyo laptop', async () => {
    // A client with no visit ahead, so checkout offers times (Maya's visit above would be offered to keep or move).
    const noor = await write('/api/v1/clients', { firstName: 'Noor', lastName: 'Aziz', email: 'noor@example.com' });
    const noorId = (await noor.json()).id as string;
    const visit = await write(`/api/v1/clients/${noorId}/sessions`, {
      date: todayIn(PRACTICE_ZONE),
      areasWorked: [{ region: 'neck-back' }],
      areasNeedingMoreTime: [],
    });
    expect(visit.status()).toBe(201);
    const later = addDays(day, 7);
    await page.goto(`${server.url}/sessions/${(await visit.json()).id}/homework`);
    const rebook = page.getByRole('region', { name: /^Send home and book/ });
    await rebook.getByRole('button', { name: 'Change time' }).click();
    await rebook.getByLabel('Date').fill(later);
    await rebook.getByLabel('Time').fill('10:00');
    await rebook.getByText(NOTE).waitFor();
    await rebook.getByRole('button', { name: 'Use this time' }).click();
    // The practice now writes 24-hour times (the test before chose it).
    await rebook.getByText(/ at 10:00, /).waitFor();
    await rebook.getByText('Booked.').waitFor();
    const q = new URLSearchParams({ clientId: noorId, from: `${later}T00:00:00Z`, to: `${addDays(later, 2)}T00:00:00Z` });
    const found = (await (await page.request.get(`${server.url}/api/v1/appointments?${q}`)).json()).appointments as { startsAt: string }[];
    expect(found.map((a) => Date.parse(a.startsAt))).toEqual([parseLocalDateTime(later, '10:00', PRACTICE_ZONE)!.getTime()]);
  });

  it('says nothing about time zones to a device already on the practice’s clock', async () => {
    const local = await browser.newContext({ viewport: TABLET, timezoneId: 'America/Toronto', storageState: await context.storageState() });
    const there = await local.newPage();
    await there.goto(`${server.url}/today?date=${day}`);
    await there.locator('.today-card').filter({ hasText: 'Maya Lopez' }).getByText('10:00', { exact: true }).waitFor();
    expect(await there.getByText(NOTE).count()).toBe(0);
    await local.close();
    expect(clientId).not.toBe('');
  });
});
