import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../../tests/helpers/factories.js';
import { hardestSentence, MAX_READING_GRADE, sentencesOnPage } from '../../../../../tests/helpers/reading.js';
import { as, type Session, signUp } from '../../../../../tests/helpers/session.js';
import type { Portal } from '../../../../shared/api/portal.js';
import { clientCopyOf } from '../../../../shared/client-copy.js';
import { escapeHtml } from '../../../page-kit/html.js';
import { renderedDrawing } from '../../library/drawing-files.js';
import { builtInLibrary } from '../../library/library.js';
import { renderPortalPage } from './render.js';

describeEachDatabase("the client's page as HTML", (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  const clock = testClock('2026-03-03T02:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { name: 'Tess Rowe' });
  });
  afterAll(() => app.http.close());

  const get = (url: string, encoding?: string) =>
    app.http.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
  const form = (url: string, fields: Record<string, string>) =>
    app.http.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('renders the homework on the server: names, steps, the stop line, the tap, no inline script or style', async () => {
    const { token } = await clientWithHomework(app.http, owner, {
      client: { firstName: 'Nia', timezone: 'America/New_York', intake: { complaints: ['headaches'], goals: 'Fewer headaches' } },
    });
    const res = await get(`/c/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-robots-tag']).toMatch(/noindex/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const body = res.body;
    expect(body).toContain('Hi Nia — here is your homework from Tess Rowe');
    expect(body).toContain('Tennis ball release for the base of the skull');
    expect(body).toContain('Seated chin tucks');
    expect(body).toContain('Stop if you feel dizzy');
    expect(body).toContain('Fewer headaches');
    expect(body.match(/class="done-button"/g)).toHaveLength(2);
    expect(body).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).not.toMatch(/<style/);
  });

  it('shows each item as a short card: drawing, stop line and Done first; the steps one tap away, open in its first week only', async () => {
    const { token } = await clientWithHomework(app.http, owner, { client: { timezone: 'America/New_York' } });
    const card = (body: string) => body.slice(body.indexOf('<article class="item"'), body.indexOf('</article>'));
    const first = card((await get(`/c/${token}`)).body);
    const folded = first.indexOf('<details class="how"');
    expect(folded).toBeGreaterThan(0);
    for (const before of ['class="drawing-box"', 'class="stop"', 'class="done-button"', 'class="days"'])
      expect(first.indexOf(before), before).toBeLessThan(folded);
    expect(first.indexOf('class="steps"')).toBeGreaterThan(folded);
    expect(first).toContain('<details class="how" open>');
    // Taking back a tick asks first; a tap can be undone for a few seconds (the script shows these).
    expect(first).toContain('Yes, take it back');
    expect(first).toMatch(/<button type="button" class="quiet-button undo" hidden>Undo<\/button>/);

    clock.set('2026-03-10T02:00:00.000Z');
    try {
      const later = card((await get(`/c/${token}`)).body);
      expect(later).toContain('<details class="how">');
      expect(later).toContain('class="steps"');
    } finally {
      clock.set('2026-03-03T02:00:00.000Z');
    }
  });

  it("shows every don't and tip, the get-help line, what to watch for with the client's cautions, and each drawing with its words", async () => {
    const calf = builtInLibrary().get('calf-ball-release')!;
    const skull = builtInLibrary().get('suboccipital-ball-release')!;
    expect(calf.getHelp, 'the calf release has a get-help line').toBeTruthy();
    const caution = calf.cautionWith.find((c) => !skull.excludedBy.includes(c))!;
    const { token } = await clientWithHomework(app.http, owner, {
      exerciseIds: ['calf-ball-release', 'suboccipital-ball-release'],
      client: { intake: { complaints: ['tight-calves'], tools: ['tennis-ball'], cautions: [caution] } },
    });
    const body = (await get(`/c/${token}`)).body;
    for (const e of [calf, skull]) {
      const copy = clientCopyOf(e, [caution]);
      for (const line of [...copy.donts, ...copy.tips, e.stopIf, ...copy.watchFor]) expect(body).toContain(escapeHtml(line));
      if (copy.getHelp) expect(body).toContain(escapeHtml(copy.getHelp));
    }
    expect(clientCopyOf(calf, [caution]).watchFor).not.toEqual([]);
    expect(body).toMatch(/<p class="get-help">/);
    // Each drawing inline, named by its words; ids stay unique with two drawings on one page.
    const drawings = [...body.matchAll(/<svg class="drawing" role="img" aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(drawings).toEqual([calf, skull].map((e) => escapeHtml(renderedDrawing(e).alt)));
    const ids = [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body).not.toMatch(/\sstyle=|<style/);
    expect(body.match(/<table class="week">/g)).toHaveLength(2);

    const api = (await get(`/api/v1/portal/${token}`)).json();
    expect(api.items[0]).toMatchObject({
      mistakes: calf.mistakes,
      cues: calf.cues,
      getHelp: clientCopyOf(calf, []).getHelp,
      watchFor: clientCopyOf(calf, [caution]).watchFor,
      drawingAlt: renderedDrawing(calf).alt,
    });
    expect(api.items[1].getHelp).toBe(clientCopyOf(skull, []).getHelp);
  });

  it('speaks plainly: every sentence on the page at grade 7 or below', async () => {
    const { token } = await clientWithHomework(app.http, owner, {
      client: { intake: { complaints: ['headaches'], goals: 'Sleep better' } },
    });
    const body = (await get(`/c/${token}`)).body;
    // A grade means nothing for a word or two ("(optional)"): score sentences of four words or more.
    expect(sentencesOnPage(body).length).toBeGreaterThan(30);
    const worst = hardestSentence(body);
    expect(worst.grade, worst.s).toBeLessThanOrEqual(MAX_READING_GRADE);
  });

  it('sends the page and its files compressed, the files content-hashed and cached for a year', async () => {
    const { token } = await clientWithHomework(app.http, owner);
    const plain = await get(`/c/${token}`);
    const br = await get(`/c/${token}`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await get(`/c/${token}`, 'gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    const files = [...plain.body.matchAll(/(?:href|src)="(\/portal-assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of files) {
      const res = await get(f, 'br');
      expect(res.statusCode, f).toBe(200);
      expect(res.headers['cache-control']).toMatch(/immutable/);
    }
    expect((await get('/portal-assets/portal.nope.css')).statusCode).toBe(404);
    const sw = await get('/c/sw.js', 'br');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = (await get(`/c/${token}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ start_url: `/c/${token}`, display: 'standalone', theme_color: '#2f6b63' });
  });

  it('shows a revoked or unknown link a friendly 404 that names nobody', async () => {
    const { token, client } = await clientWithHomework(app.http, owner, { client: { firstName: 'Zebedee' } });
    expect((await as(app.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` })).statusCode).toBe(200);
    for (const url of [`/c/${token}`, `/c/${'x'.repeat(43)}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('This link does not work any more. Ask your therapist for a new one.');
      expect(res.body).not.toContain('Zebedee');
      expect(res.body).not.toContain('Tess');
      expect(res.body).not.toContain('Test Practice');
    }
    expect((await form(`/c/${token}/question`, { text: 'Still there?' })).statusCode).toBe(404);
    expect((await get(`/c/${token}/manifest.webmanifest`)).statusCode).toBe(404);
  });

  it('works without the script: the forms tick done, say how it felt, ask and choose reminders', async () => {
    const { token, homework } = await clientWithHomework(app.http, owner, { client: { timezone: 'America/New_York' } });
    const id = homework[0].id;
    const tick = await form(`/c/${token}/checkin`, { homeworkId: id, done: 'true' });
    expect(tick.statusCode).toBe(303);
    expect(tick.headers.location).toBe(`/c/${token}#item-${id}`);
    const felt = await form(`/c/${token}/checkin`, { homeworkId: id, done: 'true', feeling: 'better', note: '' });
    expect(felt.statusCode).toBe(303);
    const asked = await form(`/c/${token}/question`, { text: 'How hard should I press?' });
    expect(asked.headers.location).toBe(`/c/${token}?saved=question#ask`);
    expect((await form(`/c/${token}/reminders`, { rhythm: 'weekly' })).statusCode).toBe(303);

    const api = (await get(`/api/v1/portal/${token}`)).json();
    expect(api.checkIns).toEqual([{ homeworkId: id, date: '2026-03-02', done: true, feeling: 'better', note: null }]);
    expect(api.questions[0].text).toBe('How hard should I press?');
    expect(api.reminders).toBe('weekly');
    const html = (await get(`/c/${token}?saved=question`)).body;
    expect(html).toMatch(/aria-pressed="true"[^>]*><span class="done-text"[^>]*>Done ✓/);
    expect(html).toMatch(/value="better" checked/);
    expect(html).toContain('How hard should I press?');
    expect(html).toContain('Sent. Tess Rowe will answer here.');

    const bad = await form(`/c/${token}/checkin`, { homeworkId: id, done: 'true', date: '2026-03-09' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('That day has not come yet.');
  });
});

describeEachDatabase("the client's page: sharing, asking for a visit, goals and the homework answer", (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    // 9 pm on Monday 2 March in New York.
    app = await buildTestApp({ database: database(), clock: testClock('2026-03-03T02:00:00.000Z') });
    owner = await signUp(app.http, { name: 'Tess Rowe' });
  });
  afterAll(() => app.http.close());

  const get = (url: string) => app.http.inject({ method: 'GET', url });
  const form = (url: string, fields: Record<string, string>) =>
    app.http.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const therapist = () => as(app.http, owner);
  const newYorker = (firstName: string) =>
    clientWithHomework(app.http, owner, { client: { firstName, timezone: 'America/New_York', intake: { complaints: ['headaches'] } } });

  it('shows the client their share link and code, which open the page for a friend', async () => {
    const { token, client } = await newYorker('Rory');
    const { code, url } = (await therapist()({ method: 'GET', url: `/api/v1/clients/${client.id}/referral` })).json();
    expect(url).toBe(`http://carryover.test/r/${code}`);
    const body = (await get(`/c/${token}`)).body;
    expect(body).toContain('Share with a friend');
    expect(body).toContain(`<strong class="code">${code}</strong>`);
    expect(body).toContain(`value="${url}"`);
    expect(body).toMatch(/<button type="button" class="quiet-button copy" hidden>Copy<\/button>/);
    expect((await get(`/r/${code}`)).body).toContain("<h1>Rory thinks you'd like Test Practice</h1>");
  });

  it('asks for the next visit without the script: times read in the client’s zone, then a thank-you instead of the form', async () => {
    const { token, client } = await newYorker('Nia');
    const page = (await get(`/c/${token}`)).body;
    expect(page).toContain('Book your next visit');
    expect(page).toContain('Times are in New York time.');
    expect(page).toMatch(/<input id="book-day1" type="date" name="day1" min="2026-03-02"/);

    const half = await form(`/c/${token}/booking`, { day1: '2026-03-10', time1: '10:30', day2: '2026-03-11' });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('Pick both a day and a time for each choice.');
    const past = await form(`/c/${token}/booking`, { day1: '2026-03-02', time1: '08:00' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('Pick a time that has not passed yet.');
    expect((await therapist()({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests).toEqual([]);

    const asked = await form(`/c/${token}/booking`, {
      day1: '2026-03-10',
      time1: '10:30',
      day2: '2026-03-07',
      time2: '09:00',
      message: 'Mornings are best',
    });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/c/${token}?saved=booking#book`);
    const [request] = (await therapist()({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests;
    // New York moves its clocks on 8 March: the 10th is on summer time, the 7th is not.
    expect(request).toMatchObject({
      clientId: client.id,
      referrerClientId: null,
      preferredTimes: ['2026-03-10T10:30:00-04:00', '2026-03-07T09:00:00-05:00'],
      message: 'Mornings are best',
      status: 'open',
    });
    const after = (await get(`/c/${token}?saved=booking`)).body;
    expect(after).toContain('Thank you. You asked for a visit. We&#39;ll email you when it&#39;s confirmed.');
    expect(after).not.toContain('name="day1"');
  });

  it('logs a number on a goal from the page form; the therapist sees it, and the page draws it', async () => {
    const { token, client } = await newYorker('Ada');
    const goal = (
      await therapist()({
        method: 'POST',
        url: `/api/v1/clients/${client.id}/goals`,
        payload: { statement: 'Fewer headaches', unit: 'headaches per week', baseline: 4, target: 1, targetDate: '2026-06-30' },
      })
    ).json();
    const before = (await get(`/c/${token}`)).body;
    expect(before).toContain('<h3 id="goal-name-');
    expect(before).toContain('You started at 4.');
    expect(before).toContain('Your aim: 1 by Tue 30 Jun.');
    expect(before).toMatch(/<label for="goal-value-[^"]+">Headaches per week<\/label>/);

    const saved = await form(`/c/${token}/goal`, { goalId: goal.id, value: '2' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/c/${token}?saved=goal#goals`);
    const goals = (await therapist()({ method: 'GET', url: `/api/v1/clients/${client.id}/goals` })).json().goals;
    expect(goals[0].progress).toEqual([expect.objectContaining({ value: 2, recordedBy: 'client' })]);
    const api = (await get(`/api/v1/portal/${token}`)).json();
    expect(api.trackedGoals).toEqual([
      expect.objectContaining({ id: goal.id, statement: 'Fewer headaches', progress: [expect.objectContaining({ value: 2 })] }),
    ]);
    expect(api.trackedGoals[0].clientId).toBeUndefined();

    const after = (await get(`/c/${token}?saved=goal`)).body;
    expect(after).toContain('Last time: 2 on Mon 2 Mar.');
    expect(after).toContain('Thank you. Your number is saved.');
    expect(after).toMatch(/<svg class="spark"[^>]*role="img" aria-label="Your numbers so far: 4, 2. Your aim: 1"/);

    expect((await form(`/c/${token}/goal`, { goalId: goal.id, value: 'lots' })).body).toContain('Write a number, like 2.');
    const other = await newYorker('Bo');
    const notMine = await form(`/c/${other.token}/goal`, { goalId: goal.id, value: '1' });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.body).toContain('That is not one of your goals.');
    expect((await therapist()({ method: 'GET', url: `/api/v1/clients/${client.id}/goals` })).json().goals[0].progress).toHaveLength(1);
  });

  it('shows the homework answer from the mail link already chosen, and only the Send button records it', async () => {
    const { token, client } = await newYorker('Kai');
    const booked = await therapist()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-03-10T14:00:00Z' },
    });
    expect(booked.statusCode).toBe(201);
    const report = async () =>
      (
        await database()
          .db.selectFrom('appointments')
          .select('homework_report')
          .where('id', '=', booked.json().id)
          .executeTakeFirstOrThrow()
      ).homework_report;

    const opened = (await get(`/c/${token}?went=some-days`)).body;
    expect(opened).toContain('How did your homework go?');
    expect(opened).toContain('value="some-days" required checked');
    expect(opened).not.toContain('value="most-days" required checked');
    expect(opened).not.toContain('Book your next visit');
    // Opening the link (as a mail scanner would) changed nothing.
    expect(await report()).toBeNull();
    expect((await get(`/c/${token}?went=whatever`)).body).not.toContain('How did your homework go?');
    expect((await get(`/c/${token}`)).body).not.toContain('How did your homework go?');

    const sent = await form(`/c/${token}/homework-report`, { went: 'most-days' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/c/${token}?saved=went#went`);
    expect(await report()).toBe('most-days');
    expect((await get(`/c/${token}?saved=went`)).body).toContain('Thank you. Tess Rowe will see this before your visit.');
    expect((await form(`/c/${token}/homework-report`, { went: 'always' })).statusCode).toBe(400);
    expect(await report()).toBe('most-days');
  });

  it('keeps every new part in plain words', async () => {
    const { token, client } = await newYorker('Lou');
    await therapist()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/goals`,
      payload: { statement: 'Sleep through the night', unit: 'nights woken up', baseline: 5, target: 1 },
    });
    const pages = [(await get(`/c/${token}`)).body];
    const booked = await therapist()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-03-12T14:00:00Z' },
    });
    expect(booked.statusCode).toBe(201);
    pages.push((await get(`/c/${token}?went=not-really`)).body, (await get(`/c/${token}?saved=went`)).body);
    for (const page of pages) {
      const worst = hardestSentence(page);
      expect(worst.grade, worst.s).toBeLessThanOrEqual(MAX_READING_GRADE);
      expect(page).not.toMatch(/\sstyle=|<style|<script(?![^>]*\ssrc=)/);
    }
    expect(pages[0]).toContain('Share with a friend');
    expect(pages[0]).toContain('Book your next visit');
    expect(pages[0]).toContain('Nights woken up');
    expect(pages[1]).toContain('How did your homework go?');
  });
});

describe('rendering the page', () => {
  const portal: Portal = {
    practiceName: 'Willow <Table>',
    therapistName: 'Tess "T" Rowe',
    firstName: '<script>alert(1)</script>',
    today: '2026-03-02',
    days: ['2026-03-01', '2026-03-02'],
    items: [],
    checkIns: [],
    goals: null,
    trackedGoals: [],
    nextAppointment: { startsAt: '2026-03-16T15:00:00.000Z', label: 'Monday 16 March at 10:00' },
    toolsThatWouldHelp: [],
    questions: [],
    reminders: 'none',
    canEmail: false,
  };
  const links = { css: '/a.css', js: '/a.js', icon: '/i.svg', touchIcon: '/i.png', page: '/c/token', zone: 'UTC' };

  it('escapes everything a person typed', () => {
    const page = renderPortalPage(portal, links);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Willow &lt;Table&gt;');
    expect(page).toContain('Tess &quot;T&quot; Rowe');
  });

  it('shows the next visit with a calendar file only when there is one', () => {
    const page = renderPortalPage(portal, links);
    expect(page).toContain('Monday 16 March at 10:00');
    expect(page).toMatch(/href="\/c\/[^"]+\/next.ics" download="next-visit.ics"/);
    expect(renderPortalPage({ ...portal, nextAppointment: null }, links)).not.toContain('Your next visit');
  });
});
