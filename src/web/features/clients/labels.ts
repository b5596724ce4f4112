import type { REFERRAL_SOURCES } from '../../../shared/api/clients.js';
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

/** "Back of neck", "Calf (left)", "Calf (both sides)". */
export function areaText(a: { region: Region; side?: Side }) {
  if (!a.side) return REGIONS[a.region];
  return `${REGIONS[a.region]} (${a.side === 'both' ? 'both sides' : a.side})`;
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
