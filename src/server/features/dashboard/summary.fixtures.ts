// Rows written straight into the database for the dashboard's hand-computed fixtures.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { doseColumns } from '../../db/stored.js';

export async function insertSession(
  db: Db,
  o: { practiceId: string; clientId: string; therapistId: string; date: string; rebooked: number | null },
) {
  const id = randomUUID();
  const at = `${o.date}T12:00:00.000Z`;
  await db
    .insertInto('session_records')
    .values({
      id,
      practice_id: o.practiceId,
      client_id: o.clientId,
      therapist_id: o.therapistId,
      date: o.date,
      areas_worked: '[]',
      areas_more_time: '[]',
      findings: '[]',
      focus_complaints: '[]',
      notes: null,
      created_at: at,
      updated_at: at,
      rebooked: o.rebooked,
      not_rebooked_reason: null,
      not_rebooked_note: null,
    })
    .execute();
  return id;
}

export async function insertHomework(
  db: Db,
  o: {
    practiceId: string;
    clientId: string;
    sessionId: string;
    exerciseId: string;
    assignedBy: string;
    assigned: string;
    ended: string | null;
    demonstrated: boolean;
    daysPerWeek: number;
  },
) {
  const id = randomUUID();
  await db
    .insertInto('homework')
    .values({
      id,
      practice_id: o.practiceId,
      client_id: o.clientId,
      session_id: o.sessionId,
      exercise_id: o.exerciseId,
      exercise: JSON.stringify({ name: o.exerciseId }),
      ...doseColumns({ reps: 5, daysPerWeek: o.daysPerWeek }),
      note: null,
      status: o.ended ? 'retired' : 'active',
      override_reason: null,
      assigned_by: o.assignedBy,
      assigned_at: `${o.assigned}T12:00:00.000Z`,
      demonstrated_at: o.demonstrated ? `${o.assigned}T12:05:00.000Z` : null,
      ended_at: o.ended ? `${o.ended}T12:00:00.000Z` : null,
      progressed_to: null,
    })
    .execute();
  return { id, clientId: o.clientId };
}

export function insertCheckIn(
  db: Db,
  o: {
    practiceId: string;
    homework: { id: string; clientId: string };
    date: string;
    done: boolean;
    feeling: 'better' | 'same' | 'worse' | null;
  },
) {
  return db
    .insertInto('check_ins')
    .values({
      id: randomUUID(),
      practice_id: o.practiceId,
      client_id: o.homework.clientId,
      homework_id: o.homework.id,
      date: o.date,
      done: o.done ? 1 : 0,
      feeling: o.feeling,
      note: null,
      created_at: `${o.date}T20:00:00.000Z`,
      updated_at: `${o.date}T20:00:00.000Z`,
    })
    .execute();
}
