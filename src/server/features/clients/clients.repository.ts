import { randomInt, randomUUID } from 'node:crypto';
import type { SelectQueryBuilder } from 'kysely';
import type { Client, Intake } from '../../../shared/api/clients.js';
import type { ConsentVia } from '../../../shared/api/email-consent.js';
import type { ReminderRhythm } from '../../../shared/api/portal.js';
import type { Db } from '../../db/index.js';
import type { ClientTable, Database } from '../../db/schema.js';
import { intakeColumns, readIntake } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { consentAfter } from './email-consent.js';

/** Limits a clients query to what this caller may see: their practice, and a therapist's own clients. */
export function visibleClients<O>(qb: SelectQueryBuilder<Database, 'clients', O>, auth: Auth) {
  let q = qb.where('clients.practice_id', '=', auth.practiceId);
  if (auth.member?.role === 'therapist') q = q.where('clients.therapist_id', '=', auth.member.id);
  return q;
}

/** The client row if this caller may see it; 404 otherwise (never 403: existence is not revealed). */
export async function findVisibleClient(db: Db, auth: Auth, id: string): Promise<ClientTable> {
  const row = await visibleClients(db.selectFrom('clients').selectAll(), auth).where('clients.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('That client');
  return row;
}

export const searchTextOf = (c: { first_name: string; last_name: string; email: string | null; phone: string | null }) =>
  [c.first_name, c.last_name, c.email ?? '', (c.phone ?? '').replace(/\D/g, '')].join(' ').toLowerCase();

export function presentClient(row: ClientTable, lastSessionDate: string | null = null): Client {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    timezone: row.timezone,
    consentToEmail: row.consent_to_email === 1,
    remindersConsent:
      row.consent_to_email === 1 && row.reminders_consent_at && row.reminders_consent_via
        ? { at: row.reminders_consent_at, via: row.reminders_consent_via }
        : null,
    reminderRhythm: row.reminder_rhythm,
    therapistId: row.therapist_id,
    archived: row.archived_at !== null,
    intake: readIntake(row.intake),
    intakeCompletedAt: row.intake_completed_at,
    unsubscribedAt: row.unsubscribed_at,
    lastSessionDate,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An API key's audit name: its name and the prefix shown in the key list, never the secret. */
function apiKeyActor(auth: Auth | null) {
  return auth?.apiKey ? `API key "${auth.apiKey.name}" (${auth.apiKey.prefix}…)` : 'API key';
}

/** Records who looked at or changed a client; the owner reads it. Never stores what was seen. */
export async function audit(
  db: Db,
  auth: Auth | null,
  entry: { practiceId: string; clientId: string | null; action: string; actor?: string },
  at: string,
) {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      practice_id: entry.practiceId,
      member_id: auth?.member?.id ?? null,
      actor: entry.actor ?? auth?.member?.name ?? apiKeyActor(auth),
      client_id: entry.clientId,
      action: entry.action,
      at,
    })
    .execute();
}

export type ClientFields = {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  timezone?: string | null;
  consentToEmail: boolean;
  /** How the agreement was given, when consentToEmail is true (default: the therapist recorded it). */
  consentVia?: ConsentVia;
  reminderRhythm?: ReminderRhythm | null;
  intake: Intake;
};

export function clientRow(practiceId: string, therapistId: string | null, f: ClientFields, now: string): ClientTable {
  const base = { first_name: f.firstName, last_name: f.lastName, email: f.email ?? null, phone: f.phone ?? null };
  return {
    id: randomUUID(),
    practice_id: practiceId,
    therapist_id: therapistId,
    ...base,
    timezone: f.timezone ?? null,
    ...consentAfter(null, f.consentToEmail, f.consentVia ?? 'therapist', now),
    ...intakeColumns(f.intake),
    intake_completed_at: null,
    search_text: searchTextOf(base),
    archived_at: null,
    created_at: now,
    updated_at: now,
    reminder_rhythm: f.reminderRhythm ?? null,
    unsubscribed_at: null,
    referral_code: newReferralCode(),
    lapse_mailed_at: null,
    referral_thanked_at: null,
  };
}

// No 0/O or 1/I/L: the code is read aloud and typed from paper.
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A short share code a client can give a friend, like "K7MQ-2XPA". */
export const newReferralCode = () => {
  const pick = () => CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
};

/**
 * Share codes are short enough to read aloud (8 letters), so one can repeat an existing code or
 * another new one (about 1% of 140,000-row imports did): those get a fresh code before inserting.
 */
export async function withUniqueReferralCodes(trx: Db, rows: ClientTable[]) {
  for (let tries = 0; tries < 5; tries++) {
    const seen = new Set<string>();
    const codes = rows.flatMap((r) => (r.referral_code ? [r.referral_code] : []));
    const taken = new Set(
      codes.length
        ? (await trx.selectFrom('clients').select('referral_code').where('referral_code', 'in', codes).execute()).map(
            (r) => r.referral_code,
          )
        : [],
    );
    let changed = false;
    for (const row of rows) {
      const code = row.referral_code ?? '';
      if (taken.has(code) || seen.has(code)) {
        row.referral_code = newReferralCode();
        changed = true;
      }
      seen.add(row.referral_code ?? '');
    }
    if (!changed) return;
  }
}
