// The watch every browser test relies on (browser-setup.ts): an error a page logs or throws is
// caught on any page of any context the browser opens, and a test lets through only what it expects.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleErrors, launchBrowser, unexpectedConsoleErrors } from '../helpers/browser.js';

describe('the console watch on every page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('catches an error logged and an error thrown, on pages of new contexts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const other = await browser.newPage();
    const logged = page.waitForEvent('console', (m) => m.text() === 'a page logged this');
    const thrown = other.waitForEvent('pageerror');
    await page.evaluate(() => console.error('a page logged this'));
    await other.evaluate(() =>
      setTimeout(() => {
        throw new Error('a page threw this');
      }),
    );
    await Promise.all([logged, thrown]);
    expect(unexpectedConsoleErrors()).toEqual([
      expect.stringMatching(/^a page logged this \(on about:blank\)$/),
      expect.stringMatching(/^a page threw this \(on about:blank\)$/),
    ]);
    await context.close();
    await other.close();
  });

  it('lets through the errors a test allows, and only those, for that test only', async () => {
    const page = await browser.newPage();
    allowConsoleErrors(/expected trouble/);
    const last = page.waitForEvent('console', (m) => m.text() === 'other trouble');
    await page.evaluate(() => {
      console.error('expected trouble');
      console.error('other trouble');
    });
    await last;
    expect(unexpectedConsoleErrors()).toEqual([expect.stringMatching(/^other trouble/)]);
    // The allowance ended with the check: the same error now counts.
    const again = page.waitForEvent('console');
    await page.evaluate(() => console.error('expected trouble'));
    await again;
    expect(unexpectedConsoleErrors()).toEqual([expect.stringMatching(/^expected trouble/)]);
    await page.close();
  });
});
