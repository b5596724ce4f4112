import type { Client, REFERRAL_SOURCES } from '../../../shared/api/clients.js';
import { REGIONS, type Region, type SIDES } from '../../../shared/vocabulary.js';
import type { ChipOption } from '../../design/components/index.js';

export type Side = (typeof SIDES)[number];
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Chip options from a vocabulary's labels, in the vocabulary's order. */
export function optionsOf<T extends string>(labels: Record<T, string>, only?: readonly T[]): ChipOption<T>[] {
  const all = Object.entries(labels) as [T, string][];
  return all.filter(([value]) => !only || only.includes(value)).map(([value, label]) => ({ value, label }));
}

export const referralLabels: Record<ReferralSource, string> = {
  'client-referral': 'Another client',
  search: 'Web search',
  social: 'Social media',
  'walk-in': 'Walked in',
  'doctor-or-physio': 'Doctor or physio',
  gift: 'Gift card',
  other: 'Other',
};

export const sideLabels: Record<Side, string> = { left: 'Left', right: 'Right', both: 'Both' };

export const fullName = (c: Pick<Client, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');

/** "Back of neck", "Calf (left)", "Calf (both sides)". */
export function areaText(a: { region: Region; side?: Side }) {
  if (!a.side) return REGIONS[a.region];
  return `${REGIONS[a.region]} (${a.side === 'both' ? 'both sides' : a.side})`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A calendar day such as a session date ("2026-03-14") read as that day where the therapist is,
 * not as midnight UTC (which is the day before in the Americas). Timestamps are shown as their day.
 */
export function formatDay(value: string | null | undefined, withWeekday = false): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return (withWeekday ? weekdayFormat : dayFormat).format(date);
}

/** Today on this device, as the API's "YYYY-MM-DD". */
export function todayHere(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first server or form message for a field or anything inside it ("intake.complaints" covers "intake.complaints.0"). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inner = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return inner ? errors[inner] : undefined;
}

/** "Trigger point in levator scapulae · Top of shoulders (left)". */
export function findingText(f: { region: Region; side?: Side; muscle?: string; note?: string }) {
  const what = [f.note || (f.muscle ? 'Finding' : ''), f.muscle && `in ${f.muscle}`].filter(Boolean).join(' ');
  return what ? `${what} · ${areaText(f)}` : areaText(f);
}
