// The authorization matrix: every API route, against each kind of caller who must not reach client
// A ("Robin", of practice Alder) — and proof that no answer carries anything of A's. A route added
// later without a row fails the first test.
import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smtpTransport } from '../src/server/email/transport.js';
import { type FeedServer, startFeedServer, WEEKLY_FEED } from '../src/server/features/calendar-import/feed.fixtures.js';
import { buildTestApp } from './helpers/app.js';
import { describeEachDatabase } from './helpers/databases.js';
import { clientWithHomework, createClient, customItem, TINY_PNG, uploadForm } from './helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from './helpers/session.js';
import { buildWorld } from './helpers/world.js';

type Caller = 'anonymous' | 'otherPractice' | 'colleague' | 'otherClient';
const CALLERS: Caller[] = ['anonymous', 'otherPractice', 'colleague', 'otherClient'];

/*
 * Columns: nobody signed in · the owner of another practice · a therapist of A's practice who is
 * not A's therapist (a therapist sees only their own clients; the library, team and settings are
 * the practice's, and owner-only routes answer 403) · client B's link, used as a Bearer key on
 * signed-in routes and with A's ids on B's own page routes.
 * 401/403/404/400: refused exactly as for an id that does not exist. ok: allowed by design, and
 * nothing of A's in the answer. -: does not apply. The development mailbox answers only to this machine (last test).
 */
const MATRIX = `
POST   /api/v1/auth/signup                           ok   -    -    -
POST   /api/v1/auth/login                            401  -    -    -
POST   /api/v1/auth/logout                           401  ok   ok   401
GET    /api/v1/auth/csrf                             401  ok   ok   -
GET    /api/v1/me                                    401  ok   ok   401
POST   /api/v1/me/two-factor                         401  ok   ok   401
POST   /api/v1/me/two-factor/confirm                 401  400  400  401
DELETE /api/v1/me/two-factor                         401  400  400  401
POST   /api/v1/auth/password-reset                   ok   -    -    -
POST   /api/v1/auth/password-reset/confirm           400  -    -    -
GET    /api/v1/practice                              401  ok   ok   401
PATCH  /api/v1/practice                              401  ok   403  401
GET    /api/v1/practice/checklist                    401  ok   ok   401
POST   /api/v1/practice/checklist/dismiss            401  ok   403  401
GET    /api/v1/clients/:id/email-status              401  404  404  401
GET    /api/v1/members                               401  ok   ok   401
POST   /api/v1/members/:id/deactivate                401  404  403  401
GET    /api/v1/members/:id/working-hours             401  404  404  401
PUT    /api/v1/members/:id/working-hours             401  404  404  401
GET    /api/v1/invitations                           401  ok   403  401
POST   /api/v1/invitations                           401  ok   403  401
GET    /api/v1/invitations/preview                   404  -    -    -
POST   /api/v1/invitations/accept                    404  -    -    -
GET    /api/v1/api-keys                              401  ok   403  401
POST   /api/v1/api-keys                              401  ok   403  401
DELETE /api/v1/api-keys/:id                          401  404  403  401
GET    /api/v1/exercises                             401  ok   ok   401
GET    /api/v1/exercises/:id                         401  404  ok   401
POST   /api/v1/exercises                             401  ok   ok   401
PATCH  /api/v1/exercises/:id                         401  404  ok   401
DELETE /api/v1/exercises/:id                         401  404  ok   401
PUT    /api/v1/exercises/:id/favourite               401  404  ok   401
DELETE /api/v1/exercises/:id/favourite               401  404  ok   401
GET    /api/v1/packs                                 401  ok   ok   401
POST   /api/v1/packs                                 401  ok   ok   401
PATCH  /api/v1/packs/:id                             401  404  ok   401
DELETE /api/v1/packs/:id                             401  404  ok   401
POST   /api/v1/exercises/:id/media                   401  404  ok   401
GET    /api/v1/media/:id                             401  404  ok   401
GET    /api/v1/exercises/:id/drawing.svg             401  404  ok   401
GET    /api/v1/exercises/:id/drawing.png             401  404  ok   401
DELETE /api/v1/media/:id                             401  404  ok   401
POST   /api/v1/clients/import/preview                401  ok   ok   401
POST   /api/v1/clients/import                        401  ok   ok   401
GET    /api/v1/clients/export.csv                    401  ok   ok   401
GET    /api/v1/clients                               401  ok   ok   401
POST   /api/v1/clients                               401  ok   ok   401
GET    /api/v1/clients/:id                           401  404  404  401
PATCH  /api/v1/clients/:id                           401  404  404  401
DELETE /api/v1/clients/:id                           401  404  404  401
GET    /api/v1/clients/:id/export                    401  404  404  401
GET    /api/v1/clients/:id/timeline                  401  404  404  401
GET    /api/v1/audit                                 401  ok   403  401
POST   /api/v1/clients/:id/sessions                  401  404  404  401
GET    /api/v1/clients/:id/sessions                  401  404  404  401
GET    /api/v1/sessions/:id                          401  404  404  401
PATCH  /api/v1/sessions/:id                          401  404  404  401
GET    /api/v1/clients/:id/since-last-session        401  404  404  401
GET    /api/v1/sessions/:id/soap                     401  404  404  401
GET    /api/v1/sessions/:id/soap.pdf                 401  404  404  401
POST   /api/v1/clients/:id/intake-link               401  404  404  401
GET    /api/v1/intake/:token                         404  -    -    404
POST   /api/v1/intake/:token                         404  -    -    404
GET    /api/v1/sessions/:id/suggestions              401  404  404  401
POST   /api/v1/sessions/:id/homework                 401  404  404  401
GET    /api/v1/clients/:id/homework                  401  404  404  401
PATCH  /api/v1/homework/:id                          401  404  404  401
DELETE /api/v1/homework/:id                          401  404  404  401
POST   /api/v1/homework/:id/progress                 401  404  404  401
POST   /api/v1/clients/:id/link                      401  404  404  401
POST   /api/v1/homework/:id/media                    401  404  404  401
GET    /api/v1/homework-media/:id                    401  404  404  401
GET    /api/v1/clients/:id/handout.pdf               401  404  404  401
POST   /api/v1/sessions/:id/send                     401  404  404  401
GET    /api/v1/portal/:token                         404  -    -    ok
POST   /api/v1/portal/:token/checkins                404  -    -    400
POST   /api/v1/portal/:token/questions               404  -    -    ok
PUT    /api/v1/portal/:token/reminders               404  -    -    ok
GET    /api/v1/portal/:token/unsubscribe             404  -    -    ok
POST   /api/v1/portal/:token/unsubscribe             404  -    -    ok
GET    /api/v1/portal/:token/media/:id               404  -    -    404
GET    /api/v1/questions                             401  ok   ok   401
POST   /api/v1/questions/:id/answer                  401  404  404  401
POST   /api/v1/clients/:id/link/revoke               401  404  404  401
GET    /api/v1/sessions/:id/rebook-suggestion        401  404  404  401
POST   /api/v1/sessions/:id/checkout                 401  404  404  401
POST   /api/v1/clients/:id/appointments              401  404  404  401
GET    /api/v1/appointments                          401  ok   ok   401
GET    /api/v1/clients/lapsed                        401  ok   ok   401
POST   /api/v1/portal/:token/homework-report         404  -    -    ok
PATCH  /api/v1/appointments/:id                      401  404  404  401
POST   /api/v1/calendar-feed                         401  ok   ok   401
DELETE /api/v1/calendar-feed                         401  ok   ok   401
GET    /api/v1/calendar/:file                        404  ok   ok   404
GET    /api/v1/calendar-subscriptions                401  ok   ok   401
POST   /api/v1/calendar-subscriptions                401  ok   ok   401
DELETE /api/v1/calendar-subscriptions/:id            401  404  404  401
POST   /api/v1/calendar-subscriptions/:id/refresh    401  404  404  401
PATCH  /api/v1/imported-events/:id                   401  404  404  401
GET    /api/v1/clients/:id/referral                  401  404  404  401
GET    /api/v1/referrals/:code                       404  -    -    ok
POST   /api/v1/referrals/:code/booking-requests      404  -    -    ok
POST   /api/v1/portal/:token/booking-requests        404  -    -    ok
GET    /api/v1/booking-requests                      401  ok   ok   401
POST   /api/v1/booking-requests/:id/confirm          401  404  404  401
POST   /api/v1/booking-requests/:id/propose          401  404  404  401
GET    /api/v1/reports/referrals                     401  ok   ok   401
POST   /api/v1/clients/:id/referral-thanks           401  404  404  401
GET    /api/v1/clients/:id/goals                     401  404  404  401
POST   /api/v1/clients/:id/goals                     401  404  404  401
PATCH  /api/v1/goals/:id                             401  404  404  401
POST   /api/v1/goals/:id/progress                    401  404  404  401
POST   /api/v1/portal/:token/goals/:id/progress      404  -    -    400
GET    /api/v1/reports/summary                       401  ok   ok   401
GET    /api/v1/today                                 401  ok   ok   401
GET    /api/v1/dev/mailbox                           404  -    -    -
`;

type Expected = 400 | 401 | 403 | 404 | 'ok' | '-';
const ROWS = MATRIX.trim()
  .split('\n')
  .map((line) => {
    const [method, url, ...cells] = line.trim().split(/\s+/);
    const expected = Object.fromEntries(CALLERS.map((c, i) => [c, /^\d+$/.test(cells[i]) ? Number(cells[i]) : cells[i]]));
    return { route: `${method} ${url}`, method, url, expected: expected as Record<Caller, Expected> };
  });
const CELLS = ROWS.flatMap((row) => CALLERS.map((caller) => ({ ...row, caller, expected: row.expected[caller] })));
// Allowed calls change things: reads first, deletions after, signing out last.
const ORDER = ['GET', 'PUT', 'PATCH', 'POST', 'DELETE'];
const rank = (route: string) =>
  route === 'POST /api/v1/auth/logout' ? 9 : route === 'DELETE /api/v1/exercises/:id' ? 8 : ORDER.indexOf(route.split(' ')[0]);

const randomToken = () => randomBytes(32).toString('base64url');
const soon = '2026-12-03T10:00:00Z';

describeEachDatabase('the authorization matrix', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let a: Session;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let targets: Record<string, string>;
  let callers: Record<Caller, { ip: string; session?: Session; token: string; code: string; file: string }>;
  let victim: { keys: string[]; ofClient: string[]; ofPractice: string[] };
  let before: string[];
  /** A booking calendar anyone may subscribe to. */
  let calendarServer: FeedServer;
  const readAsA = (url: string) => as(app.http, a)({ method: 'GET', url: `/api/v1${url}` });

  /** What A's owner sees of client A, and A's own page: nothing a refused or unrelated call may change. */
  const victimRecord = async () => {
    const c = world.client.id;
    const urls = [`/clients/${c}`, `/clients/${c}/sessions`, `/clients/${c}/homework`, `/clients/${c}/goals`, `/clients/${c}/timeline`];
    urls.push(`/questions?status=all&clientId=${c}`, `/appointments?clientId=${c}&from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z`);
    const seen = await Promise.all(urls.map((url) => readAsA(url).then((r) => r.body)));
    const requests = (await readAsA('/booking-requests?status=all')).json().requests as { id: string }[];
    const page = await app.http.inject({ method: 'GET', url: `/api/v1/portal/${world.token}`, remoteAddress: '10.0.0.9' });
    return [...seen, JSON.stringify(requests.find((r) => r.id === targets['/api/v1/booking-requests/:id/confirm'])), page.body];
  };

  async function inviteTherapist(owner: Session, email: string) {
    await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    const payload = { token: /token=([\w-]+)/.exec(mail.text_body)?.[1], name: 'Colleague', password: 'colleague password' };
    const res = await app.http.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload });
    expect(res.json().member.role).toBe('therapist');
    return sessionFrom(res);
  }

  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    calendarServer = await startFeedServer();
    calendarServer.serve({ body: WEEKLY_FEED });
    const practiceName = `Alder ${randomUUID().slice(0, 8)}`;
    a = await signUp(app.http, { practiceName });
    const b = await signUp(app.http, { practiceName: 'Birch' });
    world = await buildWorld(app.http, a);
    const colleague = await inviteTherapist(a, `colleague-${randomUUID()}@example.com`);
    await createClient(app.http, colleague, { firstName: 'Sam', lastName: 'Theirs' });
    const kim = await clientWithHomework(app.http, a, { client: { firstName: 'Kim', lastName: 'Other' } });
    const feed = async (s: Session) =>
      (await as(app.http, s)({ method: 'POST', url: '/api/v1/calendar-feed' })).json().url.split('/calendar/')[1].replace('.ics', '');
    const nobody = { token: randomToken(), code: 'ZZZZ-9999', file: randomToken() };
    callers = {
      anonymous: { ip: '10.0.0.1', ...nobody },
      otherPractice: { ip: '10.0.0.2', session: b, ...nobody, file: await feed(b) },
      colleague: { ip: '10.0.0.3', session: colleague, ...nobody, file: await feed(colleague) },
      otherClient: {
        ip: '10.0.0.4',
        token: kim.token,
        code: (await readAsA(`/clients/${kim.client.id}/referral`)).json().code,
        file: kim.token,
      },
    };
    targets = {
      ...world.resources,
      '/api/v1/portal/:token/media/:id': world.resources['/api/v1/homework-media/:id'],
      '/api/v1/portal/:token/goals/:id/progress': world.goal.id,
      // A's colleague: another practice cannot find them, the colleague is no owner.
      '/api/v1/members/:id/deactivate': colleague.memberId,
    };
    // A's client-level strings are hidden from everyone; the practice's own (library, keys, name) only from outsiders.
    const ofPractice = [
      world.item.id,
      world.media.id,
      world.key.id,
      targets['/api/v1/packs/:id'],
      practiceName,
      a.email,
      colleague.memberId,
      // A's owner: named in the team list the colleague may read, never to another practice.
      a.memberId,
    ];
    const ofClient = [...new Set(Object.values(targets))].filter((id) => !ofPractice.includes(id));
    ofClient.push(world.client.email, 'Robin', world.token, (await readAsA(`/clients/${world.client.id}/referral`)).json().code);
    ofClient.push('A question from A', 'Sleep through the night', 'Friend Of A', 'friend-of-a@example.com');
    victim = { keys: [...new Set([...Object.values(targets), a.email])], ofClient, ofPractice };
    // The colleague is not A's therapist: A belongs to the owner.
    expect((await readAsA(`/clients/${world.client.id}`)).json().therapistId).toBe(a.memberId);
    before = await victimRecord();
  });
  afterAll(async () => {
    await app.http.close();
    await calendarServer.close();
  });

  /** A request that passes validation, so the answer is about who asks, not about the body. */
  function valid(route: string): { query?: string; body?: unknown } {
    const fresh = `new-${randomUUID()}@example.com`;
    const password = 'a long enough password';
    const bodies: Record<string, unknown> = {
      'POST /api/v1/auth/signup': { practiceName: 'Fresh', name: 'Fresh Owner', email: fresh, password },
      'POST /api/v1/auth/login': { email: a.email, password: 'not the password at all' },
      'POST /api/v1/auth/password-reset': { email: a.email },
      'POST /api/v1/auth/password-reset/confirm': { token: randomToken(), password },
      'POST /api/v1/invitations': { email: fresh },
      'POST /api/v1/invitations/accept': { token: randomToken(), name: 'Nobody', password },
      'POST /api/v1/api-keys': { name: 'Matrix key' },
      'POST /api/v1/exercises': customItem({ name: 'Matrix glide' }),
      'POST /api/v1/packs': { name: 'Matrix pack', exerciseIds: ['chin-tucks'] },
      'POST /api/v1/exercises/:id/media': uploadForm(TINY_PNG),
      'POST /api/v1/clients/import/preview': { csv: 'Name,Email\nSam Sample,sam@example.com\n' },
      // A's email under another name: an import may update only a client its caller can see.
      'POST /api/v1/clients/import': {
        csv: `Name,Email\nRenamed By Import,${world.client.email}\n`,
        mapping: { fullName: 'Name', email: 'Email' },
      },
      'POST /api/v1/clients': { firstName: 'Sam', lastName: 'Fresh', email: fresh, intake: { complaints: ['headaches'] } },
      'POST /api/v1/clients/:id/sessions': { date: '2026-03-01' },
      'POST /api/v1/sessions/:id/homework': { exerciseId: 'chin-tucks' },
      'POST /api/v1/homework/:id/progress': { exerciseId: 'chin-tucks' },
      'POST /api/v1/portal/:token/checkins': { homeworkId: world.homework.id, done: true },
      'POST /api/v1/portal/:token/questions': { text: 'A question from Kim' },
      'PUT /api/v1/portal/:token/reminders': { rhythm: 'weekly' },
      'POST /api/v1/portal/:token/homework-report': { went: 'most-days' },
      'POST /api/v1/questions/:id/answer': { text: 'An answer that must not land' },
      'POST /api/v1/sessions/:id/checkout': { rebooked: false, reason: 'other' },
      'POST /api/v1/clients/:id/appointments': { startsAt: soon },
      'POST /api/v1/referrals/:code/booking-requests': { name: 'Friend Of Kim', email: fresh, preferredTimes: [soon] },
      'POST /api/v1/portal/:token/booking-requests': { preferredTimes: [soon] },
      'POST /api/v1/booking-requests/:id/confirm': { startsAt: soon },
      'POST /api/v1/booking-requests/:id/propose': { startsAt: soon },
      'POST /api/v1/clients/:id/goals': { statement: 'A goal that must not land' },
      'POST /api/v1/goals/:id/progress': { value: 1 },
      'POST /api/v1/portal/:token/goals/:id/progress': { value: 1 },
      'POST /api/v1/calendar-subscriptions': { url: calendarServer.url() },
      'PATCH /api/v1/imported-events/:id': { clientId: null },
      'PUT /api/v1/members/:id/working-hours': { weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], daysOff: [] },
    };
    const queries: Record<string, string> = {
      'GET /api/v1/invitations/preview': `token=${randomToken()}`,
      'GET /api/v1/appointments': 'from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z',
      'GET /api/v1/reports/summary': 'from=2026-01-01&to=2026-12-31',
    };
    return { query: queries[route], body: bodies[route] ?? (/^(POST|PATCH|PUT) /.test(route) ? {} : undefined) };
  }

  /** Calls a route as a caller; a ghost call swaps every value of A's for one that exists nowhere. */
  function call(cell: (typeof CELLS)[number], ghost = false) {
    const who = callers[cell.caller];
    const { query, body } = valid(cell.route);
    let url = cell.url.replace(':token', who.token).replace(':code', who.code).replace(':file', `${who.file}.ics`);
    url = url.replace(':id', targets[cell.url]) + (query ? `?${query}` : '');
    let payload = body instanceof FormData || body === undefined ? body : JSON.stringify(body);
    if (ghost) {
      const swap = (s: string) =>
        victim.keys.reduce((x, k) => x.replaceAll(k, k.includes('@') ? `nobody-${randomUUID()}@example.com` : randomUUID()), s);
      url = swap(url);
      if (typeof payload === 'string') payload = swap(payload);
    }
    const headers: Record<string, string> = typeof payload === 'string' ? { 'content-type': 'application/json' } : {};
    // A client's link is no key: on a signed-in route it is offered as one, and must be refused.
    const signedIn = app.routes.some((r) => `${r.method} ${r.url}` === cell.route && !r.public);
    if (cell.caller === 'otherClient' && signedIn) headers.authorization = `Bearer ${who.token}`;
    const opts: InjectOptions = {
      method: cell.method as 'GET',
      url,
      payload: payload as InjectOptions['payload'],
      remoteAddress: who.ip,
      headers,
    };
    return who.session ? as(app.http, who.session)(opts) : app.http.inject(opts);
  }

  /** Any of A's identifying strings in an answer, headers included. */
  function leaks(res: { body: string; headers: object }, caller: Caller) {
    const strings = caller === 'colleague' || caller === 'otherClient' ? victim.ofClient : [...victim.ofClient, ...victim.ofPractice];
    const text = JSON.stringify(res.headers) + res.body;
    return strings.filter((s) => text.includes(s));
  }
  // Status and error code are compared; the wording may name whichever record was looked up first.
  const errorOf = (res: { body: string }) => (res.body.startsWith('{') ? JSON.parse(res.body).error?.code : res.body.slice(0, 100));

  it('has a row for every API route and no other, and every signed-in route a verdict for every caller', () => {
    const registered = app.routes.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(ROWS.map((r) => r.route).sort()).toEqual([...new Set(registered)].sort());
    const guarded = app.routes.filter((r) => r.url.startsWith('/api/v1/') && !r.public).map((r) => `${r.method} ${r.url}`);
    for (const row of ROWS.filter((r) => guarded.includes(r.route))) {
      expect(Object.values(row.expected), row.route).not.toContain('-');
      expect([row.expected.anonymous, row.expected.otherClient], row.route).toEqual([401, 401]);
    }
  });

  it('refuses each caller who may not act on A exactly as if A’s resource did not exist, with nothing of A in the answer', async () => {
    const wrong: string[] = [];
    for (const cell of CELLS.filter((c) => typeof c.expected === 'number')) {
      const [res, ghost] = [await call(cell), await call(cell, true)];
      const where = `${cell.route} as ${cell.caller}`;
      if (res.statusCode !== cell.expected) wrong.push(`${where}: ${res.statusCode}, expected ${cell.expected}`);
      else if (ghost.statusCode !== res.statusCode || errorOf(ghost) !== errorOf(res))
        wrong.push(`${where}: ${errorOf(res)}, but ${ghost.statusCode} ${errorOf(ghost)} for an id that does not exist`);
      const leaked = leaks(res, cell.caller);
      if (leaked.length) wrong.push(`${where}: carries ${leaked.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets each caller do what the product allows them, still without a trace of A', async () => {
    const wrong: string[] = [];
    for (const cell of CELLS.filter((c) => c.expected === 'ok').sort((x, y) => rank(x.route) - rank(y.route))) {
      const res = await call(cell);
      const where = `${cell.route} as ${cell.caller}`;
      if (res.statusCode < 200 || res.statusCode > 299) wrong.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const leaked = leaks(res, cell.caller);
      if (leaked.length) wrong.push(`${where}: carries ${leaked.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('left every record of A exactly as it was', async () => {
    expect(await victimRecord()).toEqual(before);
  });

  it('opens the development mailbox only while mail stays local (no SMTP server), and only to this machine', async () => {
    const fromHere = await app.http.inject({ method: 'GET', url: '/api/v1/dev/mailbox', remoteAddress: '127.0.0.1' });
    expect(fromHere.statusCode).toBe(200);
    expect(fromHere.json().emails.length).toBeGreaterThan(0);
    const fromElsewhere = await app.http.inject({ method: 'GET', url: '/api/v1/dev/mailbox', remoteAddress: '203.0.113.7' });
    expect(fromElsewhere.statusCode).toBe(404);
    expect(fromElsewhere.body).not.toContain('@');
    const withSmtp = await buildTestApp({ database: database(), transport: smtpTransport('smtp://127.0.0.1:9?tls=off') });
    expect(withSmtp.routes.map((r) => r.url)).not.toContain('/api/v1/dev/mailbox');
    await withSmtp.http.close();
  });
});
