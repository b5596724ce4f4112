import type { z } from 'zod';
import type { ImportField, Intake, importResult } from '../../../shared/api/clients.js';
import type { Db } from '../../db/index.js';
import type { ClientTable } from '../../db/schema.js';
import type { Auth } from '../../http/auth.js';
import { audit, type ClientFields, clientRow, searchTextOf, visibleClients, withUniqueReferralCodes } from './clients.repository.js';
import { type CsvRow, clientCsvRows, type ImportedClient, readRow } from './csv-import.js';

/**
 * Rows per transaction. On SQLite a transaction holds the one connection, so other requests wait
 * for it: 5,000 rows hold it for at most about 0.3 s on a table of 140,000 clients, where one
 * transaction for the whole file held it for the whole import (7 s). Smaller transactions wait
 * less but cost more: each commit rewrites the pages of the random-keyed indexes (id, referral
 * code) it touched, and with 1,000 rows a 140,000-row import took a third longer than before.
 */
const ROWS_PER_TRANSACTION = 5000;
/** Most rows (or emails) per statement; the parameters stay far below SQLite's and PostgreSQL's limits. */
const MOST_PER_STATEMENT = 256;

type ImportResult = z.infer<typeof importResult>;
type RowError = ImportResult['errors'][number];
type Existing = Pick<ClientTable, 'id' | 'email' | 'first_name' | 'last_name' | 'phone'>;

/**
 * A batch failed after earlier ones were saved: they stay saved. The user is told how far it got,
 * and that importing the same file again finishes it: clients are matched by email, so those
 * already saved come back as unchanged, not as duplicates (a row without an email is added again).
 */
export class ImportStopped extends Error {
  constructor(atRow: number, created: number, updated: number, cause: unknown) {
    super(
      `The import stopped at row ${atRow}, after adding ${created} and updating ${updated} clients. ` +
        'Import the same file again to finish: clients already saved are matched by email, not added twice.',
      { cause },
    );
  }
}

/**
 * Adds and updates clients from a CSV file `checkClientCsv` accepted, a few thousand rows per
 * transaction; returns the counts and every row not imported, with its row number and why.
 */
export async function importClients(
  db: Db,
  opts: { auth: Auth; csv: string; mapping: Partial<Record<ImportField, string>>; now: string },
): Promise<ImportResult> {
  const { auth, mapping, now } = opts;
  const counts = { total: 0, created: 0, updated: 0, unchanged: 0 };
  // Unreadable rows first, then rows naming a colleague's client: the order the one-transaction import reported them in.
  const unreadable: RowError[] = [];
  const refused: RowError[] = [];
  const seen = new Map<string, number>();
  const clientsIn = (rows: CsvRow[]) => {
    const good: ImportedClient[] = [];
    for (const { line, values } of rows) {
      const read = readRow(values, mapping, line);
      if ('reason' in read) unreadable.push({ row: line, reason: read.reason });
      else if (read.email && seen.has(read.email)) unreadable.push({ row: line, reason: `Same email as row ${seen.get(read.email)}` });
      else {
        if (read.email) seen.set(read.email, line);
        good.push(read);
      }
    }
    counts.total += rows.length;
    return good;
  };

  const pieces = clientCsvRows(opts.csv);
  let savedThrough = 1; // the header's line
  for (let more = true; more; ) {
    const open = { created: 0, updated: 0, unchanged: 0, refused: [] as RowError[], firstRow: 0, lastRow: 0 };
    try {
      await db.transaction().execute(async (trx) => {
        // Each piece of the file (a hundred rows or so) is saved as soon as it is read, so its
        // objects die young: holding rows longer, even a few hundred, sometimes got them tenured.
        for (let rows = 0; rows < ROWS_PER_TRANSACTION; ) {
          const next = await pieces.next();
          if (next.done) {
            more = false;
            return;
          }
          rows += next.value.length;
          open.firstRow ||= next.value[0]?.line ?? 0;
          open.lastRow = next.value.at(-1)?.line ?? open.lastRow;
          const good = clientsIn(next.value);
          if (!good.length) continue;
          const saved = await saveRows(trx, auth, good, now);
          open.created += saved.created;
          open.updated += saved.updated;
          open.unchanged += saved.unchanged;
          open.refused.push(...saved.refused);
        }
      });
    } catch (err) {
      // Nothing changed yet: the plain error (a 500 quoting the request id), as when it was one transaction.
      if (!counts.created && !counts.updated) throw err;
      const atRow = open.firstRow || savedThrough + 1;
      await auditImport(db, auth, counts, now, ` before it stopped at row ${atRow}`).catch(() => {});
      throw new ImportStopped(atRow, counts.created, counts.updated, err);
    }
    savedThrough = open.lastRow || savedThrough;
    counts.created += open.created;
    counts.updated += open.updated;
    counts.unchanged += open.unchanged;
    refused.push(...open.refused);
    // Requests that arrived meanwhile run now (on SQLite they were waiting for the connection).
    await new Promise(setImmediate);
  }
  await auditImport(db, auth, counts, now);
  return { ...counts, errors: [...unreadable, ...refused] };
}

const auditImport = (db: Db, auth: Auth, counts: { created: number; updated: number }, now: string, stopped = '') =>
  audit(
    db,
    auth,
    {
      practiceId: auth.practiceId,
      clientId: null,
      action: `imported ${counts.created} new and updated ${counts.updated} clients from CSV${stopped}`,
    },
    now,
  );

/** Saves rows: a new client per unknown email (or no email), an update for a known one the caller may see. */
async function saveRows(trx: Db, auth: Auth, good: ImportedClient[], now: string) {
  const existing = new Map<string, Existing>();
  const emails: string[] = [];
  for (const c of good) if (c.email) emails.push(c.email);
  for (const part of inFixedSizes(emails)) {
    const rows = await trx
      .selectFrom('clients')
      .select(['id', 'email', 'first_name', 'last_name', 'phone'])
      .where('practice_id', '=', auth.practiceId)
      .where('email', 'in', part)
      .execute();
    for (const row of rows) existing.set(row.email!, row);
  }
  // A therapist updates only their own clients: a colleague's client with that email is refused, as POST /clients refuses it.
  const visible = new Set<string>();
  // By email, not id: without statistics SQLite answers `id in (…)` here by scanning the practice's clients.
  for (const part of inFixedSizes([...existing.keys()])) {
    const rows = await visibleClients(trx.selectFrom('clients').select('clients.id'), auth).where('clients.email', 'in', part).execute();
    for (const row of rows) visible.add(row.id);
  }

  const therapistId = auth.member?.id ?? null;
  const unknown: ImportedClient[] = [];
  const refused: RowError[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const c of good) {
    const before = c.email ? existing.get(c.email) : undefined;
    if (before && !visible.has(before.id)) {
      refused.push({ row: c.line, reason: 'Another client in your practice already has this email' });
      continue;
    }
    if (!before) {
      unknown.push(c);
      continue;
    }
    const changes = { first_name: c.firstName, last_name: c.lastName || before.last_name, phone: c.phone ?? before.phone };
    if (changes.first_name === before.first_name && changes.last_name === before.last_name && changes.phone === before.phone) {
      unchanged++;
      continue;
    }
    await trx
      .updateTable('clients')
      .set({ ...changes, search_text: searchTextOf({ ...before, ...changes }), updated_at: now })
      .where('id', '=', before.id)
      .execute();
    updated++;
  }
  const fresh = newClientRows(auth.practiceId, therapistId, unknown, now);
  await withUniqueReferralCodes(trx, fresh);
  for (const part of inFixedSizes(fresh)) await trx.insertInto('clients').values(part).execute();
  return { created: fresh.length, updated, unchanged, refused };
}

/**
 * Builds the rows for new clients. One fields object is refilled per row (clientRow copies what it
 * needs and stringifies the intake): V8 tenures these short-lived literals here, and they were the
 * largest part of what a big import left in the old generation (about 80 MB for 140,000 rows).
 */
function newClientRows(practiceId: string, therapistId: string | null, clients: ImportedClient[], now: string) {
  const intake: Intake = { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [], complaintNotes: null };
  const fields: ClientFields = { firstName: '', lastName: '', email: null, phone: null, consentToEmail: false, intake };
  return clients.map((c) => {
    fields.firstName = c.firstName;
    fields.lastName = c.lastName;
    fields.email = c.email;
    fields.phone = c.phone;
    intake.complaintNotes = c.notes;
    return clientRow(practiceId, therapistId, fields, now);
  });
}

/**
 * Splits a list into parts of 256, 128, … 1 items. SQLite statements are prepared once per SQL
 * text and cached (db/index.ts): a handful of sizes reuse a handful of statements, where a part of
 * any size would prepare and cache a new large statement per batch.
 */
function* inFixedSizes<T>(items: T[]): Generator<T[]> {
  let start = 0;
  for (let size = MOST_PER_STATEMENT; size >= 1; size >>= 1) {
    for (; items.length - start >= size; start += size) yield items.slice(start, start + size);
  }
}
