// The owner deactivates a therapist who left, from Settings → Team, on a phone: the therapist's
// session ends at once and their client moves to the member the owner picked. axe checks the dialog.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, signUpOverHttp, startServer } from '../helpers/browser.js';

const PHONE_390 = { width: 390, height: 844 };

describe('deactivating a team member in the browser', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let owner: BrowserContext;
  let therapist: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await browser.newContext({ viewport: PHONE_390 });
    therapist = await browser.newContext({ viewport: PHONE_390 });
    owner.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs the therapist out at once and hands their client to the member chosen', async () => {
    const { csrf: ownerCsrf } = await signUpOverHttp(
      server.url,
      { practiceName: 'Harbour Massage', name: 'Owner Harbour', email: 'owner@harbour.test', password: 'a long enough password' },
      { into: owner },
    );
    await owner.request.post(`${server.url}/api/v1/invitations`, {
      data: { email: 'leaving@harbour.test', name: 'Leaving Therapist' },
      headers: { 'x-csrf-token': ownerCsrf },
    });
    const mail = await server.database.db
      .selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', 'leaving@harbour.test')
      .executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
    const joined = await therapist.request.post(`${server.url}/api/v1/invitations/accept`, {
      data: { token, name: 'Leaving Therapist', password: 'therapist password' },
    });
    const therapistCsrf = (await joined.json()).csrfToken as string;
    const client = await therapist.request.post(`${server.url}/api/v1/clients`, {
      data: { firstName: 'Morgan', lastName: 'Harbour' },
      headers: { 'x-csrf-token': therapistCsrf },
    });
    const clientId = (await client.json()).id as string;
    expect((await therapist.request.get(`${server.url}/api/v1/me`)).status()).toBe(200);

    const page = await owner.newPage();
    await page.goto(`${server.url}/settings`);
    await page.getByRole('button', { name: 'Deactivate Leaving Therapist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Leaving Therapist?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Who takes over their clients?').inputValue()).not.toBe('');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Deactivate Leaving Therapist' }).click();
    await expect.poll(() => page.getByText(/Leaving Therapist is deactivated/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Deactivated', { exact: true }).isVisible()).toBe(true);

    expect((await therapist.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
    const moved = await owner.request.get(`${server.url}/api/v1/clients/${clientId}`);
    const ownerId = (await (await owner.request.get(`${server.url}/api/v1/me`)).json()).member.id;
    expect((await moved.json()).therapistId).toBe(ownerId);
  });
});
