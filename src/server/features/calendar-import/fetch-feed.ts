import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { FeedError } from './feed-error.js';

export interface FetchRules {
  /** In production nothing on a private, loopback or link-local network may be fetched. */
  production: boolean;
  /** host:port pairs that are Carryover itself (its public address and where it listens). */
  selfHosts: string[];
  /** Its own listening port: a loopback address on that port is this server too. */
  selfPort: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export const FEED_MAX_BYTES = 5 * 1024 * 1024;
const FEED_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

// Addresses no calendar on the internet lives at: this machine, private networks, link-local
// (cloud metadata), carrier-grade NAT, multicast and reserved ranges.
const notOnTheInternet = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  notOnTheInternet.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  notOnTheInternet.addSubnet(net, bits, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addSubnet('0.0.0.0', 32, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addAddress('::', 'ipv6');

/** An IPv6 address that only wraps an IPv4 one (::ffff:10.0.0.1) is judged as that IPv4 address. */
function plain(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Whether an address may be fetched under these rules; the reason when not. */
function refusal(address: string, port: number, rules: FetchRules): string | null {
  const a = plain(address);
  if (LOOPBACK.check(a.address, a.family) && port === rules.selfPort)
    return 'That is Carryover’s own address. Paste your booking calendar’s iCal address instead.';
  if (rules.production && notOnTheInternet.check(a.address, a.family))
    return 'Carryover only reads calendars on the internet, not addresses on a private or local network.';
  return null;
}

/** Reads what a therapist pasted: webcal:// is the same address over https. */
export function feedUrl(input: string): URL {
  const trimmed = input.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new FeedError('bad-address', 'That is not a web address. Paste the whole iCal address, starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FeedError('bad-address', 'Use an address starting with https:// (or webcal://).');
  return url;
}

const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));
const hostKey = (url: URL) => `${url.hostname.replace(/^\[|\]$/g, '').toLowerCase()}:${portOf(url)}`;

function checkBeforeConnecting(url: URL, rules: FetchRules) {
  if (rules.selfHosts.includes(hostKey(url)))
    throw new FeedError('refused-address', 'That is Carryover’s own address. Paste your booking calendar’s iCal address instead.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address typed as numbers is never looked up, so it is judged here.
  if (isIP(host)) {
    const why = refusal(host, portOf(url), rules);
    if (why) throw new FeedError('refused-address', why);
  }
}

/**
 * Looks the name up and judges the address actually connected to, so a name that resolves to a
 * private address (or changes its answer between a check and the connection) is still refused.
 */
function guardedLookup(rules: FetchRules, port: number) {
  return (hostname: string, options: object, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      for (const a of addresses) {
        const why = refusal(a.address, port, rules);
        if (why) return callback(new FeedError('refused-address', why));
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new FeedError('unreachable', 'That address could not be found.'));
      return callback(null, first.address, first.family);
    });
  };
}

function getOnce(url: URL, rules: FetchRules, deadline: number): Promise<{ status: number; location?: string; body?: string }> {
  const maxBytes = rules.maxBytes ?? FEED_MAX_BYTES;
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, {
      method: 'GET',
      headers: { accept: 'text/calendar, */*;q=0.5', 'accept-encoding': 'identity', 'user-agent': 'Carryover calendar reader' },
      lookup: guardedLookup(rules, portOf(url)) as never,
    });
    const timer = setTimeout(
      () => req.destroy(new FeedError('timeout', 'That calendar took too long to answer. Try again later.')),
      Math.max(1, deadline - Date.now()),
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof FeedError ? err : new FeedError('unreachable', 'That calendar could not be reached. Check the address.'));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        clearTimeout(timer);
        return resolve({ status, location: res.headers.location });
      }
      if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
        req.destroy(new FeedError('too-large', 'That calendar file is too large to read (more than 5 MB).'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) req.destroy(new FeedError('too-large', 'That calendar file is too large to read (more than 5 MB).'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', () => undefined); // the request's own error handler answers
    });
    req.end();
  });
}

const statusWords = (status: number) =>
  status === 401 || status === 403
    ? 'The calendar refused the address (it may have been reset). Copy a fresh iCal address from your booking system.'
    : status === 404 || status === 410
      ? 'The calendar says that address does not exist. Copy the iCal address again from your booking system.'
      : `The calendar answered with an error (${status}). Try again later.`;

/** Fetches a calendar address under the rules: http(s) only, never this server or (in production) a private network, bounded in time and size. */
export async function fetchFeed(input: string | URL, rules: FetchRules): Promise<string> {
  let url = typeof input === 'string' ? feedUrl(input) : input;
  const deadline = Date.now() + (rules.timeoutMs ?? FEED_TIMEOUT_MS);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkBeforeConnecting(url, rules);
    const res = await getOnce(url, rules, deadline);
    if (res.location !== undefined) {
      url = feedUrl(new URL(res.location, url).toString());
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new FeedError('http-status', statusWords(res.status));
    return res.body ?? '';
  }
  throw new FeedError('unreachable', 'That address sends Carryover round in circles (too many redirects).');
}
