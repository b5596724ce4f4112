import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKING_FEED, type FeedServer, startFeedServer } from './feed.fixtures.js';
import { FeedError } from './feed-error.js';
import { type FetchRules, feedUrl, fetchFeed } from './fetch-feed.js';

const devRules: FetchRules = { production: false, selfHosts: ['carryover.test:80', 'localhost:3000'], selfPort: 3000 };
const prodRules: FetchRules = { ...devRules, production: true };

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof FeedError) return err.problem;
    throw err;
  }
  return 'none';
}

describe('fetching a calendar address', () => {
  let feed: FeedServer;
  beforeAll(async () => {
    feed = await startFeedServer();
  });
  afterAll(() => feed.close());

  it('reads a calendar on this machine outside production, following a redirect', async () => {
    feed.serve({ body: BOOKING_FEED('x@example.com') });
    expect(await fetchFeed(feed.url(), devRules)).toContain('BEGIN:VCALENDAR');
    expect(await fetchFeed(feed.url('/redirect'), devRules)).toContain('END:VCALENDAR');
    expect(feedUrl('webcal://calendar.example.com/private/abc.ics').toString()).toBe('https://calendar.example.com/private/abc.ics');
  });

  it('refuses what is not a web address, and Carryover’s own address, before connecting', async () => {
    const before = feed.requests;
    expect(await problemOf(fetchFeed('ftp://example.com/cal.ics', devRules))).toBe('bad-address');
    expect(await problemOf(fetchFeed('file:///etc/passwd', devRules))).toBe('bad-address');
    expect(await problemOf(fetchFeed('javascript:alert(1)', devRules))).toBe('bad-address');
    expect(await problemOf(fetchFeed('not an address', devRules))).toBe('bad-address');
    expect(await problemOf(fetchFeed('http://carryover.test/api/v1/calendar.ics', devRules))).toBe('refused-address');
    expect(await problemOf(fetchFeed('http://LOCALHOST:3000/feed', devRules))).toBe('refused-address');
    expect(await problemOf(fetchFeed('http://127.0.0.2:3000/feed', devRules))).toBe('refused-address');
    expect(feed.requests).toBe(before);
  });

  it('in production refuses loopback, private and link-local addresses, also when a name resolves to one or an address is written another way', async () => {
    const before = feed.requests;
    for (const url of [
      feed.url(),
      feed.url().replace('127.0.0.1', 'localhost'),
      'http://10.1.2.3/cal.ics',
      'http://192.168.1.10/cal.ics',
      'http://172.20.0.5/cal.ics',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/cal.ics',
      'http://[::ffff:127.0.0.1]/cal.ics',
      'http://[fd00::1]/cal.ics',
      'http://0.0.0.0/cal.ics',
      'http://2130706433/cal.ics', // 127.0.0.1 written as one number
    ]) {
      expect(await problemOf(fetchFeed(url, prodRules)), url).toBe('refused-address');
    }
    expect(feed.requests).toBe(before);
  });

  it('gives up on a calendar that does not answer, one that is too large, and an error status', async () => {
    feed.serve({ hang: true });
    const started = Date.now();
    expect(await problemOf(fetchFeed(feed.url(), { ...devRules, timeoutMs: 300 }))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    feed.serve({ body: `BEGIN:VCALENDAR\r\n${'X-FILL:0123456789\r\n'.repeat(40_000)}END:VCALENDAR\r\n` });
    expect(await problemOf(fetchFeed(feed.url(), { ...devRules, maxBytes: 100_000 }))).toBe('too-large');
    feed.serve({ status: 404, body: 'nope' });
    expect(await problemOf(fetchFeed(feed.url(), devRules))).toBe('http-status');
    feed.serve({ status: 500, body: 'down' });
    expect(await problemOf(fetchFeed(feed.url(), devRules))).toBe('http-status');
  });
});
