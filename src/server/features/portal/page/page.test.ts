import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../../tests/helpers/session.js';
import type { Portal } from '../../../../shared/api/portal.js';
import { MAX_READING_GRADE, readingGrade, sentencesOf } from '../../library/readability.js';
import { renderPortalPage } from './render.js';

describeEachDatabase("the client's page as HTML", (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: testClock('2026-03-03T02:00:00.000Z') });
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

  it('speaks plainly: every sentence on the page at grade 7 or below', async () => {
    const { token } = await clientWithHomework(app.http, owner, {
      client: { intake: { complaints: ['headaches'], goals: 'Sleep better' } },
    });
    const body = (await get(`/c/${token}`)).body;
    const text = body
      .replace(/<ol class="dots"[\s\S]*?<\/ol>/g, '')
      .replace(/<(p|h1|h2|h3|legend|label|dt|dd|li|figcaption|button|title)\b[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    // A grade means nothing for a word or two ("(optional)"): score sentences of four words or more.
    const sentences = text
      .split('\n')
      .flatMap((line) => sentencesOf(line.replace(/\s+/g, ' ')))
      .filter((s) => s.split(' ').length >= 4);
    expect(sentences.length).toBeGreaterThan(30);
    const worst = sentences.map((s) => ({ s, grade: readingGrade(s) })).reduce((a, b) => (b.grade > a.grade ? b : a));
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
