import type { Homework } from '../../../shared/api/homework.js';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import type { HomeworkTable } from '../../db/schema.js';
import { type ExerciseSnapshot, readGivenItem } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { visibleClients } from '../clients/clients.repository.js';
import { drawingFields } from '../library/drawing-files.js';

export async function presentHomework(db: Db, rows: HomeworkTable[]): Promise<Homework[]> {
  const ids = rows.map((r) => r.id);
  const media = ids.length
    ? await db.selectFrom('homework_media').selectAll().where('homework_id', 'in', ids).orderBy('created_at').execute()
    : [];
  return rows.flatMap((r) => {
    const given = readGivenItem(r);
    return given ? [presentOne(r, given, media)] : [];
  });
}

function presentOne(
  r: HomeworkTable,
  given: NonNullable<ReturnType<typeof readGivenItem>>,
  media: { id: string; homework_id: string; kind: 'image' | 'video'; mime: string }[],
): Homework {
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    exerciseId: r.exercise_id,
    exercise: withDrawing(given.exercise),
    dose: given.dose,
    note: r.note,
    status: r.status,
    overrideReason: r.override_reason,
    assignedAt: r.assigned_at,
    demonstratedAt: r.demonstrated_at,
    endedAt: r.ended_at,
    progressedTo: r.progressed_to,
    media: media
      .filter((m) => m.homework_id === r.id)
      .map((m) => ({ id: m.id, kind: m.kind, mime: m.mime, url: `/api/v1/homework-media/${m.id}` })),
  };
}

/** The snapshot's drawing as it draws today: snapshots from before drawings had none, and the hash moves with the renderer. */
function withDrawing(snapshot: ExerciseSnapshot): Homework['exercise'] {
  return { ...snapshot, ...drawingFields(snapshot) };
}

const activeOfClient = prepared((db, param: (name: 'clientId') => never) =>
  db.selectFrom('homework').selectAll().where('client_id', '=', param('clientId')).where('status', '=', 'active').orderBy('assigned_at'),
);

/** A client's active homework, oldest first (read on every client-page request, so built once). */
export const activeHomework = (db: Db, clientId: string) => activeOfClient.all(db, { clientId });

/** The homework row if its client is visible to this caller; 404 otherwise. */
export async function findVisibleHomework(db: Db, auth: Auth, id: string): Promise<HomeworkTable> {
  const row = await db
    .selectFrom('homework')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', auth.practiceId)
    .executeTakeFirst();
  const visible =
    row && (await visibleClients(db.selectFrom('clients').select('id'), auth).where('clients.id', '=', row.client_id).executeTakeFirst());
  if (!row || !visible) throw notFound('That homework item');
  return row;
}

/** How each item this client had went: check-ins done and how they felt, for the suggestions. */
export async function homeworkHistory(db: Db, clientId: string) {
  const rows = await db.selectFrom('homework').select(['id', 'exercise_id', 'status']).where('client_id', '=', clientId).execute();
  if (!rows.length) return [];
  const checkIns = await db.selectFrom('check_ins').select(['homework_id', 'done', 'feeling']).where('client_id', '=', clientId).execute();
  const byExercise = new Map<
    string,
    { exerciseId: string; felt: { better: number; same: number; worse: number }; doneDays: number; active: boolean }
  >();
  for (const hw of rows) {
    const entry = byExercise.get(hw.exercise_id) ?? {
      exerciseId: hw.exercise_id,
      felt: { better: 0, same: 0, worse: 0 },
      doneDays: 0,
      active: false,
    };
    entry.active ||= hw.status === 'active';
    for (const c of checkIns.filter((c) => c.homework_id === hw.id)) {
      if (c.done) entry.doneDays++;
      if (c.feeling) entry.felt[c.feeling]++;
    }
    byExercise.set(hw.exercise_id, entry);
  }
  return [...byExercise.values()];
}
