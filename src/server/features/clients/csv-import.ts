import { parse } from 'csv-parse/sync';
import { emailSchema } from '../../../shared/api/common.js';
import { type ImportField, phoneSchema } from '../../../shared/api/clients.js';
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

export interface ParsedCsv {
  headers: string[];
  /** Each record with the line number a spreadsheet would show for it. */
  rows: { line: number; values: Record<string, string> }[];
}

const notCsv = (why: string) => new AppError(400, 'invalid_csv', why, { file: why });

/** Parses a CSV export; refuses, with one message, anything that is not a usable CSV. */
export function parseClientCsv(text: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) throw notCsv('The file is empty.');
  if (/\u0000/.test(clean.slice(0, 4096))) throw notCsv('This file is not a CSV file. Export your clients as CSV and try again.');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(clean, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
      delimiter: [',', ';', '\t'],
    }) as never;
  } catch (err) {
    throw notCsv(`This file could not be read as CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  const [head, ...body] = records;
  const headers = (head?.record ?? []).map((h) => h.trim());
  if (headers.length < 1 || headers.every((h) => !h)) throw notCsv('The file has no header row.');
  if (!suggestMapping(headers).firstName && !suggestMapping(headers).fullName) {
    throw notCsv('No name column found. The first row must name the columns, with one called "Name" or "First name".');
  }
  return {
    headers,
    rows: body.map(({ record, info }) => ({ line: info.lines, values: Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ''])) })),
  };
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
