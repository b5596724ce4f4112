import { finished } from 'node:stream/promises';
import { type Options, Parser } from 'csv-parse';
import { type ImportField, phoneSchema } from '../../../shared/api/clients.js';
import { emailSchema } from '../../../shared/api/common.js';
import { AppError } from '../../http/errors.js';

/** Header names the common booking tools use, per field; matched case- and punctuation-blind. */
const KNOWN_HEADERS: Record<ImportField, string[]> = {
  firstName: ['first name', 'firstname', 'first', 'given name', 'client first name', 'customer first name'],
  lastName: ['last name', 'lastname', 'last', 'surname', 'family name', 'client last name', 'customer last name'],
  fullName: ['name', 'full name', 'client name', 'customer name', 'client', 'customer'],
  email: ['email', 'email address', 'e-mail', 'client email', 'customer email'],
  phone: ['phone', 'mobile', 'mobile phone', 'cell', 'cell phone', 'phone number', 'mobile number', 'telephone'],
  notes: ['notes', 'client notes', 'comments', 'note'],
};
const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

const CSV_OPTIONS: Options = { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, delimiter: [',', ';', '\t'] };
const SAMPLE_ROWS = 5;

export interface CheckedCsv {
  headers: string[];
  rowCount: number;
  /** The first few rows, to show before importing. */
  sample: Record<string, string>[];
}

const notCsv = (why: string) => new AppError(400, 'invalid_csv', why, { file: why });
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const valuesOf = (headers: string[], record: string[]) => Object.fromEntries(headers.map((h, i) => [h, record[i] ?? '']));

/** The text in pieces of 16 KB (a hundred rows or so), never splitting a surrogate pair (each half would become U+FFFD). */
function* piecesOf(text: string, size = 16 * 1024) {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield Buffer.from(text.slice(start, end));
    start = end;
  }
}

/** A parsed record and the line it ends on. */
interface CsvRecord {
  record: string[];
  line: number;
}

/**
 * csv-parse's stream parser, handing each record over the moment it is parsed, with the line it
 * ends on (`info.lines` is exact at that moment). Records queued in the stream, or csv-parse's
 * `info` objects, would outlive the young generation and grow the heap by tens of MB.
 */
class RecordParser extends Parser {
  constructor(private readonly onRecord: (parsed: CsvRecord) => void) {
    super(CSV_OPTIONS);
  }
  override push(record: string[] | null) {
    if (record) this.onRecord({ record, line: this.info.lines });
    return true;
  }
}

/**
 * The records of a CSV text (the header row first), a piece of the file at a time: no copy of the
 * file or list of all its records is made. Throws csv-parse's error for text that is not CSV.
 */
async function* csvPieces(text: string): AsyncGenerator<CsvRecord[]> {
  let records: CsvRecord[] = [];
  const parser = new RecordParser((parsed) => records.push(parsed));
  const done = finished(parser, { readable: false });
  done.catch(() => {}); // a parse error is thrown where the parser meets it
  for (const piece of piecesOf(text)) {
    parser.write(piece); // parses the piece now
    if (parser.errored) throw parser.errored;
    yield records;
    records = [];
  }
  parser.end();
  await done;
  if (records.length) yield records;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a CSV export through once, keeping only its header, row count and first rows; refuses,
 * with one message, anything that is not a usable CSV. Run before anything is saved, so a file
 * that breaks at row 90,000 changes nothing, as when the whole file was parsed in one go.
 */
export async function checkClientCsv(text: string): Promise<CheckedCsv> {
  const clean = withoutBom(text);
  if (!/\S/.test(clean)) throw notCsv('The file is empty.');
  if (clean.slice(0, 4096).includes('\u0000')) throw notCsv('This file is not a CSV file. Export your clients as CSV and try again.');
  let headers: string[] | null = null;
  let rowCount = 0;
  const sample: Record<string, string>[] = [];
  try {
    for await (const records of csvPieces(clean)) {
      for (const { record } of records) {
        if (!headers) headers = record.map((h) => h.trim());
        else if (rowCount++ < SAMPLE_ROWS) sample.push(valuesOf(headers, record));
      }
      await pause(); // other requests are served while a large file is read
    }
  } catch (err) {
    throw notCsv(`This file could not be read as CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  const found: string[] = headers ?? [];
  if (found.length < 1 || found.every((h) => !h)) throw notCsv('The file has no header row.');
  if (!suggestMapping(found).firstName && !suggestMapping(found).fullName) {
    throw notCsv('No name column found. The first row must name the columns, with one called "Name" or "First name".');
  }
  return { headers: found, rowCount, sample };
}

/** One row of the file with the line number a spreadsheet shows for it. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** The rows of a file `checkClientCsv` accepted, in order, a hundred or so at a time. */
export async function* clientCsvRows(text: string): AsyncGenerator<CsvRow[]> {
  let headers: string[] | null = null;
  for await (const records of csvPieces(withoutBom(text))) {
    const rows: CsvRow[] = [];
    for (const { record, line } of records) {
      if (!headers) headers = record.map((h) => h.trim());
      else rows.push({ line, values: valuesOf(headers, record) });
    }
    yield rows;
  }
}

export function suggestMapping(headers: string[]): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const [field, names] of Object.entries(KNOWN_HEADERS) as [ImportField, string[]][]) {
    const hit = headers.find((h) => names.some((n) => norm(n) === norm(h)));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

export interface ImportedClient {
  line: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

/** Turns one record into a client, or a reason a person can act on. */
export function readRow(
  values: Record<string, string>,
  mapping: Partial<Record<ImportField, string>>,
  line: number,
): ImportedClient | { reason: string } {
  const get = (f: ImportField) => (mapping[f] ? (values[mapping[f]!] ?? '').trim() : '');
  let firstName = get('firstName');
  let lastName = get('lastName');
  if (!firstName && get('fullName')) {
    const parts = get('fullName').split(/\s+/);
    firstName = parts[0];
    lastName ||= parts.slice(1).join(' ');
  }
  if (!firstName) return { reason: 'No name' };
  if (firstName.length > 80 || lastName.length > 80) return { reason: 'Name longer than 80 characters' };
  let email: string | null = null;
  if (get('email')) {
    const parsed = emailSchema.safeParse(get('email'));
    if (!parsed.success) return { reason: `Email "${get('email').slice(0, 60)}" is not an email address` };
    email = parsed.data;
  }
  let phone: string | null = null;
  if (get('phone')) {
    const parsed = phoneSchema.safeParse(get('phone'));
    if (!parsed.success) return { reason: `Phone "${get('phone').slice(0, 30)}" is not a phone number` };
    phone = parsed.data;
  }
  const notes = get('notes').slice(0, 2000) || null;
  return { line, firstName, lastName, email, phone, notes };
}
