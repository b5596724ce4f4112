import { z } from 'zod';
import { areaSchema, findingSchema, type Intake, intakeSchema } from '../../shared/api/clients.js';
import { exerciseSchema } from '../../shared/api/exercises.js';
import { type Dose, doseSchema, exerciseContentSchema } from '../../shared/exercise.js';
import { complaintSlugs } from '../../shared/vocabulary.js';

// JSON documents kept in text columns, read back through one checked reader per shape: a row
// written by an older version, by hand or by a bug becomes a value the code can rely on, or a clear
// error naming what is wrong, never a property of undefined somewhere far away.
// Each reader throws StoredDocumentError; where one bad row must not break a whole list, the caller
// reads it with `readOr` and a fallback (decision 027). Values that are queried are columns, written
// beside their document by the `…Columns` writers below.

/** A stored document that is not JSON or does not fit its shape. The message names paths, never values. */
export class StoredDocumentError extends Error {}

/** Where a failed check is reported: the app's log once buildApp has set it. */
let warn: (entry: { what: string; id: string | undefined; problem: string }) => void = () => {};

/** Sends "a stored document failed its check" warnings to this log (kind, row id and paths only: no health data). */
export function reportStoredProblemsTo(log: { warn(obj: object, msg: string): void }) {
  warn = (entry) => log.warn(entry, 'a stored document failed its check; a fallback was used');
}

function parseStoredJson(what: string, text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new StoredDocumentError(`Stored ${what} is not JSON`);
  }
}

/** A reader for one shape; `empty` is what a missing or blank document reads as (none: it is an error). */
export function checkedReader<T>(what: string, schema: z.ZodType<T>, empty?: () => unknown) {
  return (text: string | null | undefined): T => {
    let value = parseStoredJson(what, text);
    if (value === undefined || value === null) {
      if (!empty) throw new StoredDocumentError(`Stored ${what} is missing`);
      value = empty();
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new StoredDocumentError(
        `Stored ${what} does not fit its schema: ${parsed.error.issues.map((i) => i.path.join('.') || '(the whole document)').join(', ')}`,
      );
    return parsed.data;
  };
}

/**
 * Reads with a fallback for one row: a document that fails its check is logged by what it is and
 * its row id (never its content), and the fallback stands in, so one bad row does not break a list.
 */
export function readOr<T>(
  read: (text: string | null | undefined) => T,
  text: string | null | undefined,
  fallback: () => T,
  where: { what: string; id?: string },
): T {
  try {
    return read(text);
  } catch (err) {
    if (!(err instanceof StoredDocumentError)) throw err;
    warn({ what: where.what, id: where.id, problem: err.message });
    return fallback();
  }
}

/**
 * A client's intake as stored; missing, empty or `{}` is an empty intake with every list empty.
 * Unknown keys from an older version are dropped rather than refused. It has no fallback: it
 * holds the client's health cautions, and a broken one must not read as "no cautions".
 */
export const readIntake: (text: string | null | undefined) => Intake = checkedReader('intake', intakeSchema.strip(), () => ({}));

/** The intake's text and the columns kept from it; every write of an intake goes through this. */
export const intakeColumns = (intake: Intake) => ({
  intake: JSON.stringify(intake),
  referred_by_client_id: intake.referredByClientId ?? null,
});

/** A homework item's dose. */
export const readDose: (text: string | null | undefined) => Dose = checkedReader('dose', doseSchema.strip());

/** The dose's text and the column kept from it; every write of a dose goes through this. */
export const doseColumns = (dose: Dose) => ({ dose: JSON.stringify(dose), days_per_week: dose.daysPerWeek });

/** The item as it was when given: its drawing fields are drawn again on reading, so they may be absent. */
const exerciseSnapshotSchema = exerciseSchema
  .omit({ favourite: true, drawingUrl: true, drawingAlt: true, drawingSize: true })
  .extend({ media: exerciseSchema.shape.media.default([]) })
  .strip();
export type ExerciseSnapshot = z.infer<typeof exerciseSnapshotSchema>;
export const readExerciseSnapshot: (text: string | null | undefined) => ExerciseSnapshot = checkedReader(
  'homework item',
  exerciseSnapshotSchema,
);

/** Only the name of a stored item (a homework snapshot or a custom item), for lines that name it. */
const readItemNameOnly = checkedReader(
  'item name',
  z.object({ name: z.string().min(1) }).transform((i) => i.name),
);
/** The item's name, or "an item" when the stored document has none. */
export const itemNameOf = (text: string | null | undefined, id?: string) =>
  readOr(readItemNameOnly, text, () => 'an item', { what: 'item name', id });

/** A session's areas (worked, or needing more time). */
export const readAreas = checkedReader('session areas', z.array(areaSchema.strip()), () => []);
/** A session's findings. */
export const readFindings = checkedReader('session findings', z.array(findingSchema.strip()), () => []);
/** A session's focus complaints. */
export const readComplaints = checkedReader('session complaints', z.array(z.enum(complaintSlugs)), () => []);

/** A list of ids or words kept as JSON text (a pack's items, a request's preferred times). */
export const readStringList = checkedReader('list', z.array(z.string()), () => []);

/** The files an outbox mail carries. */
export const readMailAttachments = checkedReader(
  'mail attachments',
  z.array(z.object({ filename: z.string(), contentType: z.string(), storageKey: z.string(), cid: z.string().optional() }).strip()),
  () => [],
);
/** The extra headers of an outbox mail. */
export const readMailHeaders = checkedReader('mail headers', z.record(z.string(), z.string()), () => ({}));

/**
 * A homework row's item and dose as given. A dose that no longer reads falls back to its days a
 * week (a column); an item that no longer reads gives null, logged, so a list leaves that one out.
 */
export function readGivenItem(row: { id: string; exercise: string; dose: string; days_per_week: number }) {
  const exercise = readOr<ExerciseSnapshot | null>(readExerciseSnapshot, row.exercise, () => null, {
    what: 'homework item',
    id: row.id,
  });
  if (!exercise) return null;
  const dose = readOr(readDose, row.dose, () => ({ daysPerWeek: row.days_per_week }), { what: 'dose', id: row.id });
  return { exercise, dose };
}

/** A session's marked areas, findings and focus complaints; a list that no longer reads is empty (logged). */
export function readSessionLists(s: {
  id: string;
  areas_worked: string;
  areas_more_time: string;
  findings: string;
  focus_complaints: string;
}) {
  const where = (what: string) => ({ what, id: s.id });
  return {
    areasWorked: readOr(readAreas, s.areas_worked, () => [], where('session areas worked')),
    areasNeedingMoreTime: readOr(readAreas, s.areas_more_time, () => [], where('session areas needing more time')),
    findings: readOr(readFindings, s.findings, () => [], where('session findings')),
    focusComplaints: readOr(readComplaints, s.focus_complaints, () => [], where('session complaints')),
  };
}

/** A practice's own item as stored (unknown keys from an older version dropped). */
export const readCustomItem = checkedReader('custom item', exerciseContentSchema.strip());
