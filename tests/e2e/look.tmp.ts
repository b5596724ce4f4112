import { launchBrowser, PHONE, startServer } from '../helpers/browser.js';
const server = await startServer();
const browser = await launchBrowser();
const room = await browser.newContext();
const t = room.request;
const s = await t.post(`${server.url}/api/v1/auth/signup`, {
  data: { practiceName: 'Willow Table Massage', name: 'Tess', email: 'tess@willow.test', password: 'a calm long password' },
});
const csrf = (await s.json()).csrfToken;
const write = async (url: string, data: unknown = {}) =>
  (await t.post(`${server.url}${url}`, { data, headers: { 'x-csrf-token': csrf } })).json();
const client = await write('/api/v1/clients', {
  firstName: 'Nia',
  lastName: 'O',
  email: 'nia@example.com',
  intake: { complaints: ['headaches'], tools: [], goals: 'A work day without a headache' },
});
const visit = await write(`/api/v1/clients/${client.id}/sessions`, { date: '2026-03-02', areasWorked: [{ region: 'neck-back' }] });
for (const exerciseId of (process.env.ITEMS ?? 'suboccipital-ball-release,chin-tucks').split(','))
  console.log(
    JSON.stringify(
      await write(`/api/v1/sessions/${visit.id}/homework`, {
        exerciseId,
        note: 'Go gently the first week — it should feel like a good ache.',
      }),
    ).slice(0, 200),
  );
const { url } = await write(`/api/v1/clients/${client.id}/link`);
const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url, { waitUntil: 'networkidle' });
if (process.env.ARIA) console.log(await page.locator('body').ariaSnapshot());
await page.screenshot({ path: '/tmp/look/phone.png', fullPage: true });
for (let i = 0; i < 4; i++)
  await page.screenshot({ path: `/tmp/look/part${i}.png`, fullPage: true, clip: { x: 0, y: i * 740, width: 375, height: 740 } });
if (process.env.TICK) {
  await page
    .getByRole('button', { name: /^Done today/ })
    .first()
    .click();
  await page.waitForTimeout(500);
  await page.getByRole('radio', { name: 'Better' }).check();
  await page.waitForTimeout(300);
  await page.locator('.tap').first().screenshot({ path: '/tmp/look/tap.png' });
  await page.locator('.feel').first().screenshot({ path: '/tmp/look/ticked.png' });
  await page.locator('.days').first().screenshot({ path: '/tmp/look/days.png' });
}
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: '/tmp/look/print.png', fullPage: true });
await browser.close();
await server.close();
