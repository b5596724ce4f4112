// The tap counter other browser tests hold their workflows to: it must count what a finger does
// through any locator made from the page, and nothing else.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from '../helpers/browser.js';
import { countTaps } from '../helpers/taps.js';

describe('counting taps', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts clicks, checks, choices and fields through locators, not keys or waits', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
    context.setDefaultTimeout(5_000);
    const taps = countTaps(await context.newPage());
    const { page } = taps;
    await page.setContent(`<main>
      <section aria-label="Items"><article aria-label="Ball"><button>Keep</button></article><article aria-label="Roll"><h2>Roll</h2><button>Keep</button></article></section>
      <label><input type="checkbox"> Demonstrated</label>
      <label>Dose <select><option>5</option><option>8</option></select></label>
      <label>Cue <input></label>
      <output aria-label="clicks">0</output>
      <script>let n = 0; document.addEventListener('pointerdown', () => { document.querySelector('output').textContent = String(++n); });</script>
    </main>`);

    await page.getByRole('button', { name: 'Keep' }).first().click();
    await page
      .getByRole('article')
      .filter({ has: page.getByText('Roll') })
      .getByRole('button')
      .click();
    await page.getByRole('checkbox', { name: 'Demonstrated' }).check();
    await page.getByLabel('Dose').selectOption('8');
    await page.getByLabel('Cue').fill('Slowly.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Keep' }).last().waitFor();

    expect(taps.count).toBe(5);
    expect(taps.log[0]).toMatch(/^click .*Keep/);
    // The three pointer taps the page itself saw match the three clicks and checks counted.
    expect(await page.getByLabel('clicks').textContent()).toBe('3');
    await page.mouse.click(5, 5);
    expect(taps.count).toBe(6);
    taps.reset();
    expect(taps.count).toBe(0);
    await context.close();
  });
});
