import { randomUUID } from 'node:crypto';
import type { Intake } from '../../../shared/api/clients.js';
import type { Exercise } from '../../../shared/api/exercises.js';
import type { Dose } from '../../../shared/exercise.js';
import { CAUTIONS } from '../../../shared/vocabulary.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { HomeworkTable } from '../../db/schema.js';
import { doseColumns, readIntake } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { AppError, conflict } from '../../http/errors.js';
import { audit } from '../clients/clients.repository.js';

export interface AssignOptions {
  db: Db;
  clock: Clock;
  auth: Auth;
  client: { id: string; first_name: string; intake: string };
  sessionId: string | null;
  exercise: Exercise;
  dose?: Dose;
  note?: string;
  overrideReason?: string;
  cap: number;
  /**
   * An active item of this client ended in the same transaction, so it does not count against the
   * cap: moved on to a harder version (progressed) or swapped for this one (retired).
   */
  replacing?: { id: string; as: 'progressed' | 'retired' };
}

/** The cautions of this client that exclude the item, as words. */
export function excludingCautions(exercise: Exercise, intake: Intake) {
  return exercise.excludedBy.filter((c) => intake.cautions.includes(c)).map((c) => CAUTIONS[c].toLowerCase());
}

/**
 * Gives a client one homework item, holding the practice's cap even when two requests arrive
 * at once: the first statement updates the client's row, which on PostgreSQL makes a second
 * transaction for the same client wait until this one commits (SQLite runs them one at a time).
 */
export async function assignHomework(o: AssignOptions): Promise<HomeworkTable> {
  const intake = readIntake(o.client.intake);
  const excludedBy = excludingCautions(o.exercise, intake);
  if (excludedBy.length) {
    const owner = o.auth.member?.role === 'owner';
    if (!o.overrideReason || !owner) {
      throw new AppError(
        422,
        'excluded_by_caution',
        `${o.exercise.name} is not safe with ${excludedBy.join(' or ')}. Choose another item${owner ? ', or give a reason to override' : ''}.`,
        { exerciseId: `Excluded by ${excludedBy.join(', ')}` },
      );
    }
  }
  const now = o.clock.now().toISOString();
  const { favourite: _f, ...snapshot } = o.exercise;
  const row: HomeworkTable = {
    id: randomUUID(),
    practice_id: o.auth.practiceId,
    client_id: o.client.id,
    session_id: o.sessionId,
    exercise_id: o.exercise.id,
    exercise: JSON.stringify(snapshot),
    ...doseColumns(o.dose ?? o.exercise.dose),
    note: o.note ?? null,
    status: 'active',
    override_reason: excludedBy.length ? (o.overrideReason ?? null) : null,
    assigned_by: o.auth.member?.id ?? null,
    assigned_at: now,
    demonstrated_at: null,
    ended_at: null,
    progressed_to: null,
  };
  await o.db.transaction().execute(async (trx) => {
    await trx.updateTable('clients').set({ updated_at: now }).where('id', '=', o.client.id).execute();
    if (o.replacing) {
      // Conditional on still being active: of two requests ending the same item, the second ends nothing.
      const ended = await trx
        .updateTable('homework')
        .set({ status: o.replacing.as, ended_at: now, progressed_to: o.replacing.as === 'progressed' ? row.id : null })
        .where('id', '=', o.replacing.id)
        .where('client_id', '=', o.client.id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) !== 1) {
        throw conflict(
          `That item was changed a moment ago. Look at ${o.client.first_name}’s items again and choose once more.`,
          'replaced_already',
        );
      }
    }
    const active = await trx
      .selectFrom('homework')
      .select(['exercise_id'])
      .where('client_id', '=', o.client.id)
      .where('status', '=', 'active')
      .execute();
    if (active.some((a) => a.exercise_id === o.exercise.id)) {
      throw conflict(`${o.client.first_name} already has ${o.exercise.name}. Change its dose instead.`, 'already_assigned');
    }
    if (active.length >= o.cap) {
      throw conflict(
        `${o.client.first_name} already has ${active.length} active item${active.length === 1 ? '' : 's'}, the most your practice gives at once. Retire or progress one to add this.`,
        'homework_cap',
      );
    }
    await trx.insertInto('homework').values(row).execute();
    await audit(
      trx,
      o.auth,
      {
        practiceId: o.auth.practiceId,
        clientId: o.client.id,
        action: `${o.replacing?.as === 'retired' ? 'replaced homework' : 'assigned homework'}${excludedBy.length ? ' over a caution' : ''}`,
      },
      now,
    );
  });
  return row;
}
