import type { Db } from '../../db/index.js';
import type { ClientTable } from '../../db/schema.js';
import { presentClient } from './clients.repository.js';
import { presentSession } from './sessions.repository.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

/** A photo or video of the client's homework, and where it sits inside the zip export. */
export interface ExportedMedia {
  id: string;
  homeworkId: string;
  kind: 'image' | 'video';
  mime: string;
  bytes: number;
  createdAt: string;
  /** The file's name inside `?format=zip`; the JSON alone lists it without the bytes. */
  fileName: string;
  storageKey: string;
}

// An export must hold what is stored even when a document in it no longer parses: keep its text.
function storedDocument(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Everything the practice holds about one client, as a privacy request needs it: every kind of
 * record, the mail sent about them and who looked at the record. The caller has checked access.
 */
export async function collectClientExport(db: Db, client: ClientTable, exportedAt: string) {
  const clientId = client.id;
  const [sessions, homework, media, checkIns, goals, progress, appointments, bookingRequests, questions, emails, accessLog] =
    await Promise.all([
      db.selectFrom('session_records').selectAll().where('client_id', '=', clientId).orderBy('date').execute(),
      db.selectFrom('homework').selectAll().where('client_id', '=', clientId).orderBy('assigned_at').execute(),
      db
        .selectFrom('homework_media as m')
        .innerJoin('homework as h', 'h.id', 'm.homework_id')
        .select(['m.id', 'm.homework_id', 'm.kind', 'm.mime', 'm.bytes', 'm.storage_key', 'm.created_at'])
        .where('h.client_id', '=', clientId)
        .orderBy('m.created_at')
        .execute(),
      db.selectFrom('check_ins').selectAll().where('client_id', '=', clientId).orderBy('date').execute(),
      db.selectFrom('goals').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute(),
      db.selectFrom('goal_progress').selectAll().where('client_id', '=', clientId).orderBy('recorded_at').execute(),
      db.selectFrom('appointments').selectAll().where('client_id', '=', clientId).orderBy('starts_at').execute(),
      db.selectFrom('booking_requests').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute(),
      db.selectFrom('questions').selectAll().where('client_id', '=', clientId).orderBy('asked_at').execute(),
      db
        .selectFrom('emails')
        .select(['to_address', 'subject', 'text_body', 'status', 'last_error', 'created_at', 'sent_at'])
        .where('client_id', '=', clientId)
        .orderBy('created_at')
        .execute(),
      db.selectFrom('audit_log').select(['actor', 'action', 'at']).where('client_id', '=', clientId).orderBy('at').execute(),
    ]);

  const mediaList: ExportedMedia[] = media.map((m) => ({
    id: m.id,
    homeworkId: m.homework_id,
    kind: m.kind,
    mime: m.mime,
    bytes: Number(m.bytes),
    createdAt: m.created_at,
    fileName: `media/${m.id}.${EXTENSIONS[m.mime] ?? 'bin'}`,
    storageKey: m.storage_key,
  }));

  const document = {
    exportedAt,
    client: presentClient(client),
    sessions: sessions.map(presentSession),
    homework: homework.map((h) => ({
      id: h.id,
      sessionId: h.session_id,
      exerciseId: h.exercise_id,
      item: storedDocument(h.exercise),
      dose: h.dose,
      note: h.note,
      status: h.status,
      overrideReason: h.override_reason,
      assignedAt: h.assigned_at,
      demonstratedAt: h.demonstrated_at,
      endedAt: h.ended_at,
      progressedTo: h.progressed_to,
    })),
    checkIns: checkIns.map((c) => ({
      id: c.id,
      homeworkId: c.homework_id,
      date: c.date,
      done: c.done === 1,
      feeling: c.feeling,
      note: c.note,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    goals: goals.map((g) => ({
      id: g.id,
      statement: g.statement,
      unit: g.unit,
      baseline: g.baseline,
      target: g.target,
      targetDate: g.target_date,
      achievedAt: g.achieved_at,
      createdAt: g.created_at,
      progress: progress
        .filter((p) => p.goal_id === g.id)
        .map((p) => ({ id: p.id, value: p.value, note: p.note, recordedBy: p.recorded_by, recordedAt: p.recorded_at })),
    })),
    appointments: appointments.map((a) => ({
      id: a.id,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      durationMinutes: a.duration_minutes,
      timezone: a.timezone,
      status: a.status,
      sessionId: a.session_id,
      homeworkReport: a.homework_report,
      createdAt: a.created_at,
    })),
    bookingRequests: bookingRequests.map((b) => ({
      id: b.id,
      name: b.name,
      email: b.email,
      phone: b.phone,
      preferredTimes: storedDocument(b.preferred_times),
      message: b.message,
      status: b.status,
      appointmentId: b.appointment_id,
      createdAt: b.created_at,
    })),
    questions: questions.map((q) => ({ id: q.id, text: q.text, askedAt: q.asked_at, answer: q.answer, answeredAt: q.answered_at })),
    media: mediaList.map(({ storageKey: _key, ...m }) => m),
    emails,
    accessLog,
  };
  return { document, media: mediaList };
}
