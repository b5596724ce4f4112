// The therapist's app on a phone (390×844): no page is wider than the screen, the navigation sits
// at the bottom in reach of a thumb, the body map can be tapped with a finger (every target 24 px or
// more, through its list), and the calendar's week shows all seven days.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer } from '../helpers/browser.js';

const PHONE_390 = { width: 390, height: 844 };

describe('the therapist app on a phone', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids = { client: '', session: '', homework: '', item: 'suboccipital-ball-release' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: PHONE_390, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    const { csrf } = await signUpOverHttp(
      server.url,
      {
        practiceName: 'Willow Table Massage and Bodywork Studio',
        name: 'Robin Hale',
        email: 'robin@willow.test',
        password: 'a calm long password',
      },
      { into: context },
    );
    const headers = { 'x-csrf-token': csrf };
    const post = async (path: string, data: unknown) => {
      const res = await page.request.post(`${server.url}${path}`, { headers, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    const client = await post('/api/v1/clients', {
      firstName: 'Maximiliana',
      lastName: 'Oyelaran-Whitfield',
      email: 'maximiliana.oyelaran-whitfield@example.com',
      consentToEmail: true,
      intake: { complaints: ['headaches', 'neck-pain'], tools: ['tennis-ball'], cautions: ['blood-thinners'] },
    });
    ids.client = client.id;
    const session = await post(`/api/v1/clients/${client.id}/sessions`, {
      date: new Date().toISOString().slice(0, 10),
      areasWorked: [{ region: 'neck-back' }, { region: 'upper-traps', side: 'both' }],
      areasNeedingMoreTime: [{ region: 'neck-side', side: 'left' }],
    });
    ids.session = session.id;
    const given = await post(`/api/v1/sessions/${session.id}/homework`, { exerciseId: ids.item });
    ids.homework = given.id;
    // Taught in the room: the "Demonstrated" badge with its date and time shows on the homework step.
    const taught = await page.request.patch(`${server.url}/api/v1/homework/${given.id}`, { headers, data: { demonstrated: true } });
    expect(taught.status()).toBeLessThan(300);
    await post(`/api/v1/clients/${client.id}/appointments`, {
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      durationMinutes: 60,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens a page, waits for it to settle, and checks nothing reaches past the right edge. A phone
   * zooms out to fit a page that is too wide, which widens innerWidth too: so it is checked as well.
   */
  async function fits(path: string, ready: () => Promise<unknown>) {
    await page.goto(`${server.url}${path}`);
    await ready();
    await page
      .getByRole('status')
      .filter({ hasText: /^(Opening|Loading)…/ })
      .first()
      .waitFor({ state: 'detached' });
    await expectFits(path);
  }

  async function expectFits(where: string) {
    const { scroll, inner, wide } = await page.evaluate((width) => {
      return {
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        // What sticks out, to name it when the check fails.
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .slice(-4)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`),
      };
    }, PHONE_390.width);
    expect(scroll, `${where}: ${scroll}px of content in ${inner}px (${wide.join(' · ')})`).toBeLessThanOrEqual(inner);
    expect(inner, `${where}: the phone zoomed out to ${inner}px (${wide.join(' · ')})`).toBe(PHONE_390.width);
  }

  const heading = (name: string | RegExp) => () => page.getByRole('heading', { level: 1, name }).waitFor();

  it('fits every main page on the screen', async () => {
    await fits('/clients', heading('Clients'));
    await fits('/clients/new', heading(/Add a client/));
    await fits(`/clients/${ids.client}`, heading(/Maximiliana/));
    await fits(`/clients/${ids.client}/sessions/${ids.session}`, () => page.getByRole('heading', { level: 1 }).waitFor());
    await fits(`/sessions/${ids.session}/homework`, () =>
      page
        .getByText(/^Demonstrated/)
        .first()
        .waitFor(),
    );
    await fits('/library', heading('Library'));
    await fits(`/library/${ids.item}`, () => page.getByRole('heading', { level: 1 }).waitFor());
    await fits('/calendar', heading('Calendar'));
    await fits('/questions', heading('Questions'));
    await fits('/dashboard', heading('Dashboard'));
    await fits('/referrals', heading('Referrals'));
    await fits('/settings', heading('Settings'));
    await fits(`/clients/${ids.client}/handout`, () => page.getByRole('heading').first().waitFor());

    // The QR code dialog, opened from the homework step.
    await fits(`/sessions/${ids.session}/homework`, () =>
      page
        .getByText(/^Demonstrated/)
        .first()
        .waitFor(),
    );
    await page.getByRole('button', { name: /QR code/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('img', { name: /QR code/ }).waitFor();
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_390.width);
    await expectFits('the QR code dialog');
  });

  it('keeps the navigation at the bottom, in reach, with the rest under More', async () => {
    await page.goto(`${server.url}/clients`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Calendar' }).waitFor();
    const bar = await nav.boundingBox();
    expect(bar!.y + bar!.height).toBeGreaterThan(PHONE_390.height - 2);
    expect(bar!.height).toBeLessThan(120);
    expect(await nav.getByRole('link', { name: 'Settings' }).isVisible()).toBe(false);
    const more = nav.getByRole('button', { name: 'More' });
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page);
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // Still there after scrolling to the end of a long page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const after = await nav.boundingBox();
    expect(after!.y + after!.height).toBeGreaterThan(PHONE_390.height - 2);
  });

  it('lets a finger mark body-map areas: every target is 24 px or more', async () => {
    await page.goto(`${server.url}/clients/${ids.client}/sessions/new`);
    const list = page.getByRole('group', { name: /choose from the list/ });
    await list.waitFor();
    const targets = list.getByRole('button');
    const count = await targets.count();
    expect(count).toBeGreaterThan(30);
    const small = await targets.evaluateAll((els) =>
      els
        .map((el) => ({ name: el.getAttribute('aria-label'), box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ name }) => name),
    );
    expect(small).toEqual([]);
    // The drawing itself is a picture on a phone: no tiny areas to miss.
    expect(await page.locator('.body-map__area[role="button"]').count()).toBe(0);
    const calf = list.getByRole('button', { name: 'Calf, left' });
    await calf.tap();
    expect(await calf.getAttribute('aria-pressed')).toBe('true');
    await page.locator('.area-list--areasWorked').getByText(/Calf/).first().waitFor();
    await fits(`/clients/${ids.client}/sessions/new`, () => list.waitFor());
    await expectNoAxeViolations(page);
  });

  it('shows all seven days of the week in the calendar', async () => {
    await page.goto(`${server.url}/calendar?view=week`);
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    const days = page.locator('.cal-grid:not(.cal-grid--day) h3.cal-heading');
    await days.first().waitFor();
    expect(await days.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const box = await days.nth(i).boundingBox();
      expect(box!.x, `day ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `day ${i + 1}`).toBeLessThanOrEqual(PHONE_390.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_390.width);
  });

  it('shows a new practice its first steps, and the client record says which emails go out and why not', async () => {
    await page.goto(`${server.url}/clients`);
    const steps = page.getByRole('region', { name: 'First steps' });
    await steps.getByText('Add your first client (done)').waitFor();
    expect(await steps.getByRole('link', { name: 'Set your time zone and working hours' }).getAttribute('href')).toBe(
      '/settings#working-hours',
    );
    await expectFits('the first steps');
    // Each step links to where it is done, scrolled into view.
    await steps.getByRole('link', { name: 'Choose the name your emails come from' }).click();
    await page.getByLabel('Sender name on emails').waitFor();
    await expect
      .poll(() => page.evaluate(() => Math.round(document.getElementById('practice')!.getBoundingClientRect().top)))
      .toBeLessThan(200);

    await page.goto(`${server.url}/clients/${ids.client}`);
    const email = page.getByRole('region', { name: 'Email' });
    await email.getByText(/^Agreed to reminder and come-back emails on .*: they told the practice/).waitFor();
    await email.getByText('The practice’s default is no reminders, and no rhythm is set for them.').waitFor();
    await email.getByLabel('Reminders').selectOption('daily');
    await email.getByRole('button', { name: 'Save email choices' }).click();
    await email.getByRole('definition').getByText('Every day').waitFor();
    await expectFits('the email panel');

    await page.goto(`${server.url}/clients`);
    await steps.getByRole('button', { name: 'Hide this list' }).click();
    await steps.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('link', { name: /Maximiliana/ }).waitFor();
    expect(await steps.count()).toBe(0);
  });
});
