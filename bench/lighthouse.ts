// Lighthouse (mobile) on the client's page of the demo practice: performance, accessibility and
// the bytes of the first load. Lighthouse is pinned at 12.2 (13 needs Node 22).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_LOGIN, startDemoServer } from '../scripts/demo-server.js';

export async function lighthouseClientPage() {
  const server = await startDemoServer();
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_LOGIN),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { cookie, 'x-csrf-token': (await login.json()).csrfToken };
    const { clients } = await (await fetch(`${server.url}/api/v1/clients?q=maya`, { headers })).json();
    const link = await (await fetch(`${server.url}/api/v1/clients/${clients[0].id}/link`, { method: 'POST', headers })).json();
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const result = await lighthouse(link.url, {
        port: chrome.port,
        output: 'json',
        onlyCategories: ['performance', 'accessibility'],
        formFactor: 'mobile',
        logLevel: 'error',
      });
      const lhr = result!.lhr;
      return {
        url: '/c/<token> (demo client)',
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        transferKb: Math.round(((lhr.audits['total-byte-weight'].numericValue ?? 0) / 1024) * 10) / 10,
        firstContentfulPaintMs: Math.round(lhr.audits['first-contentful-paint'].numericValue ?? 0),
        largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
        lighthouse: lhr.lighthouseVersion,
      };
    } finally {
      await chrome.kill();
    }
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await lighthouseClientPage());
  process.exit(0);
}
