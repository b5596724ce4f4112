// Two-step sign-in as a therapist meets it: turn it on in Settings by scanning (here: reading) the
// key, keep the recovery codes, then sign in with a code from the app and, once, with a recovery code.
// Codes are made in the test from the key the page shows, as an authenticator app would.
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, PHONE, startServer } from '../helpers/browser.js';

const EMAIL = 'owner@steadyhands.test';
const PASSWORD = 'a steady long password';
// Signed in: on Today, the therapist's home screen since it came (or the page that asked them to sign in).
const SIGNED_IN = /\/(today|clients|settings)$/;

describe('two-step sign-in in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: PHONE });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
  const appCode = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

  async function signIn(code?: string) {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    if (code === undefined) return;
    const codeField = page.getByLabel('Code from your authenticator app');
    await codeField.waitFor();
    await expectNoAxeViolations(page);
    await codeField.fill(code);
    await page.getByRole('button', { name: /sign in/i }).click();
  }

  async function signOut() {
    // On a phone, signing out sits under "More" in the bottom bar.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/signin$/);
  }

  it('turns it on in Settings, then asks for a code at every sign-in', async () => {
    // Browsers log every 401 (signed out, a wrong code) and 400 answer; anything else is a fault.
    allowConsoleErrors(/status of 40[01]/);
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Practice name').fill('Steady Hands');
    await page.getByLabel('Your name').fill('Owner One');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /create|sign up/i }).click();
    await page.waitForURL(/\/clients$/);

    await page.goto(`${server.url}/settings`);
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectNoAxeViolations(page);
    const secret = (await page.getByTestId('two-factor-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code is named beside the field; the right one turns it on.
    await page.getByLabel('Code from your app').fill(appCode(secret) === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: /check the code/i }).click();
    await expect
      .poll(() =>
        page
          .getByText(/that code is not right/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Code from your app').fill(appCode(secret));
    await page.getByRole('button', { name: /check the code/i }).click();

    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => page.getByText('Two-step sign-in is on for your account.').isVisible()).toBe(true);
    await signOut();

    // Password alone is not enough: the page asks for the code.
    await signIn(recoveryCodes[0]);
    await page.waitForURL(SIGNED_IN);
    await signOut();

    // A recovery code works once.
    await signIn(recoveryCodes[0]);
    await expect
      .poll(() =>
        page
          .getByText(/that code is not right/i)
          .first()
          .isVisible(),
      )
      .toBe(true);

    // The app's next code (a step later than the one that turned it on) signs in.
    await page.getByLabel('Code from your authenticator app').fill(appCode(secret, 1));
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(SIGNED_IN);
  });
});
