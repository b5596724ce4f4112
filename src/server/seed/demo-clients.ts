import type { FastifyInstance } from 'fastify';
import { addDays, instantAt, isoInZone, timeOfDay, todayIn } from '../../shared/time/zone.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';

interface DemoClient {
  firstName: string;
  lastName: string;
  intake: Record<string, unknown>;
  /** Weeks ago of each past visit, oldest first. */
  visits: number[];
  session: Record<string, unknown>;
  homework: string[];
  /** Share of asked-for days the client ticked off (0–1), and how it felt. */
  adherence: number;
  feeling: 'better' | 'same' | 'worse';
  rebook: boolean;
  goal?: { statement: string; unit: string; baseline: number; target: number; progress: number[] };
  question?: string;
}

const CLIENTS: DemoClient[] = [
  {
    firstName: 'Maya',
    lastName: 'Brooks',
    intake: {
      complaints: ['headaches', 'neck-pain'],
      lifestyle: ['desk-work'],
      tools: ['tennis-ball'],
      goals: 'Get through a work week without a headache',
    },
    visits: [10, 6, 2],
    session: {
      areasNeedingMoreTime: [{ region: 'neck-back', side: 'both' }],
      findings: [{ region: 'neck-side', side: 'right', muscle: 'levator scapulae', note: 'Trigger point, refers to the temple' }],
    },
    homework: ['suboccipital-ball-release', 'levator-scapulae-stretch'],
    adherence: 0.8,
    feeling: 'better',
    rebook: true,
    goal: { statement: 'Fewer headaches in a week', unit: 'headaches per week', baseline: 4, target: 1, progress: [3, 2] },
    question: 'Is it OK to use the ball on both sides on the same day?',
  },
  {
    firstName: 'Theo',
    lastName: 'Nakamura',
    intake: {
      complaints: ['tight-calves', 'foot-pain'],
      lifestyle: ['runner'],
      tools: ['foam-roller'],
      goals: 'Run a half marathon in the spring',
    },
    visits: [8, 4, 1],
    session: { areasNeedingMoreTime: [{ region: 'calf', side: 'left' }] },
    homework: ['calf-foam-roll', 'plantar-ball-roll'],
    adherence: 0.6,
    feeling: 'better',
    rebook: true,
  },
  {
    firstName: 'Priya',
    lastName: 'Raman',
    intake: { complaints: ['rounded-shoulders', 'upper-back-pain'], lifestyle: ['desk-work', 'new-parent'], tools: [] },
    visits: [5, 2],
    session: { areasNeedingMoreTime: [{ region: 'chest', side: 'both' }] },
    homework: ['doorway-pec-stretch', 'scapular-squeezes'],
    adherence: 0.3,
    feeling: 'same',
    rebook: false,
  },
  {
    firstName: 'Sam',
    lastName: 'Okafor',
    intake: { complaints: ['piriformis-sciatic', 'low-back-pain'], lifestyle: ['driving'], tools: ['tennis-ball'] },
    visits: [3],
    session: { areasNeedingMoreTime: [{ region: 'glutes', side: 'right' }] },
    homework: ['figure-four-piriformis-stretch', 'glute-ball-release'],
    adherence: 0.9,
    feeling: 'better',
    rebook: true,
  },
  {
    firstName: 'Grace',
    lastName: 'Lindqvist',
    intake: { complaints: ['tight-calves'], lifestyle: ['standing-work'], tools: ['foam-roller'], cautions: ['clot-history'] },
    visits: [12],
    session: { areasNeedingMoreTime: [{ region: 'calf', side: 'both' }] },
    homework: ['wall-calf-stretch'],
    adherence: 0.1,
    feeling: 'same',
    rebook: false,
  },
  {
    firstName: 'Jon',
    lastName: 'Abara',
    intake: { complaints: ['stress-sleep', 'jaw-tension'], lifestyle: ['musician'], tools: [] },
    visits: [4, 1],
    session: { areasNeedingMoreTime: [{ region: 'jaw', side: 'both' }] },
    homework: ['box-breathing', 'jaw-fingertip-massage'],
    adherence: 0.5,
    feeling: 'better',
    rebook: true,
  },
];

/**
 * Fills the demo practice through the real API, so the demo holds only data the app itself
 * would accept: clients with intakes, sessions, homework, check-ins, appointments, a goal and a question.
 */
export async function seedDemoClients(
  http: FastifyInstance,
  db: Db,
  clock: Clock,
  login: { email: string; password: string },
  timezone: string,
) {
  const signIn = await http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: login });
  const cookie = signIn.cookies.find((c) => c.name === 'carryover_session')!.value;
  const csrf = signIn.json().csrfToken as string;
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => {
    const res = await http.inject({
      method,
      url,
      payload: payload as never,
      cookies: { carryover_session: cookie },
      headers: { 'x-csrf-token': csrf },
    });
    if (res.statusCode >= 400) throw new Error(`demo seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const today = todayIn(timezone, clock.now());
  /** That day at that hour on the practice's clock. */
  const at = (day: string, hour: number) => instantAt(day, timeOfDay(hour * 60), timezone);
  for (const [i, c] of CLIENTS.entries()) {
    const client = await call('POST', '/api/v1/clients', {
      firstName: c.firstName,
      lastName: c.lastName,
      email: `${c.firstName.toLowerCase()}.${c.lastName.toLowerCase()}@example.com`,
      consentToEmail: true,
      intake: c.intake,
    });
    let session: { id: string } | undefined;
    for (const weeksAgo of c.visits) {
      const day = addDays(today, -7 * weeksAgo);
      await call('POST', `/api/v1/clients/${client.id}/appointments`, {
        startsAt: isoInZone(at(day, 9 + i), timezone),
        confirmOverlap: true,
      });
      session = await call('POST', `/api/v1/clients/${client.id}/sessions`, {
        date: day,
        focusComplaints: (c.intake.complaints as string[]).slice(0, 1),
        areasWorked: [{ region: 'upper-back' }, { region: 'neck-back' }, { region: 'glutes', side: 'both' }],
        ...c.session,
      });
    }
    if (!session) continue;
    const homework = [];
    for (const exerciseId of c.homework) homework.push(await call('POST', `/api/v1/sessions/${session.id}/homework`, { exerciseId }));
    for (const h of homework) await call('PATCH', `/api/v1/homework/${h.id}`, { demonstrated: true });
    // The API stamps items with the moment they are given; the demo's were given at the last visit.
    const given = at(addDays(today, -7 * c.visits.at(-1)!), 10 + i).toISOString();
    await db.updateTable('homework').set({ assigned_at: given, demonstrated_at: given }).where('client_id', '=', client.id).execute();
    const link = await call('POST', `/api/v1/clients/${client.id}/link`);
    const token = link.url.split('/c/')[1];
    const daysSince = Math.min(13, c.visits.at(-1)! * 7 - 1);
    for (let d = daysSince; d >= 0; d--) {
      for (const [n, h] of homework.entries()) {
        // A steady pattern rather than random: the demo looks the same every time.
        if (((d * 7 + n * 3) % 10) / 10 < c.adherence) {
          const date = addDays(today, -d);
          await http.inject({
            method: 'POST',
            url: `/api/v1/portal/${token}/checkins`,
            payload: { homeworkId: h.id, date, done: true, feeling: d % 3 === 0 ? c.feeling : undefined },
          });
        }
      }
    }
    if (c.rebook) {
      const next = isoInZone(at(addDays(today, 3 + i * 2), 9 + i), timezone);
      await call('POST', `/api/v1/sessions/${session.id}/checkout`, { rebooked: true, startsAt: next, confirmOverlap: true });
    } else {
      await call('POST', `/api/v1/sessions/${session.id}/checkout`, {
        rebooked: false,
        reason: 'checking-schedule',
        note: 'Will book online',
      });
    }
    if (c.goal) {
      const goal = await call('POST', `/api/v1/clients/${client.id}/goals`, {
        statement: c.goal.statement,
        unit: c.goal.unit,
        baseline: c.goal.baseline,
        target: c.goal.target,
        targetDate: addDays(today, 122),
      });
      for (const value of c.goal.progress) await call('POST', `/api/v1/goals/${goal.id}/progress`, { value });
    }
    if (c.question) await http.inject({ method: 'POST', url: `/api/v1/portal/${token}/questions`, payload: { text: c.question } });
  }
}
