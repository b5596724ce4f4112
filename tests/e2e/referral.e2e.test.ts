// A client's share link on a phone: a friend opens /r/<code>, asks for a first visit, and the therapist
// sees the request credited to the client who shared it. The client's page shows the link, asks for the
// next visit, logs a goal and answers "how did your homework go?"; axe finds nothing on either page.
import { DateTime } from 'luxon';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, PHONE, signUpOverHttp, startServer } from '../helpers/browser.js';

const BUDGET = 100 * 1024;
const PHONE_CONTEXT = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const ZONE = 'America/Chicago';

describe('sharing the practice with a friend, in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let therapist: APIRequestContext;
  let csrf: string;

  const write = (url: string, data: unknown = {}, method: 'post' | 'patch' = 'post') =>
    therapist[method](`${server.url}${url}`, { data, headers: { 'x-csrf-token': csrf } });
  const read = async (url: string) => (await therapist.get(`${server.url}${url}`)).json();
  /** A day a week from now in the practice's zone, as a date box takes it. */
  const nextWeek = (days = 7) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
  const instant = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toMillis();

  async function newClient(firstName: string, lastName: string) {
    const client = await (
      await write('/api/v1/clients', {
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}@example.com`,
        timezone: ZONE,
        intake: { complaints: ['headaches'], tools: ['tennis-ball'] },
      })
    ).json();
    return client as { id: string };
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const room = await browser.newContext();
    therapist = room.request;
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Tess', email: 'tess@willow.test', password: 'a calm long password' },
      { into: room },
    ));
    expect((await write('/api/v1/practice', { timezone: ZONE }, 'patch')).status()).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A phone that has never seen the site, counting the bytes its first load takes off the wire. */
  async function freshPhone(opts: { permissions?: string[] } = {}) {
    const context = await browser.newContext({ ...PHONE_CONTEXT, permissions: opts.permissions });
    context.setDefaultTimeout(20_000);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const wire = { bytes: 0 };
    cdp.on('Network.loadingFinished', (e) => {
      wire.bytes += e.encodedDataLength;
    });
    return { context, page, wire };
  }

  it('a friend opens the share link, asks for a first visit, and the therapist sees it credited to the client', async () => {
    const rory = await newClient('Rory', 'Quill');
    const share = await read(`/api/v1/clients/${rory.id}/referral`);
    expect(share.url).toBe(`${server.url}/r/${share.code}`);

    const { context, page, wire } = await freshPhone();
    const res = await page.goto(share.url, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(wire.bytes).toBeLessThanOrEqual(BUDGET);
    await page.getByRole('heading', { level: 1, name: "Rory thinks you'd like Willow Table Massage" }).waitFor();
    expect(await page.getByText('Quill').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);

    const day = nextWeek();
    await page.getByLabel('Your name').fill('Sam Friend');
    await page.getByLabel('Your email').fill('sam@example.com');
    await page.getByLabel('Your phone').fill('+1 312 555 0100');
    await page.locator('#r-day1').fill(day);
    await page.locator('#r-time1').fill('10:30');
    await page.getByLabel('Anything we should know?').fill('My shoulders are tight from work.');
    const sent = page.waitForResponse((r) => r.url().endsWith('/booking-requests') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Ask for a visit' }).click();
    expect((await sent).status()).toBe(201);
    await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();
    await expectNoAxeViolations(page);

    const { requests } = await read('/api/v1/booking-requests');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      name: 'Sam Friend',
      email: 'sam@example.com',
      phone: '+1 312 555 0100',
      referrerClientId: rory.id,
      referrerName: 'Rory Quill',
      message: 'My shoulders are tight from work.',
      status: 'open',
    });
    // The time the friend picked, in the practice's zone, with its offset.
    expect(requests[0].preferredTimes).toHaveLength(1);
    expect(Date.parse(requests[0].preferredTimes[0])).toBe(instant(day, '10:30'));

    // Chromium logs the unknown link's 404; the page says what to do.
    allowConsoleErrors(/status of 404/);
    const unknown = await page.goto(`${server.url}/r/ZZZZ-ZZZZ`);
    expect(unknown?.status()).toBe(404);
    await page.getByText('This link does not work. Ask the friend who sent it to check it.').waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });

  it("the client's page shares the link, asks for the next visit, logs a goal and answers the homework question", async () => {
    const nia = await newClient('Nia', 'Okafor');
    const visit = await (
      await write(`/api/v1/clients/${nia.id}/sessions`, { date: '2026-03-02', areasWorked: [{ region: 'neck-back' }] })
    ).json();
    expect((await write(`/api/v1/sessions/${visit.id}/homework`, { exerciseId: 'suboccipital-ball-release' })).status()).toBe(201);
    const goal = await (
      await write(`/api/v1/clients/${nia.id}/goals`, { statement: 'Fewer headaches', unit: 'headaches per week', baseline: 4, target: 1 })
    ).json();
    const url = (await (await write(`/api/v1/clients/${nia.id}/link`)).json()).url as string;
    const { code } = await read(`/api/v1/clients/${nia.id}/referral`);

    const { context, page, wire } = await freshPhone({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(wire.bytes).toBeLessThanOrEqual(BUDGET);
    await page.getByRole('heading', { name: 'Share with a friend' }).waitFor();
    await page.getByText(code, { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Your link for friends' }).inputValue()).toBe(`${server.url}/r/${code}`);
    await page.getByRole('heading', { name: 'Book your next visit' }).waitFor();
    await page.getByRole('heading', { name: 'Fewer headaches' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied. Now paste it in a message to your friend.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/r/${code}`);

    const goalForm = page.locator('form.goal-log');
    await goalForm.getByLabel('Headaches per week').fill('2');
    const logged = page.waitForResponse((r) => r.url().endsWith(`/goals/${goal.id}/progress`));
    await goalForm.getByRole('button', { name: 'Save' }).click();
    expect((await logged).status()).toBe(201);
    await goalForm.getByText('Thank you. Your number is saved.').waitFor();
    const goals = (await read(`/api/v1/clients/${nia.id}/goals`)).goals;
    expect(goals[0].progress).toEqual([expect.objectContaining({ value: 2, recordedBy: 'client' })]);

    const day = nextWeek(8);
    await page.locator('#book-day1').fill(day);
    await page.locator('#book-time1').fill('17:15');
    await page.getByLabel('A note for Tess').fill('After work is best.');
    const asked = page.waitForResponse((r) => r.url().endsWith('/booking-requests') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Ask for a visit' }).click();
    expect((await asked).status()).toBe(201);
    await page.getByText("Thank you. You asked for a visit. We'll email you when it's confirmed.").waitFor();
    const request = (await read('/api/v1/booking-requests')).requests.find((r: { clientId: string | null }) => r.clientId === nia.id);
    expect(request).toMatchObject({ name: 'Nia Okafor', message: 'After work is best.', referrerClientId: null });
    expect(Date.parse(request.preferredTimes[0])).toBe(instant(day, '17:15'));
    await expectNoAxeViolations(page);

    // The day-before mail's link: the answer is already chosen, and nothing is kept until Send.
    const appointment = await (await write(`/api/v1/clients/${nia.id}/appointments`, { startsAt: `${nextWeek(3)}T15:00:00Z` })).json();
    const report = async () =>
      (
        await server.database.db
          .selectFrom('appointments')
          .select('homework_report')
          .where('id', '=', appointment.id)
          .executeTakeFirstOrThrow()
      ).homework_report;
    await page.goto(`${url}?went=some-days`, { waitUntil: 'networkidle' });
    const card = page.locator('#went');
    await card.getByRole('heading', { name: 'How did your homework go?' }).waitFor();
    expect(await card.getByRole('radio', { name: 'Some days' }).isChecked()).toBe(true);
    expect(await report()).toBeNull();
    await expectNoAxeViolations(page);
    await card.getByRole('radio', { name: 'Most days' }).check();
    const answered = page.waitForResponse((r) => r.url().endsWith('/homework-report'));
    await card.getByRole('button', { name: 'Send' }).click();
    expect((await answered).status()).toBe(200);
    await card.getByText('Thank you. Tess will see this before your visit.').waitFor();
    expect(await report()).toBe('most-days');
    expect(new URL(page.url()).search).toBe('');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('works with the script turned off: the friend’s form posts and shows the thank-you', async () => {
    const ola = await newClient('Ola', 'Brand');
    const { code } = await read(`/api/v1/clients/${ola.id}/referral`);
    const context = await browser.newContext({ ...PHONE_CONTEXT, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${code}`);
    await page.getByLabel('Your name').fill('Kim Friend');
    await page.getByLabel('Your email').fill('kim@example.com');
    await page.locator('#r-day1').fill(nextWeek(9));
    await page.locator('#r-time1').fill('09:00');
    await page.getByRole('button', { name: 'Ask for a visit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();
    const request = (await read('/api/v1/booking-requests')).requests.find((r: { email: string }) => r.email === 'kim@example.com');
    expect(request).toMatchObject({ referrerClientId: ola.id, referrerName: 'Ola Brand' });
    await context.close();
  });
});
