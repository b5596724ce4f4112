// npm run bench: Carryover's hot routes against the same bytes served by bare node:http and by
// Fastify alone, in one run on one machine; then the client page and check-ins on PostgreSQL with
// one and with two app instances; then the suggestion engine on 1,000 items, the dashboard on five
// years of data, a 5,000-row CSV import and Lighthouse (client page, sign-in, Today). Results go to bench/results/latest.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_DIST } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/index.js';
import { localDay } from '../src/server/local-time.js';
import { type Generated, generate, SCALES } from './generate.js';
import { lighthousePages } from './lighthouse.js';
import { type LoadOptions, load, loadEach, type Measured, readEveryPage } from './load.js';
import { type CannedResponse, rssMb, startCanned, startCarryover, withPostgres } from './servers.js';
import { firstLoadBytes, printTargets, type Target, targets } from './targets.js';
import { benchDashboard, benchHandoutRender, benchImport, benchSuggestions } from './units.js';

const SCALE = process.env.BENCH_SCALE ?? 'standard';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== 'off';

interface Row extends Measured {
  route: string;
  bareRps?: number;
  fastifyRps?: number;
  ratio?: number;
  p99AtHalfLoad?: number;
  /** p50 with one request at a time: what a therapist waits, without the queue of a full load. */
  oneAtATimeP50?: number;
}

interface Route {
  route: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  next: LoadOptions['next'];
  /** What the ceiling servers answer for it (first match by method and path prefix). */
  prefix: string;
  halfLoad?: boolean;
  fastify?: boolean;
  oneAtATime?: boolean;
}

/** The same client pages and check-ins, spread over many clients, as the real traffic is. */
function clientTraffic(data: Generated) {
  let i = 0;
  const day = (n: number) => localDay(new Date(Date.now() - (n % 14) * 86_400_000), 'America/New_York');
  return {
    readOne: () => ({ path: `/api/v1/portal/${data.links[0].token}` }),
    readMany: () => ({ path: `/api/v1/portal/${data.links[i++ % data.links.length].token}` }),
    pageMany: () => ({ path: `/c/${data.links[i++ % data.links.length].token}` }),
    write: () => {
      const l = data.links[i++ % data.links.length];
      return {
        path: `/api/v1/portal/${l.token}/checkins`,
        body: JSON.stringify({ homeworkId: l.homeworkId, date: day(i), done: i % 2 === 0 }),
      };
    },
  };
}

async function signIn(url: string, owner: { email: string; password: string }) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

async function measure(url: string, r: Route, rps?: number) {
  return load(url, { duration: DURATION, method: r.method, headers: r.headers, next: r.next, rate: rps });
}

/**
 * The first reads of the client pages after the data was written make each page (page-snapshot.ts), as
 * the first read after a change or after the client's midnight does: measured for the record, then
 * every page is read once so the rows after measure pages kept ready.
 */
async function keepPagesReady(url: string, data: Generated, rows: Row[]) {
  process.stderr.write('loading client page read, first reads (each page made)\n');
  const cold = await load(url, { duration: Math.min(DURATION, 3), next: clientTraffic(data).readMany });
  rows.push({ route: 'client page read, first reads (each page made)', ...cold });
  await readEveryPage(
    url,
    data.links.map((l) => l.token),
  );
}

/** SQLite, one instance: every hot route, each against the two ceilings. */
async function sqliteSection(file: string, dir: string, data: Generated) {
  const server = await startCarryover({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
  let peakRss = 0;
  let current = '';
  const peakByRoute: Record<string, number> = {};
  const sampler = setInterval(() => {
    const rss = rssMb(server.child.pid!);
    peakRss = Math.max(peakRss, rss);
    if (current) peakByRoute[current] = Math.round(Math.max(peakByRoute[current] ?? 0, rss));
  }, 100);
  const owner = await signIn(server.url, data.owners[0]);
  const traffic = clientTraffic(data);
  const first = data.links.find((l) => data.clientIds.slice(0, SCALES[SCALE].clientsPerPractice).includes(l.clientId)) ?? data.links[0];
  const today = localDay(new Date(), 'America/New_York');
  const fixed = (path: string) => () => ({ path });
  const routes: Route[] = [
    { route: 'client page read, one client', next: traffic.readOne, prefix: '/api/v1/portal/', halfLoad: true, fastify: true },
    { route: 'client page read, many clients', next: traffic.readMany, prefix: '/api/v1/portal/', halfLoad: true },
    { route: 'client page HTML (/c/:token), many clients', next: traffic.pageMany, prefix: '/c/', halfLoad: true },
    { route: 'check-in write, many clients', method: 'POST', next: traffic.write, prefix: '/api/v1/portal/', halfLoad: true },
    { route: 'client list (50)', headers: owner, next: fixed('/api/v1/clients?limit=50'), prefix: '/api/v1/clients?' },
    {
      route: 'suggestions for a session',
      headers: owner,
      next: fixed(`/api/v1/sessions/${data.sessionIds[SCALES[SCALE].sessionsPerClient - 1]}/suggestions`),
      prefix: '/api/v1/sessions/',
    },
    {
      route: 'handout PDF',
      headers: owner,
      next: fixed(`/api/v1/clients/${first.clientId}/handout.pdf`),
      prefix: '/api/v1/clients/',
      oneAtATime: true,
    },
    {
      route: 'dashboard summary (a 100-client practice, this year)',
      headers: owner,
      next: fixed(`/api/v1/reports/summary?from=${today.slice(0, 4)}-01-01&to=${today}`),
      prefix: '/api/v1/reports/',
    },
  ];

  // The bytes Carryover answers, for the ceilings to answer too.
  const canned: CannedResponse[] = [];
  for (const r of routes) {
    const { path, body } = r.next();
    const res = await fetch(`${server.url}${path}`, {
      method: r.method ?? 'GET',
      headers: { ...r.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    canned.push({
      method: r.method ?? 'GET',
      prefix: r.prefix,
      status: res.status,
      type: res.headers.get('content-type') ?? 'application/json',
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    });
  }
  const bare = await startCanned('bare', canned);
  const fastify = await startCanned('fastify', canned);

  const rows: Row[] = [];
  for (const r of routes) {
    if (r.next === traffic.readMany) await keepPagesReady(server.url, data, rows);
    process.stderr.write(`loading ${r.route}\n`);
    current = r.route;
    const ours = await measure(server.url, r);
    const base = await measure(bare.url, r);
    const row: Row = { route: r.route, ...ours, bareRps: base.rps, ratio: ours.rps / base.rps };
    if (r.fastify) row.fastifyRps = (await measure(fastify.url, r)).rps;
    if (r.halfLoad) row.p99AtHalfLoad = (await measure(server.url, r, Math.floor(ours.rps / 2))).p99;
    if (r.oneAtATime)
      row.oneAtATimeP50 = (await load(server.url, { duration: DURATION, headers: r.headers, next: r.next, connections: 1 })).p50;
    rows.push(row);
    current = '';
  }
  clearInterval(sampler);
  await Promise.all([bare.stop(), fastify.stop(), server.stop()]);
  return { rows, peakRssMb: Math.round(peakRss), peakRssMbByRoute: peakByRoute };
}

/** PostgreSQL: the client page and check-ins with one app instance, then with two sharing the database. */
async function postgresSection(url: string, dir: string) {
  const database = await openDatabase({ url, dataDir: dir });
  const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE}, PostgreSQL)` });
  await database.close();

  const traffic = clientTraffic(data);
  const kinds = [
    { route: 'client page read, many clients', next: traffic.readMany },
    { route: 'check-in write, many clients', method: 'POST' as const, next: traffic.write },
  ];
  const rows: (Row & { instances: number })[] = [];
  const servers = [await startCarryover({ DATABASE_URL: url, DATA_DIR: dir })];
  let peakRss = 0;
  const sampler = setInterval(() => {
    for (const s of servers) peakRss = Math.max(peakRss, rssMb(s.child.pid!));
  }, 100);
  for (const instances of [1, 2]) {
    if (instances === 2) servers.push(await startCarryover({ DATABASE_URL: url, DATA_DIR: dir }));
    const urls = servers.map((s) => s.url);
    for (const k of kinds) {
      // The check-ins before changed every page: read each once, so the reads measure pages kept ready.
      if (k.method === undefined)
        await readEveryPage(
          servers[0].url,
          data.links.map((l) => l.token),
        );
      process.stderr.write(`loading ${k.route} on PostgreSQL, ${instances} instance(s)\n`);
      const o = { duration: DURATION, method: k.method, next: k.next };
      const full = await loadEach(urls, o);
      const half = await loadEach(urls, { ...o, rate: Math.floor(full.rps / 2) });
      rows.push({ route: k.route, instances, ...full, p99AtHalfLoad: half.p99 });
    }
  }
  clearInterval(sampler);
  await Promise.all(servers.map((s) => s.stop()));
  return { rows, peakRssMbPerInstance: Math.round(peakRss) };
}

interface Results {
  date: string;
  machine: string;
  scale: { name: string; rows: Record<string, number> };
  seconds: number;
  sqlite: Awaited<ReturnType<typeof sqliteSection>>;
  postgres: Awaited<ReturnType<typeof postgresSection>> | null;
  suggestions: ReturnType<typeof benchSuggestions>;
  handoutRender: Awaited<ReturnType<typeof benchHandoutRender>>;
  targets: Target[];
  csvImport: Awaited<ReturnType<typeof benchImport>>;
  dashboard: { sqlite: Awaited<ReturnType<typeof benchDashboard>>; postgres: Awaited<ReturnType<typeof benchDashboard>> | null };
  lighthouse: Awaited<ReturnType<typeof lighthousePages>> | { error: string };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-bench-'));
  const file = join(dir, 'bench.sqlite');
  const database = await openDatabase({ url: `file:${file}`, dataDir: dir });
  const started = Date.now();
  const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE})` });
  process.stderr.write(`generated ${JSON.stringify(data.rows)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  await database.close();

  const sqlite = await sqliteSection(file, dir, data);
  const postgres = WITH_POSTGRES ? await withPostgres((url) => postgresSection(url, dir)) : null;

  process.stderr.write('suggestions on 1,000 items\n');
  const suggestions = benchSuggestions(1000, 2000);
  process.stderr.write('fresh handouts (on the worker thread, as the server renders them)\n');
  const handoutRender = await benchHandoutRender(40);
  process.stderr.write('CSV import of 5,000 rows\n');
  const csvImport = await benchImport();
  process.stderr.write('dashboard on five years of one practice (SQLite, then PostgreSQL)\n');
  const dashboardSqlite = await benchDashboard(`file:${join(dir, 'dashboard.sqlite')}`, dir);
  const dashboardPostgres = WITH_POSTGRES ? await withPostgres((url) => benchDashboard(url, dir)) : null;
  process.stderr.write('Lighthouse on the client page, the sign-in page and Today\n');
  const lighthouse = await lighthousePages().catch((err: unknown) => ({ error: String(err).slice(0, 300) }));

  const results: Results = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}, ${cpus().length} cores`,
    scale: { name: SCALE, ...SCALES[SCALE], rows: data.rows },
    seconds: DURATION,
    sqlite,
    postgres,
    suggestions,
    handoutRender,
    csvImport,
    dashboard: { sqlite: dashboardSqlite, postgres: dashboardPostgres },
    lighthouse,
    targets: [],
  };
  results.targets = targets({
    sqliteRows: sqlite.rows,
    postgresRows: postgres?.rows ?? [],
    suggestionsMedianMs: suggestions.medianMs,
    handoutFreshP50Ms: handoutRender.medianMs,
    dashboardSqliteMs: dashboardSqlite.medianMs,
    dashboardPostgresMs: dashboardPostgres?.medianMs ?? null,
    firstLoad: firstLoadBytes(WEB_DIST),
    lighthouse: 'error' in lighthouse ? null : lighthouse,
    peakRssMb: Math.max(sqlite.peakRssMb, postgres?.peakRssMbPerInstance ?? 0),
    scale: SCALE,
  });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  print(results);
}

function print(r: Results) {
  const f = (n: number | undefined, d = 0) => (n === undefined ? '' : n.toFixed(d));
  console.log(`\nCarryover benchmark · ${r.date} · ${r.machine} · scale ${r.scale.name} (${JSON.stringify(r.scale.rows)})`);
  console.log('\nSQLite, one instance (ratio = Carryover ÷ bare node:http serving the same bytes)');
  console.log(
    `${'route'.padEnd(52)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99@½'.padStart(6)} ${'bare'.padStart(7)} ${'fastify'.padStart(8)} ${'ratio'.padStart(6)} ${'errors'.padStart(6)}`,
  );
  for (const x of r.sqlite.rows)
    console.log(
      `${x.route.padEnd(52)} ${f(x.rps).padStart(7)} ${f(x.p50).padStart(7)} ${f(x.p99).padStart(7)} ${f(x.p99AtHalfLoad).padStart(6)} ${f(x.bareRps).padStart(7)} ${f(x.fastifyRps).padStart(8)} ${f(x.ratio, 3).padStart(6)} ${String(x.errors).padStart(6)}`,
    );
  console.log(
    `peak RSS of the instance: ${r.sqlite.peakRssMb} MB (${Object.entries(r.sqlite.peakRssMbByRoute)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')})`,
  );
  if (r.postgres) {
    console.log('\nPostgreSQL (embedded, same machine)');
    for (const x of r.postgres.rows)
      console.log(
        `${`${x.route}, ${x.instances} instance(s)`.padEnd(52)} ${f(x.rps).padStart(7)} ${f(x.p50).padStart(7)} ${f(x.p99).padStart(7)} ${f(x.p99AtHalfLoad).padStart(6)} ${''.padStart(24)} ${String(x.errors).padStart(6)}`,
      );
    console.log(`peak RSS per instance: ${r.postgres.peakRssMbPerInstance} MB`);
  }
  console.log(
    `\nsuggestions, 1,000 items: median ${f(r.suggestions.medianMs, 2)} ms, p99 ${f(r.suggestions.p99Ms, 2)} ms (${r.suggestions.runs} runs)`,
  );
  const handout = r.sqlite.rows.find((x) => x.oneAtATimeP50 !== undefined);
  console.log(`handout PDF, repeat of an unchanged one, one request at a time: p50 ${f(handout?.oneAtATimeP50, 1)} ms`);
  console.log(
    `handout PDF, fresh render on the worker thread: median ${f(r.handoutRender.medianMs)} ms, p99 ${f(r.handoutRender.p99Ms)} ms (${r.handoutRender.runs} renders)`,
  );
  console.log(`CSV import, 5,000 rows (20 bad): ${f(r.csvImport.ms)} ms; re-import ${f(r.csvImport.reimportMs)} ms`);
  console.log(
    `dashboard summary, 2,000 clients / 20,000 sessions / 200,000 check-ins: SQLite median ${f(r.dashboard.sqlite.medianMs)} ms, PostgreSQL median ${f(r.dashboard.postgres?.medianMs)} ms`,
  );
  if ('error' in r.lighthouse) console.log(`Lighthouse (mobile) did not run: ${r.lighthouse.error}`);
  else
    for (const page of [r.lighthouse.clientPage, r.lighthouse.signIn, r.lighthouse.today])
      console.log(
        `Lighthouse (mobile) ${page.url}: performance ${page.performance}${page.runs ? ` (median of ${page.runs.join(', ')})` : ''}, accessibility ${page.accessibility}, ${page.transferKb} KB, FCP ${page.firstContentfulPaintMs} ms, LCP ${page.largestContentfulPaintMs} ms`,
      );
  printTargets(r.targets);
  console.log('saved bench/results/latest.json');
}

await main();
process.exit(0);
