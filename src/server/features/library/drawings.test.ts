import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, createCustomItem, customItem } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A PNG's width, from its IHDR chunk. */
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

interface Listed {
  id: string;
  slug: string;
  source: string;
  drawingUrl: string;
  drawingAlt: string;
  drawingSize: { width: number; height: number };
}

describeEachDatabase('item drawings', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let other: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Drawing Practice' });
    other = await signUp(app.http, { practiceName: 'Other Drawing Practice' });
  });
  afterAll(() => app.http.close());
  const get = (url: string, who: Session | null = owner, headers: Record<string, string> = {}) =>
    who ? as(app.http, who)({ method: 'GET', url, headers }) : app.http.inject({ method: 'GET', url, headers });

  it('gives every item in the list and on its own a drawing URL, alt text in words and a size', async () => {
    const { exercises } = (await get('/api/v1/exercises')).json() as { exercises: Listed[] };
    expect(exercises.length).toBeGreaterThanOrEqual(80);
    for (const e of exercises) {
      expect(e.drawingUrl, e.slug).toMatch(new RegExp(`^/drawings/${e.slug}\\.svg\\?v=[\\w-]{16}$`));
      expect(e.drawingAlt, e.slug).toMatch(/^[A-Z][^\n]{10,200}\.$/);
      expect(e.drawingSize.width).toBeGreaterThan(0);
      expect(e.drawingSize.height).toBeGreaterThan(0);
    }
    const one = (await get('/api/v1/exercises/calf-foam-roll')).json() as Listed;
    expect(one.drawingUrl).toBe(exercises.find((e) => e.id === 'calf-foam-roll')?.drawingUrl);
    expect(one.drawingAlt).toBe(exercises.find((e) => e.id === 'calf-foam-roll')?.drawingAlt);
  });

  it('serves a built-in drawing to anyone as SVG under 30 KB, kept for good, and 304 when the browser has it', async () => {
    const { drawingUrl } = (await get('/api/v1/exercises/suboccipital-ball-release')).json() as Listed;
    const res = await get(drawingUrl, null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(res.body.trimEnd()).toMatch(/<\/svg>$/);
    expect(res.rawPayload.length).toBeLessThanOrEqual(30 * 1024);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.etag as string;
    expect(etag).toBe(`"${drawingUrl.split('v=')[1]}"`);

    const again = await get(drawingUrl, null, { 'if-none-match': `W/"other", ${etag}` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    // Without the hash (or with an old one) the browser asks again each time.
    const unversioned = await get('/drawings/suboccipital-ball-release.svg', null);
    expect(unversioned.headers['cache-control']).toBe('public, no-cache');
    expect(unversioned.body).toBe(res.body);
    expect((await get('/drawings/no-such-item.svg', null)).statusCode).toBe(404);
    expect((await get('/drawings/..%2Fpackage.json', null)).statusCode).toBe(400);
  });

  it('keeps every built-in drawing an SVG of at most 30 KB', async () => {
    const { exercises } = (await get('/api/v1/exercises?source=builtin')).json() as { exercises: Listed[] };
    const tooBig: string[] = [];
    for (const e of exercises) {
      const res = await get(e.drawingUrl, null);
      expect(res.headers['content-type'], e.slug).toMatch(/^image\/svg\+xml/);
      if (res.rawPayload.length > 30 * 1024) tooBig.push(`${e.slug}: ${Math.round(res.rawPayload.length / 1024)} KB`);
    }
    expect(tooBig).toEqual([]);
  });

  it('renders the drawing as PNG, 480 wide unless asked, never past 1200, and names a bad width', async () => {
    const png = await get('/api/v1/exercises/calf-foam-roll/drawing.png');
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngWidth(png.rawPayload)).toBe(480);
    expect(pngWidth((await get('/api/v1/exercises/calf-foam-roll/drawing.png?width=240')).rawPayload)).toBe(240);
    expect(pngWidth((await get('/api/v1/exercises/calf-foam-roll/drawing.png?width=5000')).rawPayload)).toBe(1200);
    const cached = await get('/api/v1/exercises/calf-foam-roll/drawing.png', owner, { 'if-none-match': png.headers.etag as string });
    expect(cached.statusCode).toBe(304);

    for (const width of ['wide', '12.5', '0', '-40', '']) {
      const bad = await get(`/api/v1/exercises/calf-foam-roll/drawing.png?width=${width}`);
      expect(bad.statusCode, width).toBe(400);
      expect(Object.keys(bad.json().error.fields), width).toEqual(['width']);
    }
    expect((await get('/api/v1/exercises/calf-foam-roll/drawing.png', null)).statusCode).toBe(401);
    expect((await get('/api/v1/exercises/no-such-item/drawing.png')).statusCode).toBe(404);
  });

  it('draws a custom item for its own practice only', async () => {
    const item = await createCustomItem(app.http, owner, { name: 'Our towel glide drawing' });
    const listed = ((await get('/api/v1/exercises?source=custom')).json().exercises as Listed[]).find((e) => e.id === item.id)!;
    expect(listed.drawingUrl).toMatch(new RegExp(`^/api/v1/exercises/${item.id}/drawing\\.svg\\?v=[\\w-]{16}$`));
    expect(listed.drawingAlt).toMatch(/^[A-Z][^\n]{10,200}\.$/);

    const svg = await get(listed.drawingUrl);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await get(listed.drawingUrl, owner, { 'if-none-match': svg.headers.etag as string })).statusCode).toBe(304);
    expect(pngWidth((await get(`/api/v1/exercises/${item.id}/drawing.png?width=300`)).rawPayload)).toBe(300);

    for (const url of [listed.drawingUrl, `/api/v1/exercises/${item.id}/drawing.png`]) {
      const theirs = await get(url, other);
      expect(theirs.statusCode, url).toBe(404);
      expect(theirs.body, url).not.toContain('towel');
      expect((await get(url, null)).statusCode, url).toBe(401);
    }
  });

  it('keeps a drawing chosen from the library on a custom item, and refuses an unknown prop, body point or pose by field', async () => {
    const base = (await get('/api/v1/exercises/suboccipital-ball-release')).json() as { pose: string };
    const drawing = { side: 'right', props: [{ kind: 'tennis-ball', at: 'skull-base-right' }] };
    const chosen = await as(
      app.http,
      owner,
    )({ method: 'POST', url: '/api/v1/exercises', payload: customItem({ name: 'Our ball at the skull', pose: base.pose, drawing }) });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json()).toMatchObject({ pose: base.pose, drawing: { side: 'right', props: drawing.props } });

    const post = (over: Record<string, unknown>) =>
      as(app.http, owner)({ method: 'POST', url: '/api/v1/exercises', payload: customItem({ name: 'Broken drawing', ...over }) });
    const unknownProp = await post({ pose: base.pose, drawing: { props: [{ kind: 'trampoline', at: 'calf-left' }] } });
    expect(unknownProp.statusCode).toBe(400);
    expect(Object.keys(unknownProp.json().error.fields)).toEqual(['drawing.props.0.kind']);
    const unknownPoint = await post({ pose: base.pose, drawing: { props: [{ kind: 'tennis-ball', at: 'elbow-pit-left' }] } });
    expect(unknownPoint.statusCode).toBe(400);
    expect(unknownPoint.json().error.fields['drawing.props.0.at']).toMatch(/Unknown body point/);
    const unknownPose = await post({ pose: 'upside-down-on-a-ladder' });
    expect(unknownPose.statusCode).toBe(400);
    expect(unknownPose.json().error.fields.pose).toMatch(/upside-down-on-a-ladder/);

    const edited = await as(
      app.http,
      owner,
    )({ method: 'PATCH', url: `/api/v1/exercises/${chosen.json().id}`, payload: { drawing: { props: [{ kind: 'sofa' }] } } });
    expect(edited.statusCode).toBe(400);
    expect(Object.keys(edited.json().error.fields)).toEqual(['drawing.props.0.kind']);

    // null takes the drawing off again; the item keeps everything else.
    const plain = await as(
      app.http,
      owner,
    )({ method: 'PATCH', url: `/api/v1/exercises/${chosen.json().id}`, payload: { pose: null, drawing: null } });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).not.toHaveProperty('pose');
    expect(plain.json()).not.toHaveProperty('drawing');
    expect(plain.json().name).toBe('Our ball at the skull');
  });

  it('gives homework items their drawing too', async () => {
    const { client } = await clientWithHomework(app.http, owner, { exerciseIds: ['calf-ball-release'] });
    const [homework] = (await get(`/api/v1/clients/${client.id}/homework`)).json().homework as { exercise: Listed }[];
    expect(homework.exercise.drawingUrl).toMatch(/^\/drawings\/calf-ball-release\.svg\?v=/);
    expect(homework.exercise.drawingAlt).toMatch(/\.$/);
    expect((await get(homework.exercise.drawingUrl, null)).statusCode).toBe(200);
  });
});
