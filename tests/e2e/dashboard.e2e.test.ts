// The practice dashboard as the demo owner sees it: figures with their counts and definitions,
// the homework comparison, the month-by-month charts with their table, CSV downloads, the
// period in the address, an empty period, and a period that ends before it starts.
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/server/clock.js';
import { DEMO_LOGIN, seedDemoIfEmpty } from '../../src/server/seed/demo.js';
import { seedDemoClients } from '../../src/server/seed/demo-clients.js';
import { allowConsoleErrors, expectNoAxeViolations, launchBrowser, startServer, TABLET } from '../helpers/browser.js';

describe('the practice dashboard in the browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    await seedDemoIfEmpty(server.database.db, systemClock);
    await seedDemoClients(server.app.http, server.database.db, systemClock, DEMO_LOGIN, 'America/New_York');
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: TABLET, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    // Signed in as the demo owner over HTTP: the context keeps the session cookie.
    const login = await context.request.post(`${server.url}/api/v1/auth/login`, { data: DEMO_LOGIN });
    expect(login.status()).toBe(200);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The card of one figure, found by its heading. */
  const figure = (title: string): Locator =>
    page.locator('.dash-figure').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

  it('shows the figures with their counts, a definition one tap away, and the comparison', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { name: 'Does homework keep clients coming back?' }).waitFor();

    const sessions = Number(await figure('Sessions').locator('.dash-figure__value').textContent());
    expect(sessions).toBeGreaterThan(0);
    expect(await figure('Clients seen').locator('.dash-figure__value').textContent()).toMatch(/^\d+$/);
    expect(await figure('Homework coverage').locator('.dash-figure__value').textContent()).toMatch(/^\d+%$/);
    expect(await figure('Homework coverage').textContent()).toContain(`of ${sessions} sessions ended with homework`);
    expect(await figure('Rebooked before leaving').textContent()).toMatch(/\d+ of \d+ sessions/);
    expect(await figure('How it felt').textContent()).toMatch(/Better\s*\d+/);

    const toggle = figure('Homework coverage').getByRole('button', { name: /what is this/i });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() =>
        figure('Homework coverage')
          .getByText(/The goal is every client, every session/)
          .isVisible(),
      )
      .toBe(true);

    const comparison = page.getByRole('table', { name: /by homework group/ });
    for (const group of ['Do their homework', 'Don’t do it', 'Given none'])
      expect(await comparison.getByRole('columnheader', { name: new RegExp(group) }).count()).toBe(1);
    expect(await comparison.getByRole('row', { name: /^Clients/ }).textContent()).toMatch(/\d/);
    await expectNoAxeViolations(page);
  });

  it('draws the months as charts with a table to read them from, and downloads it as CSV', async () => {
    const chart = page.getByRole('img', { name: /Sessions per month/ });
    expect(await chart.count()).toBe(1);
    expect(await page.getByRole('img', { name: /Coverage, homework done and rebooking/ }).count()).toBe(1);

    const showTable = page.getByRole('button', { name: 'Show the numbers as a table' });
    expect(await showTable.getAttribute('aria-expanded')).toBe('false');
    await showTable.click();
    const months = page.getByRole('table', { name: 'Month by month' });
    await months.waitFor();
    expect(await months.getByRole('row').count()).toBe(13);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV of the months/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^carryover-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-by-month\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Month,Sessions,Homework coverage (%),Homework done (%),Rebooked before leaving (%)');
    expect(lines).toHaveLength(13);
  });

  it('keeps the period in the address', async () => {
    await page.getByRole('radio', { name: 'Last 12 months' }).click();
    await page.waitForURL(/[?&]period=last-12-months/);
    await expect.poll(() => page.locator('.dashboard__showing').textContent()).toMatch(/the whole practice/);
    await page.reload();
    expect(await page.getByRole('radio', { name: 'Last 12 months' }).isChecked()).toBe(true);
  });

  it('shows zeros and says why when the period has no sessions', async () => {
    await page.getByRole('radio', { name: 'Custom' }).click();
    await page.waitForURL(/[?&]period=custom/);
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await page.waitForURL(/from=2020-01-01&to=2020-01-31/);
    await page.getByText('No sessions in this period yet.').waitFor();
    await page.getByText(/Figures appear once you record sessions/).waitFor();
    expect(await figure('Sessions').locator('.dash-figure__value').textContent()).toBe('0');
    expect(await figure('Clients seen').locator('.dash-figure__value').textContent()).toBe('0');
    expect(await figure('Homework coverage').locator('.dash-figure__value').textContent()).toBe('—');
    expect(await figure('Homework coverage').textContent()).toContain('No sessions in this period to count.');
    expect(await page.locator('body').textContent()).not.toMatch(/NaN|undefined/);
    await expectNoAxeViolations(page);
  });

  it('shows a period that ends before it starts as an error next to the start date', async () => {
    // The summary answers 400 for such a period; the page shows why beside the date.
    allowConsoleErrors(/status of 400/);
    await page.getByLabel('From', { exact: true }).fill('2020-03-10');
    await page.getByLabel('To', { exact: true }).fill('2020-03-01');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    const from = page.getByLabel('From', { exact: true });
    await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await from.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
    expect(message).toMatch(/start of the period must be on or before its end/);
    expect(await page.getByRole('alert').first().textContent()).toMatch(/cannot be counted/);
    await expectNoAxeViolations(page);
  });
});
