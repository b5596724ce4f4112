// Only the client-page rows of the bench (decision 024): GET /api/v1/portal/:token and GET /c/:token over
// many clients on SQLite, each against bare node:http serving the same bytes, with p99 at half load; then
// the JSON read on PostgreSQL with one instance. The server runs compiled, as in production:
//   node scripts/build-server.mjs /tmp/out && ln -s "$PWD/node_modules" /tmp/out/node_modules
//   BENCH_SERVER=/tmp/out/server/main.js node --import tsx bench/client-page.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/index.js';
import { type Generated, generate, SCALES } from './generate.js';
import { load, type Measured, readEveryPage } from './load.js';
import { startCanned, startCarryover, withPostgres } from './servers.js';

const SCALE = process.env.BENCH_SCALE ?? 'standard';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SERVER = process.env.BENCH_SERVER ?? 'dist/server/main.js';

const startServer = (env: Record<string, string>) => startCarryover(env, SERVER);

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
  await readEveryPage(
    server.url,
    data.links.map((l) => l.token),
  );
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
  await Promise.all([bare.stop(), server.stop()]);
  return rows;
}

const postgres = (dir: string): Promise<Row[]> =>
  withPostgres(async (url) => {
    const database = await openDatabase({ url, dataDir: dir });
    const data = await generate(database.db, SCALES[SCALE], { label: `data (${SCALE}, PostgreSQL)` });
    await database.close();
    const server = await startServer({ DATABASE_URL: url, DATA_DIR: dir });
    await readEveryPage(
      server.url,
      data.links.map((l) => l.token),
    );
    const r = routes(data)[0];
    process.stderr.write(`loading ${r.route} on PostgreSQL\n`);
    const ours = await load(server.url, { duration: DURATION, next: r.next });
    const half = await load(server.url, { duration: DURATION, next: r.next, rate: Math.floor(ours.rps / 2) });
    await server.stop();
    return [{ route: `${r.route}, PostgreSQL, 1 instance`, ...ours, p99AtHalfLoad: half.p99 }];
  });

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
