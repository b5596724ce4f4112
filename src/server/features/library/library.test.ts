import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createCustomItem, customItem, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('the library API', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let other: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Library Practice' });
    other = await signUp(app.http, { practiceName: 'Other Practice' });
  });
  afterAll(() => app.http.close());
  const get = (url: string, who = owner) => as(app.http, who)({ method: 'GET', url });

  it('lists at least 80 items', async () => {
    const res = await get('/api/v1/exercises');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(80);
    expect(res.json().exercises[0]).toMatchObject({
      id: expect.any(String),
      slug: expect.any(String),
      steps: expect.any(Array),
      source: 'builtin',
    });
  });

  it('filters by region, tool, complaint and category, returning only matching items', async () => {
    const byRegion = (await get('/api/v1/exercises?region=calf')).json().exercises;
    expect(byRegion.length).toBeGreaterThanOrEqual(2);
    expect(byRegion.every((e: { regions: string[] }) => e.regions.includes('calf'))).toBe(true);

    const byTool = (await get('/api/v1/exercises?tool=foam-roller')).json().exercises;
    expect(byTool.length).toBeGreaterThan(0);
    expect(byTool.every((e: { tools: string[][] }) => e.tools.some((need) => need.includes('foam-roller')))).toBe(true);

    const none = (await get('/api/v1/exercises?tool=none')).json().exercises;
    expect(none.every((e: { tools: string[][] }) => e.tools.length === 0)).toBe(true);

    const byComplaint = (await get('/api/v1/exercises?complaint=headaches&region=neck-back')).json().exercises;
    expect(byComplaint.map((e: { slug: string }) => e.slug)).toContain('suboccipital-ball-release');
    expect(
      byComplaint.every(
        (e: { complaints: string[]; regions: string[] }) => e.complaints.includes('headaches') && e.regions.includes('neck-back'),
      ),
    ).toBe(true);

    const search = (await get('/api/v1/exercises?q=doorway%20pec')).json().exercises;
    expect(search.map((e: { slug: string }) => e.slug)).toEqual(['doorway-pec-stretch']);

    const bad = await get('/api/v1/exercises?region=elbow&tool=trampoline');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['region', 'tool']);
  });

  it('shows one item, and 404 for an unknown one', async () => {
    const item = await get('/api/v1/exercises/calf-foam-roll');
    expect(item.json()).toMatchObject({
      id: 'calf-foam-roll',
      tools: [['foam-roller'], ['floor-space']],
      excludedBy: expect.arrayContaining(['clot-history']),
    });
    expect((await get('/api/v1/exercises/no-such-item')).statusCode).toBe(404);
  });

  it('creates a custom item visible only to its practice', async () => {
    const created = await createCustomItem(app.http, owner, { name: 'Our towel glide' });
    expect((await get(`/api/v1/exercises/${created.id}`)).json()).toMatchObject({ source: 'custom', name: 'Our towel glide' });
    expect((await get('/api/v1/exercises?source=custom')).json().total).toBe(1);
    expect((await get(`/api/v1/exercises/${created.id}`, other)).statusCode).toBe(404);
    expect((await get('/api/v1/exercises?q=towel%20glide', other)).json().total).toBe(0);
  });

  it('copies a built-in item and edits the copy, never the original', async () => {
    const original = (await get('/api/v1/exercises/doorway-pec-stretch')).json();
    const { id: _id, source: _s, basedOn: _b, favourite: _f, media: _m, slug: _slug, ...copied } = original;
    // What the server works out (where the drawing is, its words and size) is not sent back.
    const { drawingUrl: _u, drawingAlt: _a, drawingSize: _z, ...fields } = copied;
    const copy = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/exercises',
      payload: { ...fields, name: 'Doorway stretch, our way', basedOn: 'doorway-pec-stretch' },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json().basedOn).toBe('doorway-pec-stretch');
    const edited = await as(
      app.http,
      owner,
    )({ method: 'PATCH', url: `/api/v1/exercises/${copy.json().id}`, payload: { dose: { holdSeconds: 45, sets: 2, daysPerWeek: 6 } } });
    expect(edited.json().dose.holdSeconds).toBe(45);
    expect(edited.json().muscles).toEqual(original.muscles);
    expect(edited.json().steps).toEqual(original.steps);
    const builtIn = await as(
      app.http,
      owner,
    )({ method: 'PATCH', url: '/api/v1/exercises/doorway-pec-stretch', payload: { name: 'Changed' } });
    expect(builtIn.statusCode).toBe(403);
  });

  it('refuses a custom item with missing steps, an unknown region or tool, naming the field', async () => {
    const res = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/exercises',
      payload: customItem({ steps: undefined, regions: ['elbow'], tools: [['trampoline']] }),
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(expect.arrayContaining(['regions.0', 'steps', 'tools.0.0']));
    const badLink = await as(
      app.http,
      owner,
    )({ method: 'POST', url: '/api/v1/exercises', payload: customItem({ harder: ['no-such-item'] }) });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.fields.harder).toMatch(/no-such-item/);
  });

  it('takes a real photo, refuses a file that only claims to be one, and stops an oversized upload without keeping it', async () => {
    const item = await createCustomItem(app.http, owner, { name: 'Item with a photo' });
    const ok = await as(app.http, owner)({ method: 'POST', url: `/api/v1/exercises/${item.id}/media`, payload: uploadForm(TINY_PNG) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'image', mime: 'image/png', bytes: TINY_PNG.length });
    const served = await get(ok.json().url);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(TINY_PNG)).toBe(true);

    const fake = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/exercises/${item.id}/media`,
      payload: uploadForm(Buffer.from('<?php echo 1; ?>'.repeat(50)), 'photo.jpg', 'image/jpeg'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields).toHaveProperty('file');

    const huge = Buffer.alloc(61 * 1024 * 1024, 1);
    TINY_PNG.copy(huge);
    const tooBig = await as(app.http, owner)({ method: 'POST', url: `/api/v1/exercises/${item.id}/media`, payload: uploadForm(huge) });
    expect(tooBig.statusCode).toBe(413);
    const media = (await get(`/api/v1/exercises/${item.id}`)).json().media;
    expect(media).toHaveLength(1);
  });

  it('finds a custom item by its slug, and forgets a deleted item in packs and links', async () => {
    const base = await createCustomItem(app.http, owner, { name: 'Gentle towel glide', slug: 'gentle-towel-glide' });
    expect((await get('/api/v1/exercises/gentle-towel-glide')).json().id).toBe(base.id);
    const next = await createCustomItem(app.http, owner, { name: 'Firm towel glide', easier: ['gentle-towel-glide'] });
    const pack = await as(
      app.http,
      owner,
    )({ method: 'POST', url: '/api/v1/packs', payload: { name: 'Towels', exerciseIds: [base.id, 'chin-tucks'] } });
    expect((await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/exercises/${base.id}` })).statusCode).toBe(200);
    expect((await get(`/api/v1/exercises/${next.id}`)).json().easier).toEqual([]);
    const renamed = await as(app.http, owner)({ method: 'PATCH', url: `/api/v1/packs/${pack.json().id}`, payload: { name: 'Towel work' } });
    expect(renamed.json().exerciseIds).toEqual(['chin-tucks']);
  });

  it('keeps favourites and packs per practice', async () => {
    expect((await as(app.http, owner)({ method: 'PUT', url: '/api/v1/exercises/calf-ball-release/favourite' })).statusCode).toBe(200);
    expect((await as(app.http, owner)({ method: 'PUT', url: '/api/v1/exercises/calf-ball-release/favourite' })).statusCode).toBe(200);
    const favs = (await get('/api/v1/exercises?source=favourites')).json().exercises.map((e: { id: string }) => e.id);
    expect(favs).toEqual(['calf-ball-release']);
    expect((await get('/api/v1/exercises?source=favourites', other)).json().total).toBe(0);

    const packs = (await get('/api/v1/packs')).json().packs;
    expect(packs.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['desk-worker', 'runner']));
    const runner = (await get('/api/v1/exercises?pack=runner')).json().exercises.map((e: { id: string }) => e.id);
    expect(runner).toContain('calf-foam-roll');

    const mine = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/packs',
      payload: { name: 'Cyclists', exerciseIds: ['quad-foam-roll', 'kneeling-hip-flexor-stretch'] },
    });
    expect(mine.statusCode).toBe(201);
    expect((await get(`/api/v1/exercises?pack=${mine.json().id}`)).json().total).toBe(2);
    expect((await get('/api/v1/packs', other)).json().packs.some((p: { name: string }) => p.name === 'Cyclists')).toBe(false);
    const badPack = await as(app.http, owner)({ method: 'POST', url: '/api/v1/packs', payload: { name: 'Broken', exerciseIds: ['nope'] } });
    expect(badPack.statusCode).toBe(400);
  });
});

it('every starter pack names items that exist', async () => {
  const { starterPacks } = await import('./packs.js');
  const slugs = new Set(readdirSync(new URL('../../../../content/exercises/', import.meta.url)).map((f) => f.replace(/\.json$/, '')));
  for (const pack of starterPacks()) for (const id of pack.exerciseIds) expect(slugs.has(id), `${pack.id}: ${id}`).toBe(true);
});
