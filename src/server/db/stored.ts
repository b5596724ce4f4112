import { type Intake, intakeSchema } from '../../shared/api/clients.js';

// JSON documents kept in text columns, read back through one checked reader per shape: a row
// written by an older version, by hand or by a bug becomes a value the code can rely on, or a clear
// error naming what is wrong, never a property of undefined somewhere far away.

/** Unknown keys from an older version are dropped rather than refused when reading back. */
const storedIntake = intakeSchema.strip();

function parseStoredJson(what: string, text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`Stored ${what} is not JSON`);
  }
}

/** A client's intake as stored; missing, empty or `{}` is an empty intake with every list empty. */
export function readIntake(text: string | null | undefined): Intake {
  const parsed = storedIntake.safeParse(parseStoredJson('intake', text) ?? {});
  if (!parsed.success)
    throw new Error(`Stored intake does not fit its schema: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}
