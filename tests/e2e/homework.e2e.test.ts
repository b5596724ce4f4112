// A therapist on a tablet, between clients: records a session, gives two items from the ranked
// suggestions (at the cap every other card offers Replace, never a Give the server refuses), teaches one full screen with the
// hold timer, sends the homework home over a real SMTP server (link and PDF), and rebooks in one
// tap, after which the client's next mail carries the .ics. axe checks every screen on the way.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/server/email/transport.js';
import { expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';
import { readPdf } from '../helpers/pdf.js';
import { sentTo, startSmtp, type TestSmtp } from '../helpers/smtp.js';

// A 1×1 PNG: a real image, as the server checks what a file is by its content.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const BALL = 'Tennis ball release for the base of the skull';
const CHIN = 'Seated chin tucks';

describe('homework in the browser', { timeout: 180_000 }, () => {
  let smtp: TestSmtp;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;
  // What the tests below build on, one after the other: Maya, her session and the chin tucks given.
  let client: { id: string };
  let sessionId: string;
  let chinItem: { id: string; dose: { reps: number }; note: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ transport: smtpTransport(smtp.url) });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Robin Hale', email: 'robin@willow.test', password: 'a calm long password' },
      { into: context },
    ));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const api = (path: string) => `${server.url}${path}`;
  const card = (name: string): Locator => page.getByRole('article', { name, exact: true });
  const chin = () => page.getByRole('region', { name: 'Or pick any item' }).getByRole('article', { name: CHIN, exact: true });

  it('records a session on the body map and goes straight on to the homework step', async () => {
    const created = await page.request.post(api('/api/v1/clients'), {
      headers: { 'x-csrf-token': csrf },
      data: {
        firstName: 'Maya',
        lastName: 'Lopez',
        email: 'maya@example.com',
        consentToEmail: true,
        intake: {
          complaints: ['headaches'],
          tools: ['tennis-ball'],
          lifestyle: ['desk-work'],
          cautions: ['vertigo'],
          goals: 'A work day without a headache',
        },
      },
    });
    expect(created.status()).toBe(201);
    client = await created.json();

    // The session, recorded on the body map; saving goes straight on to the homework step.
    await page.goto(api(`/clients/${client.id}/sessions/new`));
    await page.getByRole('heading', { level: 1, name: 'Session for Maya Lopez' }).waitFor();
    await page.getByRole('radio', { name: 'Needed more time' }).check();
    await page.getByRole('button', { name: /^Back of neck/ }).click();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/homework\?client=[0-9a-f-]{36}$/);
    sessionId = page.url().split('/').at(-2)!;
    await page.getByRole('heading', { level: 1, name: 'Homework for Maya' }).waitFor();
    await expect.poll(() => page.getByText('Session saved.').isVisible()).toBe(true);
    await page.getByText('0 of 2 items').waitFor();
  });

  it('suggests items as cards: reasons as tags, warnings set apart, the drawing said in words', async () => {
    // Suggestions as cards: reasons as tags, warnings set apart, the drawing said in words.
    const ball = card(BALL);
    const reasons = await ball.getByRole('list', { name: 'Why it fits' }).getByRole('listitem').allTextContents();
    expect(reasons).toEqual(expect.arrayContaining(['headaches', 'has a tennis ball', 'back of neck needed more time']));
    expect(await ball.getByRole('list', { name: 'Watch for' }).textContent()).toContain('Caution: vertigo');
    expect(await ball.locator('img.item-drawing').getAttribute('alt')).toMatch(/^[A-Z].{10,}\.$/);
    await expectNoAxeViolations(page);
  });

  it('gives one in a tap and one with its dose and cue changed; at the cap every card offers Replace, never a Give', async () => {
    const ball = card(BALL);
    await ball.getByRole('button', { name: /^Give this/ }).click();
    await expect.poll(() => ball.getByText('Given to Maya').isVisible()).toBe(true);
    await page.getByText('1 of 2 items').waitFor();

    // The second from the library search, with the dose changed and a cue, before giving it.
    await page.getByLabel('Search the library').fill('chin tucks');
    await chin().waitFor();
    await chin()
      .getByRole('button', { name: /^Adjust dose or cue/ })
      .click();
    await chin().getByLabel('Repeat (times)').fill('8');
    await chin().getByLabel('Your cue for Maya').fill('Make a double chin, then let it go.');
    await expectNoAxeViolations(page);
    await chin()
      .getByRole('button', { name: /^Give this/ })
      .click();
    await expect.poll(() => chin().getByText('Given to Maya').isVisible()).toBe(true);
    await page.getByText('2 of 2 items').waitFor();

    // At the cap no card offers a "Give this" the server would refuse: each offers Replace instead.
    const suggested = page.getByRole('region', { name: 'Suggested for Maya' });
    expect(await suggested.getByRole('button', { name: /^Give this/ }).count()).toBe(0);
    const offered = suggested.getByRole('article').filter({ has: page.getByRole('button', { name: /^Replace…/ }) });
    const third = card((await offered.first().getByRole('heading', { level: 3 }).textContent())!);
    await third.getByRole('button', { name: /^Replace…/ }).click();
    await third.getByRole('group', { name: /Maya has 2 items, the most at once/ }).waitFor();
    await expectNoAxeViolations(page);
    await third.getByRole('button', { name: /^Keep both/ }).click();

    const { homework } = await (await page.request.get(api(`/api/v1/clients/${client.id}/homework`))).json();
    expect(homework).toHaveLength(2);
    chinItem = homework.find((h: { exercise: { name: string } }) => h.exercise.name === CHIN);
    expect(chinItem.dose.reps).toBe(8);
    expect(chinItem.note).toBe('Make a double chin, then let it go.');
  });

  it('teaches full screen, one step at a time, the hold timer heard only at start, halfway and done, and keeps a photo', async () => {
    await chin()
      .getByRole('link', { name: /^Teach it/ })
      .click();
    await page.waitForURL(/\/homework\/[0-9a-f-]{36}\/teach\?client=/);
    await page.getByRole('heading', { level: 1, name: CHIN }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    await page.getByText(/^Step 1 of \d$/).waitFor();
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByText(/^Step 2 of \d$/).waitFor();
    await page.evaluate(() => {
      const region = document.querySelector('.hold-timer [aria-live]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByRole('button', { name: 'Start the hold' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { said: string[] }).said.at(-1)), { timeout: 10_000 })
      .toBe('Done. Release slowly.');
    const said = await page.evaluate(() => [...new Set((window as unknown as { said: string[] }).said.filter(Boolean))]);
    expect(said).toEqual(['Hold started: 5 seconds.', 'Halfway.', 'Done. Release slowly.']);

    await page.getByRole('checkbox', { name: 'Client demonstrated it' }).check();
    await expect.poll(() => page.getByText(/^Recorded /).isVisible()).toBe(true);
    await page.getByLabel(/Take a photo or short video/).setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => page.getByText(`Photo saved with ${CHIN}.`).isVisible()).toBe(true);
    await page.getByRole('img', { name: `The client doing ${CHIN}, 1 of 1` }).waitFor();
    await expectNoAxeViolations(page);
    const taught = (await (await page.request.get(api(`/api/v1/clients/${client.id}/homework`))).json()).homework.find(
      (h: { id: string }) => h.id === chinItem.id,
    );
    expect(taught.demonstratedAt).toBeTruthy();
    expect(taught.media).toHaveLength(1);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(new RegExp(`/sessions/${sessionId}/homework\\?client=${client.id}$`));
  });

  it('shows the handout as a page with a print stylesheet, saying what the PDF says', async () => {
    await page.getByRole('link', { name: 'Open the handout as a page to print' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your homework, Maya' }).waitFor();
    const handout = await page.getByRole('article', { name: 'Your homework, Maya' }).textContent();
    for (const text of [BALL, CHIN, 'Willow Table Massage', 'From Robin Hale', 'A work day without a headache', 'Make a double chin']) {
      expect(handout).toContain(text);
    }
    expect(await page.getByRole('img', { name: 'QR code that opens Maya’s page' }).getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;utf8,/,
    );
    await expectNoAxeViolations(page);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Homework for Maya' }).waitFor();
  });

  it('sends home: the PDF link, the email with the handout over real SMTP, the QR code on screen', async () => {
    const pdfLink = page.getByRole('link', { name: /^Print handout/ });
    expect(await pdfLink.getAttribute('href')).toBe(`/api/v1/clients/${client.id}/handout.pdf`);
    expect(await pdfLink.getAttribute('target')).toBe('_blank');
    await page.getByRole('button', { name: 'Email it' }).click();
    await expect.poll(() => page.getByText('Sent to maya@example.com — it will arrive in a minute.').isVisible()).toBe(true);
    const sent = await smtp.waitForMail(sentTo('maya@example.com'), { timeoutMs: 15_000 });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail.subject).toBe('Your self-care homework from Robin Hale');
    expect(mail.text).toContain(`${server.url}/c/`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toBeTruthy();
    const { text } = await readPdf(pdf!.content);
    const library = await Promise.all(
      ['suboccipital-ball-release', 'chin-tucks'].map(async (id) => (await page.request.get(api(`/api/v1/exercises/${id}`))).json()),
    );
    for (const item of library) {
      expect(text).toContain(item.name);
      expect(text).toContain(item.steps[0]);
    }

    await page.getByRole('button', { name: 'Show QR code' }).click();
    const qr = page.getByRole('dialog', { name: 'Maya’s page' });
    await qr.waitFor();
    const qrImage = qr.getByRole('img', { name: 'QR code that opens Maya’s page' });
    expect((await qrImage.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    expect(await qrImage.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,%3Csvg/i);
    await expectNoAxeViolations(page);
    await qr.getByRole('button', { name: 'Done' }).click();
  });

  it('rebooks in one tap, and the next mail to the client carries the invite', async () => {
    const rebook = page.getByRole('region', { name: 'Book the next visit' });
    await rebook.getByRole('button', { name: /^Book / }).click();
    await expect.poll(() => rebook.getByText('Booked.').isVisible()).toBe(true);
    expect(await rebook.textContent()).toContain('The calendar invite goes to maya@example.com now.');
    await expectNoAxeViolations(page);
    const sent = await smtp.waitForMail(sentTo('maya@example.com'), { count: 2, timeoutMs: 15_000 });
    expect(sent).toHaveLength(2);
    const invite = sent[1].attachments.find((a) => a.filename?.endsWith('.ics') || a.contentType.startsWith('text/calendar'));
    expect(invite).toBeTruthy();
    expect(invite!.content.toString('utf8')).toContain('BEGIN:VEVENT');
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const { appointments } = await (
      await page.request.get(
        api(`/api/v1/appointments?clientId=${client.id}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
      )
    ).json();
    expect(appointments).toEqual([expect.objectContaining({ sessionId, status: 'booked' })]);
  });

  it('shows both items on the client page, leading back to this step', async () => {
    await page.getByRole('link', { name: 'Back to Maya' }).click();
    const panel = page.getByRole('region', { name: 'Homework', exact: true });
    await expect.poll(() => panel.getByText(CHIN).isVisible()).toBe(true);
    expect(await panel.getByRole('link', { name: 'Homework for the latest session' }).getAttribute('href')).toBe(
      `/sessions/${sessionId}/homework?client=${client.id}`,
    );
    await expectNoAxeViolations(page);
  });

  it('leaves calf rolling out for a client with a clot history, with the reason, and lets the owner give it anyway', async () => {
    const write = (path: string, data: unknown) => page.request.post(api(path), { headers: { 'x-csrf-token': csrf }, data });
    const client = await (
      await write('/api/v1/clients', {
        firstName: 'Theo',
        lastName: 'Park',
        intake: { complaints: ['tight-calves'], lifestyle: ['runner'], tools: ['foam-roller'], cautions: ['clot-history'] },
      })
    ).json();
    const visit = await (
      await write(`/api/v1/clients/${client.id}/sessions`, { date: '2026-03-02', areasWorked: [{ region: 'calf' }] })
    ).json();
    await page.goto(api(`/sessions/${visit.id}/homework`));
    await page.getByRole('heading', { level: 1, name: 'Homework for Theo' }).waitFor();
    expect(await card('Foam roller release for the calf').count()).toBe(0);

    await page.getByText(/^Excluded for Theo/).click();
    const excluded = page.getByRole('listitem').filter({ hasText: 'Foam roller release for the calf' });
    expect(await excluded.textContent()).toMatch(/Not safe with history of clots/);
    await excluded.getByRole('button', { name: /^Give anyway/ }).click();
    await excluded.getByLabel('Why is it safe for Theo?').fill('Cleared');
    await excluded.getByRole('button', { name: /^Give anyway/ }).click();
    await expect.poll(() => excluded.getByText('Say why it is safe for them, in a sentence').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await excluded.getByLabel('Why is it safe for Theo?').fill('Cleared by his GP on 3 March; light pressure only.');
    await excluded.getByRole('button', { name: /^Give anyway/ }).click();
    await expect.poll(() => excluded.getByText('Given anyway, with your reason on record.').isVisible()).toBe(true);
    const { homework } = await (await page.request.get(api(`/api/v1/clients/${client.id}/homework`))).json();
    expect(homework).toEqual([
      expect.objectContaining({ exerciseId: 'calf-foam-roll', overrideReason: 'Cleared by his GP on 3 March; light pressure only.' }),
    ]);
  });
});
