// A therapist on a tablet adds the booking calendar they already use by its iCal address (served
// here by a local calendar server), sees its bookings read-only in the day view, and matches one
// to a client with one tap; on a phone the Settings card and the day still fit. axe on every page.
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../../src/server/features/calendar-import/feed.fixtures.js';
import { expectNoAxeViolations, launchBrowser, PHONE, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';

const ZONE = 'America/New_York';

describe('the booking calendar a therapist already uses, in the browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let feed: FeedServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** A day a week ahead in the practice's zone. */
  const day = DateTime.now().setZone(ZONE).plus({ days: 7 }).startOf('day');
  const stamp = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");

  beforeAll(async () => {
    feed = await startFeedServer();
    feed.serve({
      body: [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Booking system//EN',
        'X-WR-CALNAME:Front desk bookings',
        'BEGIN:VEVENT',
        'UID:weekly@booking.example',
        'DTSTAMP:20261101T000000Z',
        `DTSTART;TZID=${ZONE}:${stamp(day.set({ hour: 10 }))}`,
        `DTEND;TZID=${ZONE}:${stamp(day.set({ hour: 11 }))}`,
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'SUMMARY:Deep tissue 60',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:course@booking.example',
        'DTSTAMP:20261101T000000Z',
        `DTSTART;VALUE=DATE:${day.toFormat('yyyyMMdd')}`,
        `DTEND;VALUE=DATE:${day.plus({ days: 1 }).toFormat('yyyyMMdd')}`,
        'SUMMARY:Studio cleaning day',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    });
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET, hasTouch: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    const { csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Robin Hale', email: 'robin@willow.test', password: 'a calm long password' },
      { into: context },
    );
    const headers = { 'x-csrf-token': csrf };
    expect((await page.request.patch(`${server.url}/api/v1/practice`, { data: { timezone: ZONE }, headers })).status()).toBe(200);
    const client = await page.request.post(`${server.url}/api/v1/clients`, {
      data: { firstName: 'Maya', lastName: 'Lopez', email: 'maya@example.com' },
      headers,
    });
    expect(client.status()).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await feed?.close();
  });

  it('adds the calendar in Settings, shows its bookings read-only, and matches one to a client with one tap', async () => {
    await page.goto(`${server.url}/settings`);
    const card = page.getByRole('region', { name: 'The booking calendar you already use' });
    await card.getByLabel('Calendar address (iCal)').fill(feed.url());
    await card.getByRole('button', { name: 'Add calendar' }).click();
    await expect.poll(() => card.getByText(/Added\. Carryover found 4 bookings/).count()).toBe(1);
    await expect.poll(() => card.getByText('Front desk bookings').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/calendar?view=day&date=${day.toISODate()}`);
    const block = page.getByRole('button', { name: /Deep tissue 60.*from your booking calendar/ });
    await block.waitFor();
    await expect.poll(() => page.getByRole('button', { name: /All day .*Studio cleaning day/ }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await block.click();
    const dialog = page.getByRole('dialog', { name: 'Deep tissue 60' });
    await expect.poll(() => dialog.getByText(/Carryover only reads it/).count()).toBe(1);
    await dialog.getByLabel('Client').fill('Maya');
    await dialog.getByRole('button', { name: /Maya Lopez/ }).click();
    await dialog.getByRole('button', { name: 'This is Maya Lopez' }).click();
    await expect.poll(() => page.getByText(/Matched to Maya Lopez/).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Maya Lopez · Deep tissue 60/ }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // The day's page lists the same bookings, read-only, with the client matched.
    await page.goto(`${server.url}/today?date=${day.toISODate()}`);
    const fromCalendar = page.getByRole('region', { name: 'From your booking calendar' });
    await fromCalendar.getByText('Deep tissue 60').waitFor();
    await expect.poll(() => fromCalendar.getByRole('link', { name: 'Maya Lopez' }).count()).toBe(1);
    await expect.poll(() => fromCalendar.getByText('Studio cleaning day').count()).toBe(1);
    await expectNoAxeViolations(page);

    const shots = process.env.SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/booking-calendar-day-tablet.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    if (shots) await page.screenshot({ path: `${shots}/booking-calendar-day-phone.png` });
    await page.goto(`${server.url}/settings`);
    await page.getByText('Front desk bookings').first().scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: `${shots}/booking-calendar-settings-phone.png` });
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
