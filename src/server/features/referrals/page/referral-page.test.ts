import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../../tests/helpers/databases.js';
import { createClient } from '../../../../../tests/helpers/factories.js';
import { hardestSentence, MAX_READING_GRADE } from '../../../../../tests/helpers/reading.js';
import { as, type Session, signUp } from '../../../../../tests/helpers/session.js';

describeEachDatabase('the page behind a share link (/r/:code)', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let referrer: { id: string };
  let code: string;
  beforeAll(async () => {
    // 8 pm on Monday 2 March in Chicago.
    app = await buildTestApp({ database: database(), clock: testClock('2026-03-03T02:00:00.000Z') });
    owner = await signUp(app.http, { name: 'Tess Rowe', practiceName: 'Willow Table Massage' });
    expect(
      (await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/Chicago' } })).statusCode,
    ).toBe(200);
    referrer = await createClient(app.http, owner, { firstName: 'Rory', lastName: 'Zebrowski' });
    code = (await as(app.http, owner)({ method: 'GET', url: `/api/v1/clients/${referrer.id}/referral` })).json().code;
  });
  afterAll(() => app.http.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.http.inject({ method: 'GET', url, headers });
  const form = (url: string, fields: Record<string, string>) =>
    app.http.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const requests = async () => (await as(app.http, owner)({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests;
  const friend = { name: 'Sam Friend', email: 'sam@example.com', phone: '+1 312 555 0100', message: 'My shoulders are tight.' };

  it('greets the friend with the first name of who sent them and the practice, in plain words, with no inline script or style', async () => {
    const res = await get(`/r/${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-robots-tag']).toMatch(/noindex/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const page = res.body;
    expect(page).toContain("<h1>Rory thinks you'd like Willow Table Massage</h1>");
    expect(page).not.toContain('Zebrowski');
    expect(page).toContain('At your first visit');
    expect(page).toContain('Times are in Chicago time.');
    expect(page).toMatch(/<form class="referral" method="post" action="\/r\/[^"]+"/);
    for (const name of ['name', 'email', 'phone', 'day1', 'time1', 'day2', 'time2', 'day3', 'time3', 'message'])
      expect(page).toContain(`name="${name}"`);
    expect(page).toMatch(/<script src="\/portal-assets\/portal\.[^"]+\.js" defer><\/script>/);
    expect(page).not.toMatch(/\sstyle=|<style|<script(?![^>]*\ssrc=)/);
    const worst = hardestSentence(page);
    expect(worst.grade, worst.s).toBeLessThanOrEqual(MAX_READING_GRADE);
    // The code works as typed from paper too, and the page comes compressed.
    expect((await get(`/r/${code.toLowerCase().replace('-', '')}`)).statusCode).toBe(200);
    const br = await get(`/r/${code}`, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(page);
  });

  it('takes the form without a script: a booking request credited to the referrer, then a thank-you', async () => {
    const sent = await form(`/r/${code}`, { ...friend, day1: '2026-03-09', time1: '09:30', day2: '2026-03-06', time2: '16:00' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/r/${code}?sent=1`);
    const [request] = await requests();
    // Chicago moves its clocks on 8 March: the 9th is on summer time, the 6th is not.
    expect(request).toMatchObject({
      name: 'Sam Friend',
      email: 'sam@example.com',
      phone: '+1 312 555 0100',
      clientId: null,
      referrerClientId: referrer.id,
      referrerName: 'Rory Zebrowski',
      preferredTimes: ['2026-03-09T09:30:00-05:00', '2026-03-06T16:00:00-06:00'],
      message: 'My shoulders are tight.',
      status: 'open',
    });
    const row = await database()
      .db.selectFrom('booking_requests')
      .select('referrer_client_id')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.referrer_client_id).toBe(referrer.id);

    const thanks = await get(`/r/${code}?sent=1`);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('<h1>Thank you!</h1>');
    expect(thanks.body).toContain('Willow Table Massage will email you soon');
    expect(thanks.body).not.toContain('<form');
    const worst = hardestSentence(thanks.body);
    expect(worst.grade, worst.s).toBeLessThanOrEqual(MAX_READING_GRADE);
  });

  it('gives the form back filled in with the problem said plainly, and saves nothing', async () => {
    const before = (await requests()).length;
    const bad = await form(`/r/${code}`, { ...friend, email: 'not an email', day1: '2026-03-09', time1: '09:30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.body).toContain('<p class="error" role="alert">Please check your email: Enter an email address like name@example.com.</p>');
    expect(bad.body).toContain('value="Sam Friend"');
    expect(bad.body).toContain('value="2026-03-09"');
    expect(bad.body).toContain('My shoulders are tight.</textarea>');
    const noTime = await form(`/r/${code}`, { ...friend });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.body).toContain('Pick a day and a time that suit you.');
    expect(await requests()).toHaveLength(before);
  });

  it('shows an unknown or malformed code a friendly 404 that names nobody', async () => {
    for (const url of ['/r/ZZZZ-ZZZZ', '/r/nope', `/r/${code}x`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('This link does not work. Ask the friend who sent it to check it.');
      expect(res.body).not.toContain('Willow');
      expect(res.body).not.toContain('Rory');
      expect(res.body).not.toContain('<form');
    }
    const before = (await requests()).length;
    const posted = await form('/r/ZZZZ-ZZZZ', { ...friend, day1: '2026-03-09', time1: '09:30' });
    expect(posted.statusCode).toBe(404);
    expect(posted.body).not.toContain('Willow');
    expect(await requests()).toHaveLength(before);
  });

  it('throttles the form like the API: a few tries an hour, then a friendly page', async () => {
    let res = await form(`/r/${code}`, {});
    for (let i = 0; i < 6 && res.statusCode !== 429; i++) res = await form(`/r/${code}`, {});
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Too many tries. Wait a few minutes, then try again.');
    // The page itself still opens.
    expect((await get(`/r/${code}`)).statusCode).toBe(200);
  });
});
