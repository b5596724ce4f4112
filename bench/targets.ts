// The figures issue 18 holds Carryover to, each beside its target, from one run's results.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Target {
  figure: string;
  now: string;
  target: string;
  met: boolean | null;
}

interface RouteRow {
  route: string;
  rps: number;
  p50: number;
  p99AtHalfLoad?: number;
  ratio?: number;
  instances?: number;
  oneAtATimeP50?: number;
}

export interface TargetInput {
  sqliteRows: RouteRow[];
  postgresRows: RouteRow[];
  suggestionsMedianMs: number;
  handoutFreshP50Ms: number;
  dashboardSqliteMs: number;
  dashboardPostgresMs: number | null;
  firstLoad: { signInBytes: number } | null;
  /** Lighthouse (mobile) on the therapist app, when it ran. */
  lighthouse: { signIn: LighthousePage; today: LighthousePage } | null;
  peakRssMb: number;
  /** The data the run was made on: the RSS target is for the large one. */
  scale: string;
}

interface LighthousePage {
  performance: number;
  transferKb: number;
  error?: string;
}

/** A Lighthouse figure, unless Lighthouse could not measure that page. */
const measured = (page: LighthousePage | undefined, figure: 'performance' | 'transferKb') =>
  page && !page.error ? page[figure] : undefined;

const row = (rows: RouteRow[], route: string, instances?: number) =>
  rows.find((r) => r.route === route && (instances === undefined || r.instances === instances));
const f = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? 'not measured' : n.toFixed(d));
const check = (n: number | undefined, ok: (n: number) => boolean) => (n === undefined || Number.isNaN(n) ? null : ok(n));

export function targets(r: TargetInput): Target[] {
  const api = row(r.sqliteRows, 'client page read, many clients');
  const html = row(r.sqliteRows, 'client page HTML (/c/:token), many clients');
  const made = row(r.sqliteRows, 'client page read, first reads (each page made)');
  const writes = row(r.sqliteRows, 'check-in write, many clients');
  const handout = row(r.sqliteRows, 'handout PDF');
  const pg = row(r.postgresRows, 'client page read, many clients', 1);
  return [
    {
      figure: 'client page read (API), ratio to bare node:http',
      now: f(api?.ratio, 3),
      target: '≥ 0.35 (aim 0.5)',
      met: check(api?.ratio, (n) => n >= 0.35),
    },
    {
      figure: 'client page read (/c/:token), ratio to bare node:http',
      now: f(html?.ratio, 3),
      target: '≥ 0.35 (aim 0.5)',
      met: check(html?.ratio, (n) => n >= 0.35),
    },
    {
      figure: 'client page read (API), p99 at half of max load (ms)',
      now: f(api?.p99AtHalfLoad),
      target: '< 25',
      met: check(api?.p99AtHalfLoad, (n) => n < 25),
    },
    {
      figure: 'client page read (/c/:token), p99 at half load (ms)',
      now: f(html?.p99AtHalfLoad),
      target: '< 25',
      met: check(html?.p99AtHalfLoad, (n) => n < 25),
    },
    {
      // The issue sets no figure for it: the rows above are pages kept ready; this is the read that makes one.
      figure: 'client page first read after a change (page made, req/s)',
      now: f(made?.rps),
      target: 'none set',
      met: null,
    },
    {
      figure: 'check-in writes, SQLite, durable (req/s)',
      now: f(writes?.rps),
      target: '≥ 2,000',
      met: check(writes?.rps, (n) => n >= 2000),
    },
    {
      figure: 'check-in writes, p99 at half load (ms)',
      now: f(writes?.p99AtHalfLoad),
      target: '< 25',
      met: check(writes?.p99AtHalfLoad, (n) => n < 25),
    },
    {
      figure: 'suggestions on 1,000 items, median (ms)',
      now: f(r.suggestionsMedianMs, 2),
      target: '< 1',
      met: check(r.suggestionsMedianMs, (n) => n < 1),
    },
    {
      figure: 'handout PDF, repeat of an unchanged one, p50 (ms)',
      now: f(handout?.oneAtATimeP50, 1),
      target: '< 5',
      met: check(handout?.oneAtATimeP50, (n) => n < 5),
    },
    {
      figure: 'handout PDF, a fresh render, p50 (ms)',
      now: f(r.handoutFreshP50Ms),
      target: '< 50',
      met: check(r.handoutFreshP50Ms, (n) => n < 50),
    },
    {
      figure: 'dashboard, five years, SQLite p50 (ms)',
      now: f(r.dashboardSqliteMs),
      target: '< 200',
      met: check(r.dashboardSqliteMs, (n) => n < 200),
    },
    {
      figure: 'dashboard, five years, PostgreSQL p50 (ms)',
      now: f(r.dashboardPostgresMs ?? undefined),
      target: '< 200',
      met: check(r.dashboardPostgresMs ?? undefined, (n) => n < 200),
    },
    {
      figure: 'therapist app, sign-in page transferred (KB)',
      now: f(r.firstLoad ? r.firstLoad.signInBytes / 1024 : undefined),
      target: '≤ 150',
      met: check(r.firstLoad?.signInBytes, (n) => n <= 150 * 1024),
    },
    {
      figure: 'therapist app, Today transferred (KB, Lighthouse)',
      now: f(measured(r.lighthouse?.today, 'transferKb')),
      target: '≤ 150',
      met: check(measured(r.lighthouse?.today, 'transferKb'), (n) => n <= 150),
    },
    {
      figure: 'Lighthouse mobile performance, sign-in page',
      now: f(measured(r.lighthouse?.signIn, 'performance')),
      target: '≥ 95',
      met: check(measured(r.lighthouse?.signIn, 'performance'), (n) => n >= 95),
    },
    {
      figure: 'Lighthouse mobile performance, Today',
      now: f(measured(r.lighthouse?.today, 'performance')),
      target: '≥ 95',
      met: check(measured(r.lighthouse?.today, 'performance'), (n) => n >= 95),
    },
    {
      figure: 'PostgreSQL, client page read, 1 instance (req/s)',
      now: f(pg?.rps),
      target: '≥ 1,000',
      met: check(pg?.rps, (n) => n >= 1000),
    },
    {
      figure: `peak RSS of one instance, ${r.scale} scale (MB)`,
      now: f(r.peakRssMb),
      target: r.scale === 'large' ? '< 250' : '< 250 (large scale)',
      met: check(r.peakRssMb, (n) => n < 250),
    },
  ];
}

/**
 * What a browser fetches for the sign-in page, as sent: index.html plus the scripts and styles it
 * names, each as its brotli copy where the build made one (the server sends those as they are).
 */
export function firstLoadBytes(webDist: string): { signInBytes: number } | null {
  let html: string;
  try {
    html = readFileSync(join(webDist, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const sent = (file: string) => {
    const path = join(webDist, file);
    const compressed = readdirSync(join(path, '..')).includes(`${file.split('/').pop()}.br`);
    return statSync(compressed ? `${path}.br` : path).size;
  };
  return { signInBytes: Buffer.byteLength(html) + assets.reduce((sum, a) => sum + sent(a), 0) };
}

export function printTargets(rows: Target[]) {
  console.log('\nIssue 18 targets (ratios from this one run; this machine is shared and noisy)');
  console.log(`${'figure'.padEnd(56)} ${'now'.padStart(13)}  ${'target'.padEnd(18)} met`);
  for (const t of rows)
    console.log(`${t.figure.padEnd(56)} ${t.now.padStart(13)}  ${t.target.padEnd(18)} ${t.met === null ? '–' : t.met ? 'yes' : 'no'}`);
}
