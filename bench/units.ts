import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import QRCode from 'qrcode';
import { buildApp } from '../src/server/app.js';
import { systemClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/index.js';
import { mailboxTransport } from '../src/server/email/transport.js';
import { practiceSummary } from '../src/server/features/dashboard/summary.js';
import { suggestForSession } from '../src/server/features/homework/suggest.js';
import { builtInLibrary } from '../src/server/features/library/library.js';
import { closeHandoutWorkers, renderHandoutOffThread } from '../src/server/pdf/handout-pool.js';
import { diskStorage } from '../src/server/storage/storage.js';
import { intakeSchema } from '../src/shared/api/clients.js';
import { clientCopyOf } from '../src/shared/client-copy.js';
import type { ExerciseContent } from '../src/shared/exercise.js';
import { clientsCsv } from '../tests/helpers/csv.js';
import { generate, SCALES } from './generate.js';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** The suggestion engine alone on a library grown to n items (the built-in ones, varied). */
export function benchSuggestions(n: number, runs: number) {
  const base = [...builtInLibrary().values()];
  const items = Array.from({ length: n }, (_, i) => {
    const b = base[i % base.length] as ExerciseContent;
    return { ...b, id: `${b.slug}-${i}`, slug: `${b.slug}-${i}`, name: `${b.name} ${i}` };
  });
  const input = {
    items,
    intake: intakeSchema.parse({
      complaints: ['headaches', 'neck-pain', 'tight-calves'],
      lifestyle: ['desk-work', 'runner'],
      tools: ['tennis-ball'],
      cautions: ['vertigo'],
    }),
    session: {
      focusComplaints: ['headaches' as const],
      areasNeedingMoreTime: [{ region: 'neck-back' as const }],
      areasWorked: [{ region: 'upper-traps' as const }],
      findings: [{ region: 'neck-side' as const, muscle: 'levator scapulae' }],
    },
    history: [],
  };
  for (let i = 0; i < 50; i++) suggestForSession(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    suggestForSession(input);
    times.push(performance.now() - t);
  }
  // The engine keeps what it works out per item object. Built-in items are the same objects on every
  // request, as here; a practice's own items are read afresh each time, so time that case too.
  const freshTimes: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 10); i++) {
    const fresh = { ...input, items: items.map((item) => ({ ...item })) };
    const t = performance.now();
    suggestForSession(fresh);
    freshTimes.push(performance.now() - t);
  }
  return {
    items: n,
    runs,
    medianMs: percentile(times, 50),
    p99Ms: percentile(times, 99),
    freshItemsMedianMs: percentile(freshTimes, 50),
    freshItemsP99Ms: percentile(freshTimes, 99),
  };
}

/** A 5,000-row CSV with 20 bad rows, through the real route, then again. */
export async function benchImport() {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-import-'));
  const database = await openDatabase({ url: `file:${join(dir, 'import.sqlite')}`, dataDir: dir });
  const app = await buildApp({
    ...database,
    clock: systemClock,
    config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMITS: 'off' }),
    transport: mailboxTransport,
    storage: diskStorage(dir),
  });
  const signup = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { practiceName: 'Import', name: 'Owner', email: 'import@bench.test', password: 'bench password 123' },
  });
  const cookies = { carryover_session: signup.cookies.find((c) => c.name === 'carryover_session')!.value };
  const headers = { 'x-csrf-token': signup.json().csrfToken };
  const csv = clientsCsv(5000, new Set(Array.from({ length: 20 }, (_, i) => 17 + i * 241)));
  const mapping = { firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Mobile Phone', notes: 'Notes' };
  let t = performance.now();
  const first = await app.http.inject({ method: 'POST', url: '/api/v1/clients/import', cookies, headers, payload: { csv, mapping } });
  const ms = performance.now() - t;
  t = performance.now();
  await app.http.inject({ method: 'POST', url: '/api/v1/clients/import', cookies, headers, payload: { csv, mapping } });
  const reimportMs = performance.now() - t;
  await app.http.close();
  await database.close();
  return { rows: 5000, created: first.json().created, errors: first.json().errors.length, ms, reimportMs };
}

/** The dashboard summary for one practice with five years of data, ten times; the median. */
export async function benchDashboard(url: string, dataDir: string) {
  const database = await openDatabase({ url, dataDir });
  const data = await generate(database.db, SCALES.dashboard, { label: `dashboard data (${database.dialect})` });
  const today = new Date().toISOString().slice(0, 10);
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    await practiceSummary(database.db, {
      practiceId: data.practiceIds[0],
      from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
      to: today,
      today,
    });
    if (i > 0) times.push(performance.now() - t);
  }
  await database.close();
  return { rows: data.rows, medianMs: percentile(times, 50), runs: times.length };
}

/** Fresh handouts, each with other items and another name (nothing to reuse), laid out on the worker thread as the server does: the median. */
export async function benchHandoutRender(runs: number) {
  const library = [...builtInLibrary().values()];
  const qrPng = await QRCode.toBuffer('https://carryover.example/c/0123456789abcdef0123456789abcdef0123456789a', { margin: 1, scale: 6 });
  const handout = (i: number) => ({
    practiceName: 'Bench Practice',
    therapistName: 'The therapist',
    questionsEmail: 'therapist@bench.test',
    clientFirstName: `Client ${i}`,
    date: 'Thursday 3 December 2026',
    items: [library[i % library.length], library[(i * 7 + 3) % library.length]].map((item) => {
      const exercise = { ...(item as ExerciseContent), id: (item as ExerciseContent).slug };
      return { exercise: exercise as never, dose: exercise.dose, note: null, copy: clientCopyOf(exercise, []) };
    }),
    goals: 'Sleep through the night without a stiff neck',
    nextAppointment: 'Wednesday 16 December, 10:00',
    clientUrl: 'https://carryover.example/c/0123456789abcdef',
    qrPng,
    paperSize: 'letter' as const,
  });
  // The first starts the worker (and parses its fonts); the server pays that once.
  await renderHandoutOffThread(handout(0));
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    await renderHandoutOffThread(handout(i));
    times.push(performance.now() - t);
  }
  await closeHandoutWorkers();
  return { runs, medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}
