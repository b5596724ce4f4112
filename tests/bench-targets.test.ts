import { expect, it } from 'vitest';
import { targets } from '../bench/targets.js';

// Every figure of issue 18's table is printed beside its target; a figure the run did not measure
// says so instead of passing or failing.
const measuredRun = {
  sqliteRows: [
    { route: 'client page read, many clients', rps: 6000, p50: 3, ratio: 0.4, p99AtHalfLoad: 12 },
    { route: 'client page HTML (/c/:token), many clients', rps: 5000, p50: 4, ratio: 0.3, p99AtHalfLoad: 30 },
    { route: 'client page read, first reads (each page made)', rps: 700, p50: 25 },
    { route: 'check-in write, many clients', rps: 2100, p50: 8, p99AtHalfLoad: 20 },
    { route: 'handout PDF', rps: 900, p50: 22, oneAtATimeP50: 2.5 },
  ],
  postgresRows: [{ route: 'client page read, many clients', rps: 1200, p50: 15, instances: 1 }],
  suggestionsMedianMs: 0.6,
  handoutFreshP50Ms: 45,
  dashboardSqliteMs: 120,
  dashboardPostgresMs: 260,
  firstLoad: { signInBytes: 110 * 1024 },
  lighthouse: { signIn: { performance: 97, transferKb: 112 }, today: { performance: 93, transferKb: 140 } },
  peakRssMb: 180,
  scale: 'large',
};

it('prints every row of the table, each judged against its target', () => {
  const rows = targets(measuredRun);
  expect(rows.map((r) => [r.figure, r.now, r.met])).toEqual([
    ['client page read (API), ratio to bare node:http', '0.400', true],
    ['client page read (/c/:token), ratio to bare node:http', '0.300', false],
    ['client page read (API), p99 at half of max load (ms)', '12', true],
    ['client page read (/c/:token), p99 at half load (ms)', '30', false],
    ['client page first read after a change (page made, req/s)', '700', null],
    ['check-in writes, SQLite, durable (req/s)', '2100', true],
    ['check-in writes, p99 at half load (ms)', '20', true],
    ['suggestions on 1,000 items, median (ms)', '0.60', true],
    ['handout PDF, repeat of an unchanged one, p50 (ms)', '2.5', true],
    ['handout PDF, a fresh render, p50 (ms)', '45', true],
    ['dashboard, five years, SQLite p50 (ms)', '120', true],
    ['dashboard, five years, PostgreSQL p50 (ms)', '260', false],
    ['therapist app, sign-in page transferred (KB)', '110', true],
    ['therapist app, Today transferred (KB, Lighthouse)', '140', true],
    ['Lighthouse mobile performance, sign-in page', '97', true],
    ['Lighthouse mobile performance, Today', '93', false],
    ['PostgreSQL, client page read, 1 instance (req/s)', '1200', true],
    ['peak RSS of one instance, large scale (MB)', '180', true],
  ]);
});

it('says "not measured" for what the run could not measure, neither met nor missed', () => {
  const rows = targets({
    ...measuredRun,
    postgresRows: [],
    dashboardPostgresMs: null,
    lighthouse: { signIn: { performance: 0, transferKb: 0, error: 'NO_NAVSTART' }, today: { performance: 90, transferKb: 150 } },
  });
  const row = (figure: string) => rows.find((r) => r.figure === figure);
  for (const figure of [
    'Lighthouse mobile performance, sign-in page',
    'PostgreSQL, client page read, 1 instance (req/s)',
    'dashboard, five years, PostgreSQL p50 (ms)',
  ])
    expect(row(figure), figure).toMatchObject({ now: 'not measured', met: null });
  expect(row('Lighthouse mobile performance, Today')).toMatchObject({ now: '90', met: false });
});
