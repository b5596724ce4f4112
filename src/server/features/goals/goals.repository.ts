import type { Goal } from '../../../shared/api/goals.js';
import type { Db } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';

/** A client's goals with their progress, oldest entry first (the chart reads left to right). */
const goalsOfClient = prepared((db, param: (name: 'clientId') => never) =>
  db.selectFrom('goals').selectAll().where('client_id', '=', param('clientId')).orderBy('created_at'),
);
const progressOfClient = prepared((db, param: (name: 'clientId') => never) =>
  db.selectFrom('goal_progress').selectAll().where('client_id', '=', param('clientId')).orderBy('recorded_at'),
);

/** A client's goals as the API shows them. */
export async function goalsOf(db: Db, clientId: string): Promise<Goal[]> {
  const goals = await goalsOfClient.all(db, { clientId });
  const entries = goals.length ? await progressOfClient.all(db, { clientId }) : [];
  return goals.map((g) => ({
    id: g.id,
    clientId: g.client_id,
    statement: g.statement,
    unit: g.unit,
    baseline: g.baseline === null ? null : Number(g.baseline),
    target: g.target === null ? null : Number(g.target),
    targetDate: g.target_date,
    achievedAt: g.achieved_at,
    createdAt: g.created_at,
    progress: entries
      .filter((e) => e.goal_id === g.id)
      .map((e) => ({ value: Number(e.value), note: e.note, recordedBy: e.recorded_by, recordedAt: e.recorded_at })),
  }));
}
