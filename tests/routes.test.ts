// Walks every registered route: nobody anonymous gets past the explicit public list, and a
// member of one practice cannot reach another practice's resources.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from './helpers/app.js';
import { describeEachDatabase } from './helpers/databases.js';
import { as, signUp } from './helpers/session.js';
import { buildWorld } from './helpers/world.js';

// Outside /api/v1 only the app's own files, the docs and /healthz are served: public by construction.
const PUBLIC_API = [
  'GET /api/v1/auth/csrf',
  'GET /api/v1/dev/mailbox',
  'GET /api/v1/calendar/:file',
  'GET /api/v1/referrals/:code',
  'POST /api/v1/referrals/:code/booking-requests',
  'POST /api/v1/portal/:token/booking-requests',
  'POST /api/v1/portal/:token/goals/:id/progress',
  'POST /api/v1/portal/:token/homework-report',
  'GET /api/v1/intake/:token',
  'GET /api/v1/portal/:token',
  'GET /api/v1/portal/:token/media/:id',
  'GET /api/v1/portal/:token/unsubscribe',
  'POST /api/v1/portal/:token/checkins',
  'POST /api/v1/portal/:token/questions',
  'POST /api/v1/portal/:token/unsubscribe',
  'PUT /api/v1/portal/:token/reminders',
  'GET /api/v1/invitations/preview',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/signup',
  'POST /api/v1/intake/:token',
  'POST /api/v1/invitations/accept',
];

describeEachDatabase('every route', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
  });
  afterAll(() => app.http.close());

  const fill = (url: string, id: string) => url.replace(/:[a-zA-Z]+/g, id);
  const apiRoutes = () => app.routes.filter((r) => r.url.startsWith('/api/v1/'));

  it('is public only when it is on the explicit public list', () => {
    const publicNow = app.routes.filter((r) => r.public && r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(publicNow.sort()).toEqual([...PUBLIC_API].sort());
  });

  it('refuses anonymous calls with 401 on every non-public route', async () => {
    const guarded = apiRoutes().filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThan(8);
    for (const r of guarded) {
      const res = await app.http.inject({
        method: r.method as 'GET',
        url: fill(r.url, randomUUID()),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });

  it("gives a member of practice B 404 for practice A's resources", async () => {
    const a = await signUp(app.http, { practiceName: 'A' });
    const b = await signUp(app.http, { practiceName: 'B' });
    const world = await buildWorld(app.http, a);
    const { client, item, key, media, resources: resourcesOfA } = world;
    // A body that passes validation, so the answer is about the resource, not the body.
    const validBody: Record<string, unknown> = {
      'POST /api/v1/clients/:id/sessions': { date: '2026-03-01' },
      'POST /api/v1/sessions/:id/homework': { exerciseId: 'chin-tucks' },
      'POST /api/v1/homework/:id/progress': { exerciseId: 'chin-tucks' },
      'POST /api/v1/questions/:id/answer': { text: 'An answer from B' },
      'POST /api/v1/clients/:id/appointments': { startsAt: '2026-12-03T10:00:00Z' },
      'POST /api/v1/sessions/:id/checkout': { rebooked: false, reason: 'other' },
      'POST /api/v1/clients/:id/goals': { statement: 'A goal from B' },
      'POST /api/v1/goals/:id/progress': { value: 1 },
      'POST /api/v1/booking-requests/:id/confirm': { startsAt: '2026-12-03T10:00:00Z' },
      'POST /api/v1/booking-requests/:id/propose': { startsAt: '2026-12-03T10:00:00Z' },
      'PATCH /api/v1/imported-events/:id': { clientId: null },
      'PUT /api/v1/members/:id/working-hours': { weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], daysOff: [] },
    };
    const withIds = apiRoutes().filter((r) => r.url.includes(':') && !r.public);
    for (const r of withIds) {
      const id = resourcesOfA[r.url];
      expect(id, `a resource of practice A for ${r.url}`).toBeTruthy();
      const res = await as(
        app.http,
        b,
      )({
        method: r.method as 'GET',
        url: fill(r.url, id),
        payload: ['POST', 'PATCH', 'PUT'].includes(r.method) ? (validBody[`${r.method} ${r.url}`] ?? {}) : undefined,
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
    }
    // What B lists never includes A.
    const practice = await as(app.http, b)({ method: 'GET', url: '/api/v1/practice' });
    expect(practice.json().name).toBe('B');
    const members = await as(app.http, b)({ method: 'GET', url: '/api/v1/members' });
    expect(members.json().members.map((m: { email: string }) => m.email)).toEqual([b.email]);
    expect((await as(app.http, b)({ method: 'GET', url: '/api/v1/clients' })).json().total).toBe(0);
    expect((await as(app.http, b)({ method: 'GET', url: '/api/v1/questions?status=all' })).json().questions).toEqual([]);
    expect((await as(app.http, b)({ method: 'GET', url: '/api/v1/booking-requests?status=all' })).json().requests).toEqual([]);
    expect(
      (await as(app.http, b)({ method: 'GET', url: '/api/v1/appointments?from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z' })).json()
        .appointments,
    ).toEqual([]);
    expect((await as(app.http, b)({ method: 'GET', url: '/api/v1/reports/referrals' })).json().referrals).toEqual([]);
    const library = await as(app.http, b)({ method: 'GET', url: '/api/v1/exercises?source=custom' });
    expect(library.json().total).toBe(0);
    // And A's key and item are untouched: B's attempts changed nothing.
    expect((await as(app.http, a)({ method: 'GET', url: `/api/v1/exercises/${item.id}` })).statusCode).toBe(200);
    expect((await as(app.http, a)({ method: 'GET', url: `/api/v1/media/${media.id}` })).statusCode).toBe(200);
    expect((await as(app.http, a)({ method: 'GET', url: `/api/v1/clients/${client.id}` })).json().firstName).toBe('Robin');
    expect((await as(app.http, a)({ method: 'GET', url: `/api/v1/clients/${client.id}/homework` })).json().homework).toHaveLength(1);
    const still = await app.http.inject({ method: 'GET', url: '/api/v1/practice', headers: { authorization: `Bearer ${key.key}` } });
    expect(still.json().name).toBe('A');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('sets a strict Content-Security-Policy and a request id', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes OpenAPI 3.1 covering every API route, and a readable page', async () => {
    const doc = (await app.http.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const r of apiRoutes()) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeTruthy();
    }
    expect(doc.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['practiceName', 'name', 'email', 'password']),
    );
    const page = await app.http.inject({ method: 'GET', url: '/api/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/api/v1/auth/signup');
  });
});

// The therapist app's files: content-named files are kept for good, the page that names them never.
describeEachDatabase('the web app files', (database) => {
  it('serves index.html uncached and the built assets as immutable', async () => {
    const app = await buildTestApp({ database: database() });
    const page = await app.http.inject({ method: 'GET', url: '/clients' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /\/assets\/index-[\w-]+\.js/.exec(page.body)?.[0];
    expect(script).toBeDefined();
    const asset = await app.http.inject({ method: 'GET', url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.http.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('no-cache');
    await app.http.close();
  });
});
