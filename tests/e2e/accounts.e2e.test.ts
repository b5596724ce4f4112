// Tried as a new user would: sign up, sign out, sign in, forget the password and reset it
// through the local mailbox, invite a therapist who accepts. axe checks every page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, startServer, TABLET } from '../helpers/browser.js';

describe('accounts in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The newest mail to this address, opened in the local mailbox page; returns the link it carries. */
  async function linkFromMailbox(p: Page, to: string, pathPart: string) {
    // The mail goes out through a job: the mailbox holds it a moment after the page said so.
    const kept = async () => {
      const { emails } = (await (await p.request.get(`${server.url}/api/v1/dev/mailbox`)).json()) as {
        emails: { to: string; text: string }[];
      };
      return emails.some((m) => m.to === to && m.text.includes(pathPart));
    };
    await expect.poll(kept).toBe(true);
    await p.goto(`${server.url}/mailbox`);
    await p.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(p);
    await p.getByText(to).first().click();
    const links = p.getByRole('article').getByRole('link', { name: new RegExp(pathPart) });
    await expect.poll(() => links.count()).toBe(1);
    const link = await links.getAttribute('href');
    expect(link).toMatch(new RegExp(`^${server.url}/.*${pathPart}`));
    return link!;
  }

  // A signed-out page asks who is signed in; Chromium logs the 401 it gets.
  const SIGNED_OUT = /status of 401/;

  it('signs up, signs out and signs in again', async () => {
    allowConsoleErrors(SIGNED_OUT);
    await page.goto(`${server.url}/signup`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Practice name').fill('Quiet Room Massage');
    await page.getByLabel('Your name').fill('Owner One');
    await page.getByLabel('Email').fill('owner@quietroom.test');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: /create|sign up/i }).click();
    await expect
      .poll(() =>
        page
          .getByText(/at least 10 characters/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Password').fill('a calm long password');
    await page.getByRole('button', { name: /create|sign up/i }).click();
    await page.waitForURL(/\/clients$/);
    await expect.poll(() => page.getByText('Quiet Room Massage').first().isVisible()).toBe(true);
    await page.getByRole('heading', { level: 1 }).waitFor(); // the clients page arrives after the frame
    await expectNoAxeViolations(page);

    for (const name of ['Library', 'Calendar', 'Dashboard', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await page.waitForURL(new RegExp(`/${name.toLowerCase()}$`));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page);
    }

    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/signin$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Email').fill('owner@quietroom.test');
    await page.getByLabel('Password').fill('a wrong password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/do not match/);
    await page.getByLabel('Password').fill('a calm long password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/(today|settings)$/);
  });

  it('resets a forgotten password through the local mailbox', async () => {
    // The second use of the link is answered 400, which the page shows as "expired or already used".
    allowConsoleErrors(SIGNED_OUT, /status of 400/);
    const fresh = await browser.newContext({ viewport: TABLET });
    fresh.setDefaultTimeout(20_000);
    const p = await fresh.newPage();
    await p.goto(`${server.url}/signin`);
    await p.getByRole('link', { name: /forgot/i }).click();
    await p.waitForURL(/\/forgot-password$/);
    await expectNoAxeViolations(p);
    await p.getByLabel('Email').fill('owner@quietroom.test');
    await p.getByRole('button', { name: /email me a link/i }).click();
    await expect
      .poll(() =>
        p
          .getByText(/we've sent a link|we’ve sent a link/i)
          .first()
          .isVisible(),
      )
      .toBe(true);

    const link = await linkFromMailbox(p, 'owner@quietroom.test', 'reset-password');
    await p.goto(link);
    await expectNoAxeViolations(p);
    await p.getByLabel('New password').fill('a brand new password');
    await p.getByRole('button', { name: /save|set|reset|change/i }).click();
    // Wait for the new password to be saved: the header has a sign-in link all along.
    await p.getByRole('link', { name: 'Sign in with your new password' }).click();
    await p.waitForURL(/\/signin$/);
    await p.getByLabel('Email').fill('owner@quietroom.test');
    await p.getByLabel('Password').fill('a brand new password');
    await p.getByRole('button', { name: /sign in/i }).click();
    await p.waitForURL(/\/today$/);

    // The link works once.
    await p.goto(link);
    await p.getByLabel('New password').fill('yet another password');
    await p.getByRole('button', { name: /save|set|reset|change/i }).click();
    await expect
      .poll(() =>
        p
          .getByText(/expired or was already used/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await fresh.close();
  });

  it('invites a therapist who accepts and lands in the practice', async () => {
    allowConsoleErrors(SIGNED_OUT);
    const owner = await browser.newContext({ viewport: TABLET });
    owner.setDefaultTimeout(20_000);
    const p = await owner.newPage();
    await p.goto(`${server.url}/signin`);
    await p.getByLabel('Email').fill('owner@quietroom.test');
    await p.getByLabel('Password').fill('a brand new password');
    await p.getByRole('button', { name: /sign in/i }).click();
    await p.waitForURL(/\/today$/);
    await p.goto(`${server.url}/settings`);
    await p.getByLabel('Their email').fill('therapist@quietroom.test');
    await p.getByLabel('Their name').fill('Therapist Two');
    await p.getByRole('button', { name: /send invitation/i }).click();
    await expect.poll(() => p.getByText('therapist@quietroom.test').first().isVisible()).toBe(true);
    await expectNoAxeViolations(p);

    const invited = await browser.newContext({ viewport: TABLET });
    invited.setDefaultTimeout(20_000);
    const q = await invited.newPage();
    const link = await linkFromMailbox(q, 'therapist@quietroom.test', 'invite');
    await q.goto(link);
    await q.getByLabel('Password').waitFor();
    await expectNoAxeViolations(q);
    await q.getByLabel('Password').fill('a colleague long password');
    await q.getByRole('button', { name: /join|accept|create/i }).click();
    await q.waitForURL(/\/clients$/);
    await expect.poll(() => q.getByText('Quiet Room Massage').first().isVisible()).toBe(true);

    const team = await (await p.request.get(`${server.url}/api/v1/members`)).json();
    expect(team.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
      'owner@quietroom.test:owner',
      'therapist@quietroom.test:therapist',
    ]);
    await owner.close();
    await invited.close();
  });
});
