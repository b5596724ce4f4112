// Large, realistic data for the benchmarks, on SQLite or PostgreSQL, with a progress bar.
// Every practice gets clients with sessions spread over five years, homework at each session and
// check-ins for it; a few client links are returned in plain text so the load can use them.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/server/db/index.js';
import { hashPassword } from '../src/server/features/auth/passwords.js';
import { newReferralCode } from '../src/server/features/clients/clients.repository.js';
import { builtInLibrary } from '../src/server/features/library/library.js';
import { hashToken, newToken } from '../src/server/http/tokens.js';
import { insertRows, withBulkLoad } from './bulk-load.js';

export interface Scale {
  practices: number;
  clientsPerPractice: number;
  sessionsPerClient: number;
  checkInsPerHomework: number;
}

export const SCALES: Record<string, Scale> = {
  // 100 practices, 10,000 clients, 50,000 sessions, 500,000 check-ins
  standard: { practices: 100, clientsPerPractice: 100, sessionsPerClient: 5, checkInsPerHomework: 10 },
  // 1,000 practices, 100,000 clients, 200,000 sessions, 2,000,000 check-ins
  large: { practices: 1000, clientsPerPractice: 100, sessionsPerClient: 2, checkInsPerHomework: 10 },
  // One practice with five years of data: 2,000 clients, 20,000 sessions, 200,000 check-ins
  dashboard: { practices: 1, clientsPerPractice: 2000, sessionsPerClient: 10, checkInsPerHomework: 10 },
};

const EXERCISES = [
  'chin-tucks',
  'doorway-pec-stretch',
  'suboccipital-ball-release',
  'calf-foam-roll',
  'figure-four-piriformis-stretch',
  'box-breathing',
  'wall-calf-stretch',
  'glute-ball-release',
];
const COMPLAINTS = ['headaches', 'neck-pain', 'tight-calves', 'low-back-pain', 'rounded-shoulders', 'stress-sleep'];
const DAY = 86_400_000;

// In the order their rows refer to each other.
const TABLES = ['practices', 'members', 'clients', 'session_records', 'homework', 'check_ins', 'client_links'] as const;
type Table = (typeof TABLES)[number];
const emptyTables = () => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Record<Table, Record<string, unknown>[]>;

export interface Generated {
  practiceIds: string[];
  owners: { email: string; password: string }[];
  links: { token: string; homeworkId: string; clientId: string }[];
  sessionIds: string[];
  clientIds: string[];
  rows: Record<string, number>;
}

function progress(label: string, done: number, total: number) {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 20)) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((done / total) * 100)}%${done === total ? '\n' : ''}`,
  );
}

/** About this many check-ins (and their clients, sessions and homework) are written per transaction. */
const CHECK_INS_PER_TRANSACTION = 100_000;

export async function generate(
  db: Db,
  scale: Scale,
  opts: { now?: Date; label?: string; linksPerPractice?: number } = {},
): Promise<Generated> {
  const now = opts.now ?? new Date();
  const password = 'bench password 123';
  const passwordHash = await hashPassword(password);
  // What a real assignment stores: the whole item as it was.
  const snapshots = new Map(
    EXERCISES.map((slug) => {
      const item = builtInLibrary().get(slug)!;
      return [slug, JSON.stringify({ ...item, id: slug, source: 'builtin', basedOn: null, media: [] })];
    }),
  );
  const out: Generated = { practiceIds: [], owners: [], links: [], sessionIds: [], clientIds: [], rows: {} };
  const count = (t: string, n: number) => {
    out.rows[t] = (out.rows[t] ?? 0) + n;
  };
  let pending: Record<Table, Record<string, unknown>[]> = emptyTables();
  const flush = async () => {
    const rows = pending;
    pending = emptyTables();
    await db.transaction().execute(async (trx) => {
      for (const table of TABLES) await insertRows(trx, table, rows[table]);
    });
    for (const table of ['clients', 'session_records', 'homework', 'check_ins'] as const) count(table, rows[table].length);
  };
  await withBulkLoad(db, async () => {
    for (let p = 0; p < scale.practices; p++) {
      addPractice(pending, p, { scale, now, password, passwordHash, snapshots, out, linksPerPractice: opts.linksPerPractice ?? 20 });
      if (pending.check_ins.length >= CHECK_INS_PER_TRANSACTION || p === scale.practices - 1) await flush();
      progress(opts.label ?? 'generating', p + 1, scale.practices);
    }
  });
  // Planner statistics, as a database in use has them (PostgreSQL's autovacuum gathers them within
  // minutes of a bulk load; without them its first plans for the dashboard are seconds slow).
  await sql`analyze`.execute(db);
  return out;
}

interface PracticeContext {
  scale: Scale;
  now: Date;
  password: string;
  passwordHash: string;
  snapshots: Map<string, string>;
  out: Generated;
  linksPerPractice: number;
}

/** One practice's rows (its owner, clients, sessions, homework, check-ins and links), added to what is to be written. */
function addPractice(pending: Record<Table, Record<string, unknown>[]>, p: number, ctx: PracticeContext) {
  const { scale, now, password, passwordHash, snapshots, out } = ctx;
  const practiceId = randomUUID();
  const ownerId = randomUUID();
  const created = new Date(now.getTime() - 5 * 365 * DAY).toISOString();
  const email = `owner-${practiceId.slice(0, 8)}@bench.test`;
  pending.practices.push({
    id: practiceId,
    name: `Bench practice ${p + 1}`,
    timezone: 'America/New_York',
    paper_size: 'letter',
    homework_cap: 2,
    sender_name: null,
    reply_to: null,
    is_demo: 0,
    created_at: created,
  });
  pending.members.push({
    id: ownerId,
    practice_id: practiceId,
    email,
    name: `Owner ${p + 1}`,
    password_hash: passwordHash,
    role: 'owner',
    created_at: created,
  });
  out.practiceIds.push(practiceId);
  out.owners.push({ email, password });
  const { clients, session_records: sessions, homework, check_ins: checkIns, client_links: links } = pending;
  for (let c = 0; c < scale.clientsPerPractice; c++) {
    const clientId = randomUUID();
    const first = `Client${c}`;
    const last = `P${p}`;
    const intake = {
      complaints: [COMPLAINTS[c % COMPLAINTS.length]],
      lifestyle: [],
      tools: c % 2 ? ['tennis-ball'] : [],
      lacksTools: [],
      cautions: [],
    };
    const joined = now.getTime() - (5 * 365 - (c % 300)) * DAY;
    clients.push({
      id: clientId,
      practice_id: practiceId,
      therapist_id: ownerId,
      first_name: first,
      last_name: last,
      email: `c${c}-${practiceId.slice(0, 8)}@bench.test`,
      phone: null,
      timezone: null,
      consent_to_email: 1,
      intake: JSON.stringify(intake),
      intake_completed_at: null,
      search_text: `${first} ${last}`.toLowerCase(),
      archived_at: null,
      created_at: new Date(joined).toISOString(),
      updated_at: new Date(joined).toISOString(),
      reminder_rhythm: null,
      unsubscribed_at: null,
      referral_code: newReferralCode(),
      // Each client's come-back mail went long ago, as in a practice that has used Carryover for years;
      // otherwise the first hourly sweep in office hours mails thousands while the routes are measured.
      lapse_mailed_at: new Date(joined).toISOString(),
      referral_thanked_at: null,
    });
    out.clientIds.push(clientId);
    const span = now.getTime() - joined;
    for (let s = 0; s < scale.sessionsPerClient; s++) {
      const sessionId = randomUUID();
      const at = new Date(joined + Math.floor(((s + 1) / (scale.sessionsPerClient + 1)) * span));
      const date = at.toISOString().slice(0, 10);
      sessions.push({
        id: sessionId,
        practice_id: practiceId,
        client_id: clientId,
        therapist_id: ownerId,
        date,
        areas_worked: '[{"region":"neck-back"}]',
        areas_more_time: '[{"region":"upper-traps","side":"left"}]',
        findings: '[]',
        focus_complaints: JSON.stringify(intake.complaints),
        notes: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        rebooked: (c + s) % 3 ? 1 : 0,
        not_rebooked_reason: null,
        not_rebooked_note: null,
      });
      out.sessionIds.push(sessionId);
      const last = s === scale.sessionsPerClient - 1;
      const homeworkId = randomUUID();
      const exerciseId = EXERCISES[(c + s) % EXERCISES.length];
      homework.push({
        id: homeworkId,
        practice_id: practiceId,
        client_id: clientId,
        session_id: sessionId,
        exercise_id: exerciseId,
        exercise: snapshots.get(exerciseId)!,
        dose: '{"reps":8,"daysPerWeek":5}',
        days_per_week: 5, // the dose's days a week as a column (migration 019)
        note: null,
        status: last ? 'active' : 'retired',
        override_reason: null,
        assigned_by: ownerId,
        assigned_at: at.toISOString(),
        demonstrated_at: (c + s) % 4 ? at.toISOString() : null,
        ended_at: last ? null : new Date(at.getTime() + 20 * DAY).toISOString(),
        progressed_to: null,
      });
      for (let k = 0; k < scale.checkInsPerHomework; k++) {
        const day = new Date(at.getTime() + (k * 2 + 1) * DAY).toISOString().slice(0, 10);
        checkIns.push({
          id: randomUUID(),
          practice_id: practiceId,
          client_id: clientId,
          homework_id: homeworkId,
          date: day,
          done: (c + k) % 5 ? 1 : 0,
          feeling: k % 3 === 0 ? ((c + k) % 7 ? 'better' : 'same') : null,
          note: null,
          created_at: `${day}T20:00:00.000Z`,
          updated_at: `${day}T20:00:00.000Z`,
        });
      }
      if (last && c < ctx.linksPerPractice) {
        const token = newToken();
        links.push({
          token_hash: hashToken(token),
          practice_id: practiceId,
          client_id: clientId,
          created_at: now.toISOString(),
          revoked_at: null,
        });
        out.links.push({ token, homeworkId, clientId });
      }
    }
  }
}
