/*
 * The client's page offline: its files come from the phone first (their names change with their content),
 * the page itself from the network first, falling back to the last copy kept on the phone.
 */
export {};

declare const PRECACHE: string[];
declare const VERSION: string;

interface WaitEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchingEvent extends WaitEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface Worker {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(o: { type: 'window' }): Promise<{ url: string }[]> };
  location: Location;
  addEventListener(type: 'install' | 'activate', fn: (e: WaitEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchingEvent) => void): void;
}

const sw = self as unknown as Worker;
const FILES = `carryover-files-${VERSION}`;
const PAGES = 'carryover-pages';
const pageKey = (url: string) => url.split(/[?#]/)[0];
const isPage = (path: string) => /^\/c\/[\w-]{20,}(\/manifest\.webmanifest)?$/.test(path);
const isPicture = (path: string) => /^\/api\/v1\/portal\/[\w-]+\/media\//.test(path);

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(FILES)
      .then((c) => c.addAll(PRECACHE))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('carryover-files-') && name !== FILES) await caches.delete(name);
      await sw.clients.claim();
      // The page that registered us was loaded before we were here: keep a copy of it now.
      const pages = await caches.open(PAGES);
      for (const client of await sw.clients.matchAll({ type: 'window' })) {
        const path = new URL(client.url).pathname;
        if (isPage(path)) await pages.add(pageKey(client.url)).catch(() => {});
      }
    })(),
  );
});

async function networkFirst(request: Request): Promise<Response> {
  const pages = await caches.open(PAGES);
  try {
    const res = await fetch(request);
    if (res.ok) await pages.put(pageKey(request.url), res.clone());
    // A link that stopped working must not live on in the phone's copy.
    if (res.status === 404) await pages.delete(pageKey(request.url));
    return res;
  } catch (err) {
    const kept = await pages.match(pageKey(request.url));
    if (kept) return kept;
    throw err;
  }
}

async function filesFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(FILES)).put(request, res.clone());
  return res;
}

sw.addEventListener('fetch', (e) => {
  const { request } = e;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/portal-assets/')) e.respondWith(filesFirst(request));
  else if (isPage(url.pathname) || isPicture(url.pathname)) e.respondWith(networkFirst(request));
});
