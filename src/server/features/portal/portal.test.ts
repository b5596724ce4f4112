import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';

describeEachDatabase("the client's page", (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  // 9pm in New York on 2 March is already 3 March in UTC: "today" must be the client's day.
  const clock = testClock('2026-03-03T02:00:00.000Z');
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http, { name: 'Therapist Tess' });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });
  const portal = (token: string, method: 'GET' | 'POST' | 'PUT', path = '', payload?: unknown) =>
    app.http.inject({ method, url: `/api/v1/portal/${token}${path}`, payload: payload as never });

  it('shows only this client’s homework, in their time zone, with 14 days', async () => {
    const { token, homework } = await clientWithHomework(app.http, owner, {
      client: { firstName: 'Nia', timezone: 'America/New_York', intake: { complaints: ['headaches'], goals: 'Fewer headaches' } },
    });
    const res = await portal(token, 'GET');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ firstName: 'Nia', therapistName: 'Therapist Tess', today: '2026-03-02', goals: 'Fewer headaches' });
    expect(page.items.map((i: { homeworkId: string }) => i.homeworkId).sort()).toEqual(homework.map((h) => h.id).sort());
    expect(page.days).toHaveLength(14);
    expect(page.days.at(-1)).toBe('2026-03-02');
    expect(page.toolsThatWouldHelp).toContain('tennis-ball');
  });

  it('ticks done once per item per day; again undoes; a replay changes nothing; bad check-ins are refused', async () => {
    const { token, homework } = await clientWithHomework(app.http, owner, { client: { timezone: 'America/New_York' } });
    const id = homework[0].id;
    const tick = await portal(token, 'POST', '/checkins', {
      homeworkId: id,
      done: true,
      feeling: 'better',
      note: 'Easier to turn my head',
    });
    expect(tick.json()).toMatchObject({ date: '2026-03-02', done: true, feeling: 'better' });
    await portal(token, 'POST', '/checkins', { homeworkId: id, done: true, feeling: 'better', note: 'Easier to turn my head' });
    const rows = () => database().db.selectFrom('check_ins').selectAll().where('homework_id', '=', id).execute();
    expect(await rows()).toHaveLength(1);
    await portal(token, 'POST', '/checkins', { homeworkId: id, done: false });
    expect((await rows())[0].done).toBe(0);
    expect((await portal(token, 'POST', '/checkins', { homeworkId: id, date: '2026-02-20', done: true })).statusCode).toBe(200);

    const other = await clientWithHomework(app.http, owner);
    const notTheirs = await portal(token, 'POST', '/checkins', { homeworkId: other.homework[0].id, done: true });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().error.fields).toHaveProperty('homeworkId');
    expect(
      (await portal(token, 'POST', '/checkins', { homeworkId: id, date: '2026-03-03', done: true })).json().error.fields,
    ).toHaveProperty('date');
    expect(
      (await portal(token, 'POST', '/checkins', { homeworkId: id, date: '2026-02-15', done: true })).json().error.fields,
    ).toHaveProperty('date');
    expect((await portal(token, 'POST', '/checkins', { homeworkId: id, done: 'yes', feeling: 'great' })).statusCode).toBe(400);
    expect(await database().db.selectFrom('check_ins').select('id').where('homework_id', '=', other.homework[0].id).execute()).toHaveLength(
      0,
    );
  });

  it('takes a question, tells the therapist, and mails the answer to the client with the link', async () => {
    const { token, client } = await clientWithHomework(app.http, owner, { client: { firstName: 'Ola' } });
    const tooLong = await portal(token, 'POST', '/questions', { text: 'x'.repeat(20_000) });
    expect(tooLong.statusCode).toBe(400);
    const asked = await portal(token, 'POST', '/questions', { text: 'Should the ball hurt at the base of my skull?' });
    expect(asked.statusCode).toBe(201);
    const inbox = (await as(app.http, owner)({ method: 'GET', url: '/api/v1/questions' })).json().questions;
    const question = inbox.find((q: { clientId: string }) => q.clientId === client.id);
    expect(question.text).toMatch(/base of my skull/);
    const answer = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/questions/${question.id}/answer`,
      payload: { text: 'A little tender is fine. Sharp pain means ease off.' },
    });
    expect(answer.statusCode).toBe(200);
    const before = smtp.messages.length;
    await app.jobs.runDue();
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const toClient = mails.find((m) => m.subject?.includes('answered your question'))!;
    expect(toClient.text).toContain('Sharp pain means ease off');
    expect(toClient.text).toMatch(/\/c\/[\w-]{40,}/);
    const toTherapist = mails.find((m) => m.subject?.includes('asked you a question'))!;
    expect(toTherapist.text).not.toContain('base of my skull');
    expect((await portal(token, 'GET')).json().questions[0].answer).toMatch(/ease off/);
  });

  it('shows a revoked or unknown link nothing, and throttles guessing', async () => {
    const { token, client } = await clientWithHomework(app.http, owner);
    expect((await as(app.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` })).statusCode).toBe(200);
    const revoked = await portal(token, 'GET');
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).not.toContain(client.firstName);
    const fresh = await as(app.http, owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/link` });
    expect((await portal(fresh.json().url.split('/c/')[1], 'GET')).statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 25; i++)
      codes.push(
        (await app.http.inject({ method: 'GET', url: `/api/v1/portal/guess${String(i).padStart(40, 'x')}`, remoteAddress: '10.9.9.9' }))
          .statusCode,
      );
    expect(codes.slice(0, 19).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('keeps right links working behind an address that made many wrong ones (clinic Wi-Fi)', async () => {
    const { token } = await clientWithHomework(app.http, owner);
    const from = (url: string) => app.http.inject({ method: 'GET', url, remoteAddress: '10.9.9.11' });
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await from(`/api/v1/portal/wifi${String(i).padStart(40, 'z')}`)).statusCode);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(codes.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect((await from(`/api/v1/portal/${token}`)).statusCode).toBe(200);
    expect((await from(`/c/${token}`)).statusCode).toBe(200);
    // Guessing stays throttled after the right link was used.
    expect((await from(`/c/wifi${'q'.repeat(40)}`)).statusCode).toBe(429);
  });

  it('stops emails only when the client taps the button, or their mail app sends a one-click unsubscribe', async () => {
    const stopped = async (id: string) =>
      (await as(app.http, owner)({ method: 'GET', url: `/api/v1/clients/${id}` })).json().unsubscribedAt;
    const { token, client } = await clientWithHomework(app.http, owner);
    const url = `/api/v1/portal/${token}/unsubscribe`;
    // A mail scanner opening the link changes nothing: it sees a page with one button.
    const opened = await app.http.inject({ method: 'GET', url });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toMatch(/^text\/html/);
    expect(opened.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(opened.body).toContain('Stop emails?');
    expect(opened.body).toMatch(new RegExp(`<form method="post" action="${url}">`));
    expect(opened.body.match(/<button/g)).toHaveLength(1);
    expect(opened.body).not.toContain('<script');
    expect(await stopped(client.id)).toBeNull();
    // The button posts the form back to the same address.
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const tapped = await app.http.inject({ method: 'POST', url, payload: 'from=page', headers: form });
    expect(tapped.statusCode).toBe(200);
    expect(tapped.body).toContain('will not send you any more emails');
    expect(await stopped(client.id)).toEqual(expect.any(String));
    expect((await app.http.inject({ method: 'GET', url })).body).toContain('Emails are already off');
    // RFC 8058 one-click from the mail app: a POST without the page.
    const other = await clientWithHomework(app.http, owner);
    const oneClick = await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${other.token}/unsubscribe`,
      payload: 'List-Unsubscribe=One-Click',
      headers: form,
    });
    expect(oneClick.json()).toEqual({ ok: true });
    expect(await stopped(other.client.id)).toEqual(expect.any(String));
    const unknown = await app.http.inject({ method: 'GET', url: `/api/v1/portal/${'n'.repeat(43)}/unsubscribe` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link does not work');
  });

  it('limits questions per link and address, so two clients on one Wi-Fi do not share a limit', async () => {
    const [first, second] = [await clientWithHomework(app.http, owner), await clientWithHomework(app.http, owner)];
    const ask = (token: string) =>
      app.http.inject({
        method: 'POST',
        url: `/api/v1/portal/${token}/questions`,
        payload: { text: 'Is it ok?' },
        remoteAddress: '10.9.9.12',
      });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await ask(first.token)).statusCode);
    expect(codes).toEqual([...Array(10).fill(201), 429]);
    expect((await ask(second.token)).statusCode).toBe(201);
  });

  it('counts guesses on every route that takes a client link against one budget', async () => {
    const routes = [
      ['POST', 'homework-report', { went: 'most-days' }],
      ['POST', 'booking-requests', { preferredTimes: ['2026-12-03T15:00:00.000Z'] }],
      ['POST', `goals/${randomUUID()}/progress`, { value: 1 }],
      ['POST', 'checkins', { homeworkId: randomUUID(), done: true }],
    ] as const;
    const codes: number[] = [];
    for (let i = 0; i < 24; i++) {
      const [method, path, payload] = routes[i % routes.length];
      const url = `/api/v1/portal/guess${String(i).padStart(40, 'y')}/${path}`;
      codes.push((await app.http.inject({ method, url, payload, remoteAddress: '10.9.9.10' })).statusCode);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(codes.slice(20)).toEqual([429, 429, 429, 429]);
  });
});
