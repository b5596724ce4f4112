import { afterAll, beforeAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { as, signUp } from '../../../../tests/helpers/session.js';

const KINDS = ['checkIns', 'goals', 'appointments', 'bookingRequests', 'homework', 'sessions', 'questions', 'media'] as const;

/** Every file in a zip, by name. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const saved = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);

describeEachDatabase('the client export', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
  });
  afterAll(() => app.http.close());

  /** One client with one of every kind of record, made through the API as the therapist and the client would. */
  async function clientWithEverything() {
    const owner = await signUp(app.http);
    const call = as(app.http, owner);
    const made = await clientWithHomework(app.http, owner);
    const homeworkId = made.homework[0].id;
    const photo = await call({ method: 'POST', url: `/api/v1/homework/${homeworkId}/media`, payload: uploadForm(TINY_PNG) });
    saved(photo);
    const portal = (url: string, payload: Record<string, unknown>) =>
      app.http.inject({ method: 'POST', url: `/api/v1/portal/${made.token}${url}`, payload });
    saved(await portal('/checkins', { homeworkId, done: true, feeling: 'better', note: 'Easier on the stairs' }));
    saved(await portal('/questions', { text: 'Can I do it twice a day?' }));
    saved(await portal('/booking-requests', { preferredTimes: ['2026-03-20T10:00:00Z'] }));
    const goal = await call({
      method: 'POST',
      url: `/api/v1/clients/${made.client.id}/goals`,
      payload: { statement: 'Fewer headaches', unit: 'headaches a week', baseline: 4, target: 1 },
    });
    saved(goal);
    saved(await call({ method: 'POST', url: `/api/v1/goals/${goal.json().id}/progress`, payload: { value: 2 } }));
    const booked = await call({
      method: 'POST',
      url: `/api/v1/clients/${made.client.id}/appointments`,
      payload: { startsAt: '2026-03-16T10:00:00Z' },
    });
    saved(booked);
    return { owner, call, made, photoId: photo.json().id as string };
  }

  it('answers JSON with every kind of record the practice holds about the client', async () => {
    const { call, made, photoId } = await clientWithEverything();
    const res = await call({ method: 'GET', url: `/api/v1/clients/${made.client.id}/export` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    for (const kind of KINDS) expect(body[kind], kind).toHaveLength(kind === 'homework' ? 2 : 1);
    expect(body.checkIns[0]).toMatchObject({ done: true, feeling: 'better', note: 'Easier on the stairs' });
    expect(body.goals[0]).toMatchObject({ statement: 'Fewer headaches', progress: [{ value: 2 }] });
    expect(body.questions[0].text).toBe('Can I do it twice a day?');
    expect(body.homework[0].item).toMatchObject({ slug: 'suboccipital-ball-release' });
    expect(body.media[0]).toMatchObject({ id: photoId, kind: 'image', mime: 'image/png', fileName: `media/${photoId}.png` });
    // Where files are kept on the server is not the client's data.
    expect(res.body).not.toContain('storageKey');
    expect(body.accessLog.map((e: { action: string }) => e.action)).toContain('exported');
  });

  it('adds the photos and videos in a zip that reads back, and names a bad format', async () => {
    const { call, made, photoId } = await clientWithEverything();
    const res = await call({ method: 'GET', url: `/api/v1/clients/${made.client.id}/export?format=zip` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/\.zip"$/);
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['client.json', `media/${photoId}.png`]);
    expect(files.get(`media/${photoId}.png`)?.equals(TINY_PNG)).toBe(true);
    const document = JSON.parse(files.get('client.json')?.toString() ?? '{}');
    for (const kind of KINDS) expect(document[kind].length, kind).toBeGreaterThan(0);

    const bad = await call({ method: 'GET', url: `/api/v1/clients/${made.client.id}/export?format=pdf` });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields ?? {})).toContain('format');
  });
});
