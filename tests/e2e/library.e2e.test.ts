// The library as a therapist uses it on a tablet: filter by tapping the body map, open an item,
// write an item of their own with a photo; and a second practice never sees that item.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer, TABLET } from '../helpers/browser.js';
import { TINY_PNG } from '../helpers/factories.js';

interface Listed {
  id: string;
  name: string;
  regions: string[];
}

describe('the library in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let customItemUrl = '';
  const customName = 'Towel neck glide for drivers';
  const files = mkdtempSync(join(tmpdir(), 'carryover-library-e2e-'));

  /** A fresh practice signed in in its own browser context (the signup answer sets the session cookie). */
  async function signedInPage(practiceName: string, email: string) {
    const ctx = await browser.newContext({ viewport: TABLET });
    ctx.setDefaultTimeout(20_000);
    await signUpOverHttp(server.url, { practiceName, name: 'Owner', email, password: 'a calm long password' }, { into: ctx });
    return { ctx, p: await ctx.newPage() };
  }

  async function apiList(p: Page, query: string): Promise<Listed[]> {
    const res = await p.request.get(`${server.url}/api/v1/exercises?${query}`);
    return ((await res.json()) as { exercises: Listed[] }).exercises;
  }

  /** The item links in the list on screen, as ids. */
  async function listedIds(p: Page): Promise<string[]> {
    const hrefs = await p
      .locator('.exercise-list .exercise-card__link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.map((h) => decodeURIComponent(h.replace('/library/', '')));
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ p: page } = await signedInPage('Calm Hands Massage', 'owner@calmhands.test'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters by tapping the calf on the body map, and Back undoes it', async () => {
    await page.goto(`${server.url}/library`);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /\d+ items/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    const everything = (await listedIds(page)).length;

    await page.getByRole('button', { name: /^Calf, left/ }).click();
    await page.waitForURL(/[?&]region=calf\b/);
    const calfItems = await apiList(page, 'region=calf');
    expect(calfItems.length).toBeGreaterThan(1);
    expect(calfItems.every((e) => e.regions.includes('calf'))).toBe(true);
    await expect.poll(async () => (await listedIds(page)).sort()).toEqual(calfItems.map((e) => e.id).sort());
    expect(await listedIds(page)).toContain('calf-foam-roll');
    expect(await listedIds(page)).not.toContain('suboccipital-ball-release');
    // Each card shows the item's drawing, said in words for a screen reader, loaded and sized before it arrives.
    const drawing = page.locator('.exercise-card').filter({ hasText: 'Foam roller release for the calf' }).locator('img.item-drawing');
    expect(await drawing.getAttribute('alt')).toMatch(/^[A-Z].{10,}\.$/);
    expect(Number(await drawing.getAttribute('width'))).toBeGreaterThan(0);
    await expect.poll(() => drawing.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Remove filter: Calf' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.goBack();
    await page.waitForURL(/\/library$/);
    await expect.poll(async () => (await listedIds(page)).length).toBe(everything);
    await page.goForward();
    await page.waitForURL(/region=calf/);
    await expect.poll(async () => (await listedIds(page)).length).toBe(calfItems.length);

    // Search as you type narrows the filtered list too; the URL keeps both.
    await page.getByLabel('Search the library').fill('foam');
    await page.waitForURL(/q=foam/);
    expect(page.url()).toMatch(/region=calf/);
    const foamCalf = (await apiList(page, 'region=calf&q=foam')).map((e) => e.id).sort();
    expect(foamCalf).toContain('calf-foam-roll');
    expect(foamCalf).not.toContain('calf-ball-release');
    await expect.poll(async () => (await listedIds(page)).sort()).toEqual(foamCalf);
  });

  it('opens an item with everything on it, and marks it as a favourite', async () => {
    await page.getByRole('link', { name: 'Foam roller release for the calf' }).click();
    await page.waitForURL(/\/library\/calf-foam-roll$/);
    await page.getByRole('heading', { level: 1, name: 'Foam roller release for the calf' }).waitFor();
    for (const text of ['How to do it', 'How much', 'Health cautions', /^Tips?$/, 'Don’t']) {
      await page.getByRole('heading', { name: text }).waitFor();
    }
    await page.locator('.exercise-sheet__drawing img[alt]').waitFor();
    expect(await page.locator('.sheet-steps li').count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() =>
        page
          .getByText(/stop if it hurts sharply/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/History of clots/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page);

    const star = page.getByRole('button', { name: 'Favourite', exact: true });
    // The star changes at once; wait for the server to have it before leaving the page.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/favourite') && r.request().method() === 'PUT'), star.click()]);
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${server.url}/library?source=favourites`);
    await expect.poll(() => listedIds(page)).toEqual(['calf-foam-roll']);
  });

  it('writes an item of its own, adds a photo, refuses a file that is not one, and lists it', async () => {
    // The file that is not a photo is answered 400, which the page says in words.
    allowConsoleErrors(/status of 400/);
    await page.goto(`${server.url}/library/new`);
    await page.getByRole('heading', { level: 1, name: 'Write an item' }).waitFor();
    await page.getByLabel('Name', { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Saving with nothing filled in puts the messages next to the fields.
    await page.getByRole('button', { name: 'Save item' }).click();
    await expect.poll(() => page.getByText('Name the item').isVisible()).toBe(true);

    await page.getByLabel('Name', { exact: true }).fill(customName);
    await page.getByLabel('What it is for').fill('Helps your neck move freely after a long drive.');
    await page.getByLabel('Kind of item').selectOption({ label: 'Mobility' });
    await page.getByRole('group', { name: 'Body areas' }).getByLabel('Back of neck').check();
    await page.getByRole('group', { name: 'Helps with' }).getByLabel('Neck pain').check();
    await page.getByLabel('Step 1', { exact: true }).fill('Sit tall in a chair.');
    await page.getByLabel('Step 2', { exact: true }).fill('Hold a towel behind your neck with both hands.');
    await page.getByLabel('Step 3', { exact: true }).fill('Tip your chin down and up, slowly.');
    await page.getByLabel('Repeat (times)').fill('8');
    // The drawing comes from a library item in the same position, on the side chosen.
    await page.getByLabel('Find a drawing').fill('chin tuck');
    await page.locator('.drawing-picker__option').first().click();
    await page.getByRole('radio', { name: 'Left side' }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.waitForURL(/\/library\/[0-9a-f-]{36}$/);
    customItemUrl = page.url();
    await page.getByRole('heading', { level: 1, name: customName }).waitFor();
    const own = page.locator('.exercise-sheet__drawing img');
    expect(await own.getAttribute('src')).toMatch(/^\/api\/v1\/exercises\/[0-9a-f-]{36}\/drawing\.svg\?v=/);
    await expect.poll(() => own.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectNoAxeViolations(page);

    const photo = join(files, 'towel-glide.png');
    writeFileSync(photo, TINY_PNG);
    await page.getByLabel('Add a photo or short video').setInputFiles(photo);
    await page.getByRole('img', { name: `${customName}, 1 of 1` }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Photo added' }).isVisible()).toBe(true);

    const notes = join(files, 'notes.png');
    writeFileSync(notes, 'not really a picture');
    await page.getByLabel('Add a photo or short video').setInputFiles(notes);
    await expect
      .poll(() =>
        page
          .locator('.field__error')
          .filter({ hasText: /not a photo/i })
          .isVisible(),
      )
      .toBe(true);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/library?source=custom`);
    await expect.poll(() => page.getByRole('link', { name: customName }).isVisible()).toBe(true);
    await page.locator('.exercise-card').filter({ hasText: customName }).getByText('Has photos').waitFor();
  });

  it('makes a pack from the items on screen, renames it and deletes it', async () => {
    await page.goto(`${server.url}/library?region=calf`);
    await page.getByRole('link', { name: /Make a pack from these \d+ items/ }).click();
    await page.waitForURL(/\/library\/packs\/new\?items=/);
    await page.getByLabel('Name', { exact: true }).fill('Calf care');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save pack' }).click();
    await page.waitForURL(/\/library\/packs$/);
    await page.getByRole('heading', { name: 'Calf care' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Rename or change Calf care' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Calves after running');
    await page.getByRole('button', { name: 'Save pack' }).click();
    await page.getByRole('heading', { name: 'Calves after running' }).waitFor();
    await page.getByRole('link', { name: 'Show items of Calves after running' }).click();
    await page.waitForURL(/\/library\?pack=/);
    await expect.poll(async () => (await listedIds(page)).sort()).toEqual((await apiList(page, 'region=calf')).map((e) => e.id).sort());

    await page.goto(`${server.url}/library/packs`);
    await page.getByRole('button', { name: 'Delete Calves after running' }).click();
    await page.getByRole('button', { name: 'Delete pack' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Calves after running' }).count()).toBe(0);
  });

  it('shows the custom item to no other practice', async () => {
    // The other practice asks for the item and is answered 404, which the page shows as "Item not found".
    allowConsoleErrors(/status of 404/);
    const { ctx, p } = await signedInPage('Another Practice', 'owner@another.test');
    await p.goto(`${server.url}/library?source=custom`);
    await p.getByRole('heading', { name: 'No items of your own yet' }).waitFor();

    await p.goto(`${server.url}/library`);
    await p.getByLabel('Search the library').fill('towel neck glide');
    await p.waitForURL(/q=towel/);
    await p.getByRole('heading', { name: 'Nothing matches' }).waitFor();
    expect(await p.getByRole('link', { name: customName }).count()).toBe(0);

    await p.goto(customItemUrl);
    await p.getByRole('heading', { level: 1, name: 'Item not found' }).waitFor();
    expect(await p.getByText(customName).count()).toBe(0);
    await expectNoAxeViolations(p);
    await ctx.close();
  });
});
