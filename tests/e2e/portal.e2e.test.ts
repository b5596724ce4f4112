// A client opens their page from the link on a phone, signed in nowhere: ticks an item done, says
// how it felt, asks a question; the therapist sees all three. The first load stays under 100 KB on
// the wire, axe finds nothing, and a tap made offline is sent once when the phone is back online.
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/server/email/transport.js';
import { renderedDrawing } from '../../src/server/features/library/drawing-files.js';
import { builtInLibrary } from '../../src/server/features/library/library.js';
import { clientCopyOf } from '../../src/shared/client-copy.js';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, PHONE, signUpOverHttp, startServer } from '../helpers/browser.js';
import { readPdf } from '../helpers/pdf.js';
import { sentTo, startSmtp, type TestSmtp } from '../helpers/smtp.js';

const BUDGET = 100 * 1024;
const PHONE_CONTEXT = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe("the client's page in the browser", { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let therapist: APIRequestContext;
  let csrf: string;
  let smtp: TestSmtp;

  /** What the therapist does in the room, through the API: a client, a session, two items, a link. */
  async function clientWithTwoItems(firstName: string, exerciseIds = ['suboccipital-ball-release', 'chin-tucks']) {
    const write = (url: string, data: unknown = {}) => therapist.post(`${server.url}${url}`, { data, headers: { 'x-csrf-token': csrf } });
    const client = await (
      await write('/api/v1/clients', {
        firstName,
        lastName: 'Okafor',
        email: `${firstName.toLowerCase()}@example.com`,
        intake: { complaints: ['headaches', 'neck-pain'], tools: [], goals: 'A work day without a headache' },
      })
    ).json();
    const visit = await (
      await write(`/api/v1/clients/${client.id}/sessions`, { date: '2026-03-02', areasWorked: [{ region: 'neck-back' }] })
    ).json();
    for (const exerciseId of exerciseIds) {
      expect((await write(`/api/v1/sessions/${visit.id}/homework`, { exerciseId })).status()).toBe(201);
    }
    const url = (await (await write(`/api/v1/clients/${client.id}/link`)).json()).url as string;
    expect(url.startsWith(`${server.url}/c/`)).toBe(true);
    return { clientId: client.id as string, url, token: url.split('/c/')[1] };
  }

  const portalData = async (token: string) => (await therapist.get(`${server.url}/api/v1/portal/${token}`)).json();

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ transport: smtpTransport(smtp.url) });
    browser = await launchBrowser();
    const room = await browser.newContext();
    therapist = room.request;
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Tess', email: 'tess@willow.test', password: 'a calm long password' },
      { into: room },
    ));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  /** A phone that has never seen the page, counting every byte the page's first load takes off the wire. */
  async function freshPhone() {
    const context: BrowserContext = await browser.newContext(PHONE_CONTEXT);
    context.setDefaultTimeout(20_000);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const wire = { bytes: 0, files: [] as string[] };
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      wire.bytes += e.encodedDataLength;
      wire.files.push(`${urls.get(e.requestId)} ${e.encodedDataLength}`);
    });
    return { context, page, wire };
  }

  it('ticks done, says how it felt and asks a question; the therapist sees all three', async () => {
    const { url, token } = await clientWithTwoItems('Nia');
    const { context, page, wire } = await freshPhone();

    const first = await page.goto(url, { waitUntil: 'networkidle' });
    expect(first?.status()).toBe(200);
    expect(wire.bytes, wire.files.join('\n')).toBeLessThanOrEqual(BUDGET);
    console.info(`first load: ${wire.bytes} bytes on the wire\n  ${wire.files.join('\n  ')}`);
    await page.getByRole('heading', { level: 1, name: 'Hi Nia — here is your homework from Tess' }).waitFor();
    // Fits a 375-pixel phone: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Each item's drawing shows, named by its words.
    for (const slug of ['suboccipital-ball-release', 'chin-tucks']) {
      const drawing = page.getByRole('img', { name: renderedDrawing(builtInLibrary().get(slug)!).alt, exact: true });
      const box = await drawing.boundingBox();
      expect(box?.width, slug).toBeGreaterThan(250);
      expect(box?.height, slug).toBeGreaterThan(100);
    }
    await expectNoAxeViolations(page);

    const done = page.getByRole('button', { name: /^Done today Tennis ball release/ });
    const ticked = page.waitForResponse((r) => r.url().endsWith('/checkins') && r.request().method() === 'POST');
    await done.click();
    expect((await ticked).status()).toBe(200);
    const pressed = page.getByRole('button', { name: /^Done ✓ Tennis ball release/ });
    expect(await pressed.getAttribute('aria-pressed')).toBe('true');

    const felt = page.waitForResponse((r) => r.url().endsWith('/checkins') && (r.request().postData() ?? '').includes('better'));
    await page.getByRole('radio', { name: 'Better' }).check();
    expect((await felt).status()).toBe(200);

    await page.getByRole('textbox', { name: 'Your question' }).fill('Should the ball feel tender at the base of my skull?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent. You will see the answer here.').waitFor();
    await page.getByRole('radio', { name: 'Every other day' }).check();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    const data = await portalData(token);
    const item = data.items.find((i: { name: string }) => i.name.startsWith('Tennis ball'));
    expect(data.checkIns).toEqual([{ homeworkId: item.homeworkId, date: data.today, done: true, feeling: 'better', note: null }]);
    expect(data.reminders).toBe('every-other-day');
    const inbox = (await (await therapist.get(`${server.url}/api/v1/questions`)).json()).questions;
    const question = inbox.find((q: { text: string }) => q.text === 'Should the ball feel tender at the base of my skull?');
    expect(question).toBeTruthy();

    // The therapist answers; the answer reaches the client's mailbox on a real SMTP server, with their link.
    const answered = await therapist.post(`${server.url}/api/v1/questions/${question.id}/answer`, {
      data: { text: 'A little tender is fine. Sharp pain means stop.' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(answered.status()).toBe(200);
    const [answerMail] = await smtp.waitForMail((m) => m.subject?.includes('answered your question') ?? false, { timeoutMs: 15_000 });
    expect(sentTo('nia@example.com')(answerMail)).toBe(true);
    expect(answerMail.text).toContain('Sharp pain means stop.');
    expect(answerMail.text).toContain(`/c/`);
    await page.reload();
    await page.getByText('A little tender is fine. Sharp pain means stop.').waitFor();

    // Tapping again asks first: "No" keeps the tick, "Yes" takes it back.
    await pressed.click();
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await page.getByText('Kept. Today stays ticked.').waitFor();
    expect((await portalData(token)).checkIns[0].done).toBe(true);
    const undone = page.waitForResponse((r) => r.url().endsWith('/checkins'));
    await pressed.click();
    await page.getByRole('button', { name: 'Yes, take it back' }).click();
    await undone;
    await page.getByRole('button', { name: /^Done today Tennis ball release/ }).waitFor();
    expect((await portalData(token)).checkIns[0].done).toBe(false);

    // Right after a tap, Undo takes it back at once, without asking.
    const again = page.waitForResponse((r) => r.url().endsWith('/checkins') && (r.request().postData() ?? '').includes('"done":true'));
    await page.getByRole('button', { name: /^Done today Tennis ball release/ }).click();
    await again;
    const quick = page.waitForResponse((r) => r.url().endsWith('/checkins') && (r.request().postData() ?? '').includes('"done":false'));
    await page.getByRole('button', { name: 'Undo' }).click();
    await quick;
    await page.getByText('Taken back. Today is not ticked.').first().waitFor();
    expect((await portalData(token)).checkIns[0].done).toBe(false);
    // The full steps of a new item are open; they fold with one tap.
    const how = page.locator('details.how').first();
    expect(await how.getAttribute('open')).toBe('');
    await how.locator('summary').click();
    expect(await how.getAttribute('open')).toBeNull();
    await context.close();
  });

  it("prints every don't, tip and get-help line with both drawings and a week of tick boxes, and leaves the buttons off", async () => {
    const { url } = await clientWithTwoItems('Ayo', ['calf-ball-release', 'suboccipital-ball-release']);
    const items = ['calf-ball-release', 'suboccipital-ball-release'].map((slug) => builtInLibrary().get(slug)!);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    for (const e of items) {
      expect((await page.getByRole('img', { name: renderedDrawing(e).alt, exact: true }).boundingBox())?.height, e.slug).toBeGreaterThan(
        80,
      );
    }
    expect(await page.locator('table.week').evaluateAll((ts) => ts.map((t) => getComputedStyle(t).display))).toEqual(['table', 'table']);
    // The buttons are there on screen, and left off the paper.
    expect(await page.locator('.done-button').count()).toBe(2);
    expect(await page.locator('.done-button').first().isVisible()).toBe(false);

    // Chromium sets "fl" and "fi" as ligatures, which read back with a space after them: compare without spaces.
    const squash = (text: string) => text.replace(/\s+/g, '');
    const printed = squash((await readPdf(await page.pdf({ format: 'Letter', printBackground: true }))).text);
    for (const e of items) {
      const copy = clientCopyOf(e, []);
      for (const line of [e.name, ...e.steps, ...copy.donts, ...copy.tips, e.stopIf]) expect(printed).toContain(squash(line));
      if (copy.getHelp) expect(printed).toContain(squash(copy.getHelp));
    }
    expect(clientCopyOf(items[0], []).getHelp).toBeTruthy();
    expect(printed.match(/TickaboxeachdayyoudoitMonTueWedThuFriSatSun/g)).toHaveLength(2);
    // Only the opening line names the button; the buttons themselves are not printed.
    expect(printed.match(/Donetoday/g)).toHaveLength(1);
    await context.close();
  });

  it('works with the script turned off: the Done button is a plain form', async () => {
    const { url, token } = await clientWithTwoItems('Ife');
    const context = await browser.newContext({ ...PHONE_CONTEXT, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: /^Done today Seated chin tucks/ }).click();
    await page.getByRole('button', { name: /^Done ✓ Seated chin tucks/ }).waitFor();
    await page.getByRole('radio', { name: 'The same' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('radio', { name: 'The same', checked: true }).waitFor();
    expect((await portalData(token)).checkIns).toMatchObject([{ done: true, feeling: 'same' }]);
    await context.close();
  });

  it('shows an unknown link a friendly page with status 404', async () => {
    // Chromium logs the page's own 404.
    allowConsoleErrors(/status of 404/);
    const { context, page } = await freshPhone();
    const res = await page.goto(`${server.url}/c/${'n0tAReaLt0ken'.repeat(4)}`);
    expect(res?.status()).toBe(404);
    await page.getByText('This link does not work any more. Ask your therapist for a new one.').waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('keeps a tap made offline on the phone and sends it once when back online; the page opens offline', async () => {
    // The tap sent while offline fails, as it should, before the page keeps it.
    allowConsoleErrors(/ERR_INTERNET_DISCONNECTED/);
    const { url, token } = await clientWithTwoItems('Ola');
    const { context, page } = await freshPhone();
    await page.goto(url, { waitUntil: 'networkidle' });
    // The service worker takes over and keeps a copy of the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForFunction(async () => (await (await caches.open('carryover-pages')).keys()).length > 0);
    const sent: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/checkins') && r.request().method() === 'POST') sent.push(r.request().postData() ?? '');
    });
    const saved = page.getByText('Saved on this phone — it will send when you’re back online.');
    const checkIns = async () => (await portalData(token)).checkIns as { homeworkId: string; done: boolean }[];
    const queued = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('carryover-checkins')).length);

    await context.setOffline(true);
    await page.getByRole('button', { name: /^Done today Seated chin tucks/ }).click();
    await saved.waitFor();
    expect(await queued()).toBe(1);
    expect(await checkIns()).toEqual([]);
    await context.setOffline(false);
    await expect.poll(() => sent.length).toBe(1);
    await saved.waitFor({ state: 'detached' });
    expect(await queued()).toBe(0);
    const data = await portalData(token);
    const chinTucks = data.items.find((i: { name: string }) => i.name === 'Seated chin tucks');
    expect(data.checkIns).toEqual([{ homeworkId: chinTucks.homeworkId, date: data.today, done: true, feeling: null, note: null }]);
    // The copy kept on the phone catches up with what the server now has.
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('carryover-pages')).match(location.pathname))?.text() ?? ''), {
        timeout: 10_000,
      })
      .toMatch(/aria-pressed="true"/);

    // Offline again, the page still opens, from the phone, with today's tick on it.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Hi Ola/ }).waitFor();
    await page.getByRole('button', { name: /^Done ✓ Seated chin tucks/ }).waitFor();
    await page.getByRole('button', { name: /^Done today Tennis ball/ }).click();
    await saved.waitFor();
    await context.setOffline(false);
    // Chromium's offline emulation leaves a page loaded while offline thinking it is online, so the
    // browser never fires "online" there; a real phone does, and this stands in for it.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => sent.length).toBe(2);
    await saved.waitFor({ state: 'detached' });
    expect(await queued()).toBe(0);
    expect((await checkIns()).filter((c) => c.done)).toHaveLength(2);
    await page.waitForTimeout(1_000);
    expect(sent).toHaveLength(2);
    await context.close();
  });
});
