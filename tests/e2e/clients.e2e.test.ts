// A therapist on a tablet adds a client with an intake and records a session on the body map;
// a client fills in the intake form on a phone from a link, signed in nowhere; a CSV with one
// bad row is imported. axe checks every page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowConsoleErrors,
  expectNoAxeViolations,
  launchBrowser,
  PHONE,
  signUpOverHttp,
  startServer,
  TABLET,
} from '../helpers/browser.js';

describe('clients in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: TABLET });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    ({ csrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Willow Table Massage', name: 'Robin Hale', email: 'robin@willow.test', password: 'a calm long password' },
      { into: context },
    ));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a client with an intake, records a session on the body map and sees it on the timeline', async () => {
    await page.goto(`${server.url}/clients`);
    await page.getByRole('heading', { name: 'No clients yet' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Add a client' }).first().click();
    await page.waitForURL(/\/clients\/new$/);
    await page.getByLabel('First name').fill('Maya');
    await page.getByLabel('Last name').fill('Lopez');
    await page.getByRole('textbox', { name: /^Email/ }).fill('maya@example.com');
    await page.getByRole('checkbox', { name: 'Headaches' }).check();
    await page.getByRole('checkbox', { name: 'Neck pain' }).check();
    await page.getByLabel('Goals').fill('Get through a work day without a headache');
    await page.getByRole('checkbox', { name: 'Desk work' }).check();
    await page.getByRole('checkbox', { name: 'Tennis ball' }).check();
    await page.getByRole('radio', { name: 'Web search' }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Maya Lopez' }).waitFor();
    await expect.poll(() => page.getByText('Maya is added.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Added to Carryover').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Record a session' }).click();
    await page.waitForURL(/\/sessions\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Session for Maya Lopez' }).waitFor();
    // Today's focus starts from the intake complaints.
    expect(await page.getByRole('checkbox', { name: 'Headaches' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Low back pain' }).isChecked()).toBe(false);
    await page
      .getByRole('button', { name: /^Top of shoulders, left/ })
      .first()
      .click();
    await page.getByRole('radio', { name: 'Needed more time' }).check();
    await page.getByRole('button', { name: /^Back of neck/ }).click();
    const moreTime = page.getByRole('region', { name: 'Needed more time' });
    await expect.poll(() => moreTime.getByText('Back of neck', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add a finding' }).click();
    await page.getByLabel('Muscle').fill('sub-occipitals');
    await page.getByLabel('Notes').fill('Tender on the left side; try a longer hold next time.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save session' }).click();

    // Saving goes straight on to the homework step; the client page is one tap back.
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}\/homework\?client=[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Session saved.').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Back to Maya' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.getByText('Needed more time').first().isVisible()).toBe(true);
    expect(await timeline.textContent()).toMatch(/Back of neck/);
    expect(await timeline.textContent()).toMatch(/Trigger point in sub-occipitals/);
    await expectNoAxeViolations(page);

    const clientId = page.url().split('/').pop();
    const sessions = await (await page.request.get(`${server.url}/api/v1/clients/${clientId}/sessions`)).json();
    expect(sessions.sessions[0].areasNeedingMoreTime).toEqual([{ region: 'neck-back' }]);
    expect(sessions.sessions[0].areasWorked).toEqual([{ region: 'upper-traps', side: 'left' }]);
    expect(sessions.sessions[0].focusComplaints).toEqual(['headaches', 'neck-pain']);

    // Back on the list: found by what the therapist types, with the last session date.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByLabel('Find a client').fill('maya@exa');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /match/ }).textContent()).toMatch(/1 client matches/);
    expect(await page.getByRole('link', { name: /Maya Lopez/ }).textContent()).toMatch(/Last session/);
    await expectNoAxeViolations(page);
  });

  it('lets a client fill in the intake form on a phone, signed in nowhere', async () => {
    // The used link is answered 404, which the page shows as "already been used".
    allowConsoleErrors(/status of 404/);
    const created = await page.request.post(`${server.url}/api/v1/clients`, {
      headers: { 'x-csrf-token': csrf },
      data: { firstName: 'Sam', lastName: 'Reyes', email: 'sam@example.com' },
    });
    expect(created.status()).toBe(201);
    const client = await created.json();
    const linkRes = await page.request.post(`${server.url}/api/v1/clients/${client.id}/intake-link`, {
      headers: { 'x-csrf-token': csrf },
      data: { send: false },
    });
    const { url } = await linkRes.json();

    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(20_000);
    const p = await phone.newPage();
    const asked: string[] = [];
    p.on('request', (r) => asked.push(new URL(r.url()).pathname));

    await p.goto(url);
    await p.getByRole('heading', { level: 1, name: 'Hi Sam!' }).waitFor();
    await p.getByText('Willow Table Massage').first().waitFor();
    await expectNoAxeViolations(p);
    await p.getByRole('checkbox', { name: 'Sore neck' }).tap();
    await p.getByRole('checkbox', { name: 'Tight calves' }).tap();
    await p.getByLabel('Tell us more').fill('Mostly after long days at the laptop.');
    await p.getByRole('checkbox', { name: 'I run' }).tap();
    await p.getByRole('checkbox', { name: 'Tennis ball' }).tap();
    expect(await p.getByRole('checkbox', { name: 'A doorway' }).isChecked()).toBe(true);
    await p.getByRole('checkbox', { name: 'A doorway' }).tap();
    await p.getByRole('radio', { name: 'A friend or family member' }).tap();
    await p.getByLabel('Yes, email me reminders to do my exercises.').check();
    await p.getByRole('button', { name: 'Send to Willow Table Massage' }).tap();
    await p.getByRole('heading', { level: 1, name: 'Thank you, Sam!' }).waitFor();
    await expectNoAxeViolations(p);

    const after = await (await page.request.get(`${server.url}/api/v1/clients/${client.id}`)).json();
    expect(after.intake.complaints).toEqual(['neck-pain', 'tight-calves']);
    expect(after.intake.lifestyle).toEqual(['runner']);
    expect(after.intake.tools).toEqual(['tennis-ball']);
    expect(after.intake.lacksTools).toEqual(['doorway']);
    expect(after.intake.referralSource).toBe('client-referral');
    expect(after.consentToEmail).toBe(true);
    expect(after.intakeCompletedAt).toBeTruthy();

    // The link works once; afterwards a friendly page says so.
    await p.goto(url);
    await p.getByRole('heading', { level: 1, name: /already been used/ }).waitFor();
    await expectNoAxeViolations(p);

    expect(asked.filter((path) => path === '/api/v1/me')).toEqual([]);
    await phone.close();
  });

  it('imports a CSV with one bad row and shows which row and why', async () => {
    await page.goto(`${server.url}/clients/import`);
    await page.getByRole('heading', { level: 1, name: 'Import clients' }).waitFor();
    await expectNoAxeViolations(page);

    // A refusal (answered 400, which Chromium logs) shows its one message.
    allowConsoleErrors(/status of 400/);
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/The file is empty/);

    const csv = [
      'Client name,E-mail,Mobile',
      'Ana Silva,ana@example.com,+1 555 123 4567',
      'Ben Okafor,not-an-email,',
      'Cleo Park,,555 987 6543',
    ].join('\n');
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: '2. Check the columns' }).waitFor();
    expect(await page.getByLabel('Full name (first and last in one column)').inputValue()).toBe('Client name');
    // The therapist says which column holds the email; the preview follows.
    await page.getByRole('combobox', { name: /^Email/ }).selectOption('E-mail');
    expect(await page.getByRole('table').textContent()).toMatch(/Cleo.*Park/);
    expect(await page.getByRole('table').textContent()).toMatch(/ana@example\.com/);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('heading', { name: 'Rows not imported' }).waitFor();
    const errors = page.getByRole('table', { name: /with the reason/ });
    expect(await errors.getByRole('row').nth(1).textContent()).toMatch(/^3.*not-an-email.*not an email address/);
    await page.getByText('2 added, 0 updated, 0 unchanged, 1 not imported').waitFor();
    expect(await page.getByRole('link', { name: 'Download errors as CSV' }).getAttribute('href')).toMatch(/^blob:/);
    await expectNoAxeViolations(page);

    const list = await (await page.request.get(`${server.url}/api/v1/clients?q=park`)).json();
    expect(list.clients.map((c: { firstName: string }) => c.firstName)).toEqual(['Cleo']);
  });

  it('archives a client, then deletes them after typing their name; the owner reads the audit log', async () => {
    const created = await page.request.post(`${server.url}/api/v1/clients`, {
      headers: { 'x-csrf-token': csrf },
      data: { firstName: 'Dana', lastName: 'Moss' },
    });
    const client = await created.json();
    await page.goto(`${server.url}/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dana Moss' }).waitFor();
    // A form error sits beside its field: no first name.
    await page.getByRole('link', { name: 'Edit details and intake' }).click();
    await page.getByLabel('First name').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Enter the first name').isVisible()).toBe(true);
    expect(await page.getByLabel('First name').evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => page.getByText(/Dana is archived/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Delete client…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Dana Moss?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Delete for good' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    await dialog.getByLabel(/Type .Dana Moss. to confirm/).fill('dana moss');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/\/clients$/);
    await expect.poll(() => page.getByText('Dana Moss and everything of theirs is deleted.').isVisible()).toBe(true);
    expect((await page.request.get(`${server.url}/api/v1/clients/${client.id}`)).status()).toBe(404);

    await page.getByRole('link', { name: /Audit log/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Deleted a client' }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
