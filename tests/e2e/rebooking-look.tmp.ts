import { DateTime } from 'luxon';
import { launchBrowser, startServer, TABLET } from '../helpers/browser.js';

const ZONE = 'America/New_York';
const server = await startServer();
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: TABLET });
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
const signup = await page.request.post(`${server.url}/api/v1/auth/signup`, {
  data: { practiceName: 'Willow', name: 'Robin Hale', email: 'r@w.test', password: 'a calm long password' },
});
const csrf = (await signup.json()).csrfToken;
const w = (p: string, d: unknown, m: 'post' | 'patch' = 'post') =>
  page.request[m](`${server.url}${p}`, { data: d, headers: { 'x-csrf-token': csrf } });
await w('/api/v1/practice', { timezone: ZONE }, 'patch');
const names = ['Maya Lopez', 'Sam Okafor', 'Ana Silva', 'Ben Ortiz', 'Cleo Park'];
const ids: string[] = [];
for (const n of names) {
  const [f, l] = n.split(' ');
  ids.push((await (await w('/api/v1/clients', { firstName: f, lastName: l, email: `${f}@x.test` })).json()).id);
}
const monday = DateTime.now().setZone(ZONE).startOf('week');
const book = (i: number, d: number, t: string, dur = 60) =>
  w(`/api/v1/clients/${ids[i]}/appointments`, {
    startsAt: monday
      .plus({ days: d })
      .set({ hour: +t.slice(0, 2), minute: +t.slice(3) })
      .toISO(),
    durationMinutes: dur,
    confirmOverlap: true,
  });
await book(0, 0, '09:00');
await book(1, 0, '09:30', 90);
await book(2, 1, '13:00', 30);
await book(3, 2, '16:15', 75);
await book(4, 4, '10:00');
await book(0, 5, '11:00', 45);
const { code } = await (await page.request.get(`${server.url}/api/v1/clients/${ids[0]}/referral`)).json();
await fetch(`${server.url}/api/v1/referrals/${code}/booking-requests`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    name: 'Priya Shah',
    email: 'p@x.test',
    preferredTimes: [monday.plus({ days: 9, hours: 14 }).toISO(), monday.plus({ days: 10, hours: 9 }).toISO()],
    message: 'Maya said to come!',
  }),
});
await page.goto(`${server.url}/calendar`);
await page
  .getByRole('button', { name: /Maya Lopez/ })
  .first()
  .waitFor();
await page.screenshot({ path: '/tmp/look-rebook/week.png', fullPage: true });
await page.getByRole('button', { name: /Sam Okafor/ }).click();
await page.screenshot({ path: '/tmp/look-rebook/dialog.png' });
await page.keyboard.press('Escape');
await page.goto(`${server.url}/calendar?view=day&date=${monday.toISODate()}`);
await page
  .getByRole('button', { name: /Maya Lopez/ })
  .first()
  .waitFor();
await page.screenshot({ path: '/tmp/look-rebook/day.png', fullPage: true });
await page.goto(`${server.url}/calendar?tab=requests`);
await page.getByRole('heading', { name: 'Priya Shah' }).waitFor();
await page.screenshot({ path: '/tmp/look-rebook/requests.png', fullPage: true });
await page.getByRole('button', { name: 'New appointment' }).click();
await page.getByRole('searchbox', { name: 'Client' }).fill('a');
await page.waitForTimeout(600);
await page.screenshot({ path: '/tmp/look-rebook/new.png' });
await page.keyboard.press('Escape');
await w(`/api/v1/clients/${ids[0]}/goals`, {
  statement: 'Get through a work day without a headache',
  unit: 'headaches per week',
  baseline: 4,
  target: 1,
  targetDate: '2027-03-31',
});
const goals = (await (await page.request.get(`${server.url}/api/v1/clients/${ids[0]}/goals`)).json()).goals;
for (const v of [3, 3, 2]) await w(`/api/v1/goals/${goals[0].id}/progress`, { value: v });
await page.goto(`${server.url}/clients/${ids[0]}`);
await page
  .getByText('Only', { exact: false })
  .first()
  .waitFor({ timeout: 3000 })
  .catch(() => {});
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/look-rebook/client.png', fullPage: true });
await page.goto(`${server.url}/settings`);
await page.getByRole('button', { name: 'Make my calendar address' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/look-rebook/settings.png', fullPage: true });
const link = await (await w(`/api/v1/clients/${ids[1]}/link`, {})).json();
await fetch(`${server.url}/api/v1/portal/${link.url.split('/c/')[1]}/questions`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: 'Is it OK to roll my calves every day?' }),
});
await page.goto(`${server.url}/calendar?tab=requests`);
await page.getByRole('button', { name: /^Confirm Wed/ }).click();
await page.getByText(/^Booked Priya/).waitFor();
await page.goto(`${server.url}/questions`);
await page.getByText('Is it OK').waitFor();
await page.screenshot({ path: '/tmp/look-rebook/questions.png', fullPage: true });
await page.goto(`${server.url}/referrals`);
await page.getByRole('table').waitFor();
await page.screenshot({ path: '/tmp/look-rebook/referrals.png', fullPage: true });
const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
const pp = await phone.newPage();
await pp.request.post(`${server.url}/api/v1/auth/login`, { data: { email: 'r@w.test', password: 'a calm long password' } });
await pp.goto(`${server.url}/calendar`);
await pp
  .getByRole('button', { name: /Maya Lopez/ })
  .first()
  .waitFor();
await pp.screenshot({ path: '/tmp/look-rebook/phone.png', fullPage: true });
console.log(
  await pp.evaluate(() => {
    const out: string[] = [String(document.documentElement.scrollWidth), String(document.querySelector('.cal-scroll')?.scrollWidth)];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > 391 && (!el.closest('.cal-scroll') || el.classList.contains('cal-scroll') || el.classList.contains('visually-hidden')))
        out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
    }
    return out.slice(0, 20).join('\n');
  }),
);
for (const [sel, prop, val] of [['.cal-scroll', 'position', 'relative']]) {
  const w2 = await pp.evaluate(
    ([sel, prop, val]) => {
      for (const el of document.querySelectorAll<HTMLElement>(sel)) el.style.setProperty(prop, val);
      return document.documentElement.scrollWidth;
    },
    [sel, prop, val],
  );
  console.log(sel, prop, val, w2);
}
await browser.close();
await server.close();
