// A therapist on a tablet books an appointment on the calendar, moves it and double-books with a
// warning; a friend asks for a time through a client's share link and is confirmed with one tap,
// becoming a client credited to the referrer, with an .ics invite in the local time on a real SMTP
// server; a client's question is answered in the inbox; a goal gets progress on the client page;
// the referrals report exports CSV; the phone-calendar address works until it is stopped.
// axe checks every page on the way; the practice is in New York, whatever this machine's zone.
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/server/email/transport.js';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';
import { readIcs } from '../helpers/ics.js';
import { sentTo, startSmtp, type TestSmtp } from '../helpers/smtp.js';

const ZONE = 'America/New_York';

describe('rebooking, referrals, questions and goals in the browser', { timeout: 180_000 }, () => {
  let smtp: TestSmtp;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  const ids = { maya: '', sam: '' };
  /** A day a week ahead in the practice's zone, and the day after. */
  const day = DateTime.now().setZone(ZONE).plus({ days: 7 }).toISODate()!;
  const nextDay = DateTime.fromISO(day, { zone: ZONE }).plus({ days: 1 }).toISODate()!;

  const write = (path: string, data: unknown = {}, method: 'post' | 'patch' = 'post') =>
    page.request[method](`${server.url}${path}`, { data, headers: { 'x-csrf-token': csrf } });
  const read = async (path: string) => (await page.request.get(`${server.url}${path}`)).json();
  /** A visitor with no session, as a friend or a client's phone would be. */
  const publicPost = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const appointmentsOn = async (date: string) => {
    const from = DateTime.fromISO(date, { zone: ZONE });
    const q = new URLSearchParams({ from: from.toISO()!, to: from.plus({ days: 2 }).toISO()! });
    return (await read(`/api/v1/appointments?${q}`)).appointments as { clientName: string; startsAt: string; status: string }[];
  };
  const localTime = (iso: string) => DateTime.fromISO(iso).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ transport: smtpTransport(smtp.url) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET, hasTouch: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Robin Hale', email: 'robin@willow.test', password: 'a calm long password' },
      { into: context },
    ));
    expect((await write('/api/v1/practice', { timezone: ZONE, defaultDurationMinutes: 60 }, 'patch')).status()).toBe(200);
    for (const [key, firstName, lastName] of [
      ['maya', 'Maya', 'Lopez'],
      ['sam', 'Sam', 'Okafor'],
    ] as const) {
      const res = await write('/api/v1/clients', {
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}@example.com`,
        consentToEmail: true,
      });
      expect(res.status()).toBe(201);
      ids[key] = (await res.json()).id;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('books an appointment on the calendar, moves it, and asks before double-booking', async () => {
    // The server answers the overlapping booking 409, which the dialog turns into "Book anyway?".
    allowConsoleErrors(/status of 409/);
    await page.goto(`${server.url}/calendar`);
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page.getByText(/Nothing booked this week/).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'New appointment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('searchbox', { name: 'Client' }).fill('Maya');
    await dialog.getByRole('button', { name: /^Maya Lopez/ }).click();
    await dialog.getByLabel('Day').fill(day);
    await dialog.getByLabel('Time').fill('10:00');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByText(/^Booked Maya Lopez for /).waitFor();
    const block = page.getByRole('button', { name: /Maya Lopez/ });
    await block.waitFor();
    expect((await appointmentsOn(day)).map((a) => [a.clientName, localTime(a.startsAt)])).toEqual([['Maya Lopez', `${day}T10:00`]]);
    await expectNoAxeViolations(page);

    // Move it: a later start, and it says where it went.
    await block.click();
    const details = page.getByRole('dialog', { name: 'Maya Lopez' });
    await details.getByLabel('Time').fill('11:30');
    await details.getByRole('button', { name: 'Save new time' }).click();
    await page.getByText(/^Maya Lopez’s appointment moved to /).waitFor();
    expect((await appointmentsOn(day)).map((a) => localTime(a.startsAt))).toEqual([`${day}T11:30`]);

    // A second client at 12:00 overlaps 11:30–12:30: the calendar asks, then books when told to.
    await page.getByRole('button', { name: 'New appointment' }).click();
    await dialog.getByRole('searchbox', { name: 'Client' }).fill('Okafor');
    await dialog.getByRole('button', { name: /^Sam Okafor/ }).click();
    await dialog.getByLabel('Day').fill(day);
    await dialog.getByLabel('Time').fill('12:00');
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await dialog.getByText(/This overlaps Maya Lopez/).waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Book anyway' }).click();
    await page.getByText(/^Booked Sam Okafor for /).waitFor();
    expect((await appointmentsOn(day)).map((a) => [a.clientName, localTime(a.startsAt)])).toEqual([
      ['Maya Lopez', `${day}T11:30`],
      ['Sam Okafor', `${day}T12:00`],
    ]);
  });

  it('shows on the calendar how a client’s homework went, in words and, on a phone’s narrow block, as 1/1', async () => {
    // Sam was given homework today and did it: the calendar shows how it went, as the clients list counts it.
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    const visit = await write(`/api/v1/clients/${ids.sam}/sessions`, { date: today, areasWorked: [{ region: 'neck-back' }] });
    expect(visit.status()).toBe(201);
    const given = await write(`/api/v1/sessions/${(await visit.json()).id}/homework`, { exerciseId: 'chin-tucks' });
    expect(given.status()).toBe(201);
    const samToken = ((await (await write(`/api/v1/clients/${ids.sam}/link`)).json()).url as string).split('/c/')[1];
    const checkIn = await publicPost(`/api/v1/portal/${samToken}/checkins`, {
      homeworkId: (await given.json()).id,
      date: today,
      done: true,
    });
    expect(checkIn.status).toBe(200);
    const listed = ((await read('/api/v1/clients')).clients as { id: string; adherence: unknown }[]).find((c) => c.id === ids.sam);
    expect(listed?.adherence).toMatchObject({ doneDays: 1, ofDays: 1 });

    // The day view from the week's column heading: both blocks, side by side.
    await page.goto(`${server.url}/calendar?date=${day}`);
    const weekday = DateTime.fromISO(day).setLocale('en-GB').toFormat('cccc d MMMM');
    await page.getByRole('link', { name: new RegExp(`^${weekday}`) }).click();
    await page.waitForURL(/view=day/);
    const samBlock = page.getByRole('button', { name: /Sam Okafor.*Homework done 1 of 1 day, last check-in/ });
    await samBlock.getByText('Homework 1/1').waitFor();
    expect(
      await page
        .getByRole('button', { name: /Maya Lopez/ })
        .getByText(/^Homework/)
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Day', pressed: true }).waitFor();
    await expectNoAxeViolations(page);
    await samBlock.click();
    const samDetails = page.getByRole('dialog', { name: 'Sam Okafor' });
    await samDetails.getByText(/^Homework done 1 of 1 day, last check-in /).waitFor();
    await expectNoAxeViolations(page);
    await samDetails.getByRole('button', { name: 'Close' }).click();

    // On a phone's week, "1/1" fits Sam's narrow block whole; the button's name still says it in words.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Week' }).click();
    const homework = samBlock.locator('.cal-block__homework > [aria-hidden="true"]');
    // biome-ignore lint/performance/useDomNodeTextContent: the text shown, without the word the phone hides
    await expect.poll(() => homework.innerText()).toBe('1/1');
    expect(await homework.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await page.setViewportSize(TABLET);
  });

  it('confirms a friend’s request in one tap: a new client credited to the referrer, with an .ics in local time', async () => {
    const { code } = await read(`/api/v1/clients/${ids.maya}/referral`);
    const preferred = [`${nextDay}T14:00`, `${nextDay}T16:30`].map((t) => DateTime.fromISO(t, { zone: ZONE }).toISO()!);
    const asked = await publicPost(`/api/v1/referrals/${code}/booking-requests`, {
      name: 'Priya Shah',
      email: 'priya@example.com',
      preferredTimes: preferred,
      message: 'Maya said you fixed her headaches!',
    });
    expect(asked.status).toBe(201);

    await page.goto(`${server.url}/calendar`);
    await page.getByText(/Someone is waiting for an answer/).waitFor();
    await page
      .getByRole('navigation', { name: 'Calendar sections' })
      .getByRole('link', { name: /Requests/ })
      .click();
    await page.getByRole('heading', { name: 'Priya Shah' }).waitFor();
    await page.getByText('Friend of Maya Lopez').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /^Confirm .*2:00/ }).click();
    await page.getByText(/^Booked Priya Shah for /).waitFor();
    await page.getByRole('heading', { name: 'No requests waiting' }).waitFor();
    await page.getByRole('link', { name: 'Come back?' }).click();
    await page.getByRole('heading', { name: 'Everyone has been back lately' }).waitFor();
    await expectNoAxeViolations(page);

    const request = (await read('/api/v1/booking-requests?status=all')).requests[0];
    expect(request.status).toBe('confirmed');
    const friend = await read(`/api/v1/clients/${request.clientId}`);
    expect([friend.firstName, friend.lastName, friend.intake.referredByClientId]).toEqual(['Priya', 'Shah', ids.maya]);

    const [mail] = await smtp.waitForMail(sentTo('priya@example.com'));
    const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(ics).toBeTruthy();
    const calendar = readIcs(ics!.content.toString('utf8'));
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0].localStart).toBe(`${nextDay}T14:00`);
    expect(calendar.events[0].tzid).toBe(ZONE);
    expect(calendar.events[0].startUtc).toBe(new Date(preferred[0]).toISOString());
  });

  it('answers a client’s question from the inbox', async () => {
    const link = await (await write(`/api/v1/clients/${ids.maya}/link`)).json();
    const token = (link.url as string).split('/c/')[1];
    const asked = await publicPost(`/api/v1/portal/${token}/questions`, { text: 'Should the ball feel tender at the base of my skull?' });
    expect(asked.status).toBe(201);

    await page.goto(`${server.url}/calendar`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /1 open Questions/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    await page.getByText('Should the ball feel tender at the base of my skull?').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Your answer to Maya').fill('A little tender is fine. Stop if it is sharp, and go gently for a minute.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Answer sent to Maya Lopez.').waitFor();
    await page.getByRole('heading', { name: 'Answered' }).waitFor();
    await expect.poll(() => nav.getByRole('link', { name: 'Questions', exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    const [question] = (await read('/api/v1/questions?status=all')).questions;
    expect(question.answer).toMatch(/^A little tender is fine/);
    const [answerMail] = await smtp.waitForMail((m) => sentTo('maya@example.com')(m) && /answered your question/.test(m.subject ?? ''));
    expect(answerMail.text).toMatch(/A little tender is fine/);
  });

  it('adds a goal with progress on the client page, sees the next appointment and thanks the referrer', async () => {
    await page.goto(`${server.url}/clients/${ids.maya}`);
    await page.getByRole('heading', { level: 1, name: 'Maya Lopez' }).waitFor();
    const goals = page.getByRole('region', { name: 'Goals' });
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    await goals.getByLabel('The goal, in Maya’s words').fill('Get through a work day without a headache');
    await goals.getByLabel(/^What to count/).fill('headaches per week');
    await goals.getByLabel(/^Now/).fill('4');
    await goals.getByLabel(/^Aim/).fill('1');
    await goals.getByLabel(/^By/).fill('2027-03-31');
    await goals.getByRole('button', { name: 'Add goal' }).click();
    await goals.getByText('Goal added.').waitFor();
    await goals.getByText(/^4 → 1 headaches per week by Wed 31 Mar 2027$/).waitFor();

    await goals.getByRole('button', { name: /^Log progress/ }).click();
    await goals.getByLabel('Headaches per week now').fill('2');
    await goals.getByLabel(/^Note/).fill('Only on deadline days');
    await goals.getByRole('button', { name: 'Save progress' }).click();
    await goals.getByText('Progress saved.').waitFor();
    const chart = goals.getByRole('img', { name: 'Progress: headaches per week' });
    await chart.waitFor();
    await goals.getByText('Show the numbers').click();
    await goals.getByRole('table').getByRole('cell', { name: 'Only on deadline days' }).waitFor();
    const saved = (await read(`/api/v1/clients/${ids.maya}/goals`)).goals[0];
    expect([saved.baseline, saved.target, saved.targetDate, saved.progress.map((p: { value: number }) => p.value)]).toEqual([
      4,
      1,
      '2027-03-31',
      [2],
    ]);

    const appointments = page.getByRole('region', { name: 'Appointments' });
    await expect.poll(() => appointments.textContent()).toMatch(/Next.*11:30/);

    const referrals = page.getByRole('region', { name: 'Referrals' });
    expect(await referrals.getByRole('textbox', { name: 'Maya’s share link' }).inputValue()).toMatch(/\/r\/[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await referrals.getByRole('link', { name: 'Priya Shah' }).waitFor();
    await expectNoAxeViolations(page);
    await referrals.getByRole('checkbox', { name: 'Thank you sent' }).check();
    await expect.poll(() => referrals.getByRole('checkbox', { name: 'Thank you sent' }).isDisabled()).toBe(true);
    expect((await read('/api/v1/reports/referrals')).referrals[0].thanked).toBe(true);
  });

  it('shows the referrals report and exports it as CSV', async () => {
    await page.goto(`${server.url}/calendar`);
    await page.getByRole('link', { name: 'Referrals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    const row = page.getByRole('row', { name: /Maya Lopez.*Priya Shah/ });
    await row.waitFor();
    expect(await row.getByRole('checkbox', { name: 'Thank you sent to Maya Lopez' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^referrals-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('Referred by,Friend,Referred on,Booked,First visit,Thank you sent');
    expect(csv[1]).toMatch(/^Maya Lopez,Priya Shah,.*,Yes,.*,Yes$/);
  });

  it('gives the therapist a calendar address for the phone, and stops it', async () => {
    await page.goto(`${server.url}/settings`);
    const feed = page.getByRole('region', { name: 'Add your appointments to your phone’s calendar' });
    await feed.getByRole('button', { name: 'Make my calendar address' }).click();
    const address = await feed.getByRole('textbox', { name: 'Your calendar address' }).inputValue();
    expect(address).toMatch(/\/api\/v1\/calendar\/[\w-]+\.ics$/);
    const subscribed = readIcs(await (await fetch(address)).text());
    expect(subscribed.events.map((e) => e.localStart).sort()).toEqual([`${day}T11:30`, `${day}T12:00`, `${nextDay}T14:00`]);
    await expectNoAxeViolations(page);

    await feed.getByRole('button', { name: 'Stop this address' }).click();
    await feed.getByRole('button', { name: 'Yes, stop it' }).click();
    await feed.getByText(/The address is stopped/).waitFor();
    expect((await fetch(address)).status).toBe(404);
  });
});
