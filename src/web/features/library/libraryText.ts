// How the library talks about an item: labels from the shared vocabularies, turned into sentences.
import type { Exercise } from '../../../shared/api/exercises.js';
import type { Dose } from '../../../shared/exercise.js';
import { CATEGORIES, CAUTIONS, COMPLAINTS, LIFESTYLES, REGIONS, TOOLS } from '../../../shared/vocabulary.js';

export const DIFFICULTIES = { easy: 'Easy', moderate: 'Moderate', harder: 'Harder' } as const;
export type Difficulty = keyof typeof DIFFICULTIES;

export const SOURCES = { builtin: 'Built-in items', custom: 'Your own items', favourites: 'Favourites' } as const;

export type Vocabulary = Record<string, string>;

/** [value, label] pairs in the vocabulary's own order, for selects and checkbox groups. */
export const optionsOf = (vocabulary: Vocabulary) => Object.entries(vocabulary).map(([value, label]) => ({ value, label }));

/** "Calf, shin and foot" from slugs. */
export function listOf(vocabulary: Vocabulary, slugs: readonly string[]): string {
  // Labels are written to stand alone ("Back of neck"); inside a sentence only the first keeps its capital.
  const labels = slugs.map((s, i) => {
    const label = vocabulary[s] ?? s;
    return i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
  });
  if (labels.length < 2) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export const regionsText = (slugs: readonly string[]) => listOf(REGIONS, slugs);
export const complaintsText = (slugs: readonly string[]) => listOf(COMPLAINTS, slugs);
export const lifestyleText = (slugs: readonly string[]) => listOf(LIFESTYLES, slugs);
export const cautionsText = (slugs: readonly string[]) => listOf(CAUTIONS, slugs);
export const categoryLabel = (slug: string) => (CATEGORIES as Vocabulary)[slug] ?? slug;

/** "a tennis ball", "a foam roller", "some floor space". */
function toolPhrase(tool: string): string {
  if (tool === 'floor-space') return 'some floor space';
  const label = ((TOOLS as Vocabulary)[tool] ?? tool).toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

/** One need met by any of its tools: "A tennis ball or a lacrosse ball". */
export function toolNeedText(need: readonly string[]): string {
  return capital(need.map(toolPhrase).join(' or '));
}

/** Every need in one line, or that nothing is needed. */
export function toolsText(tools: readonly (readonly string[])[]): string {
  if (tools.length === 0) return 'Nothing needed';
  return tools.map((need, i) => (i === 0 ? toolNeedText(need) : toolNeedText(need).toLowerCase())).join(', and ');
}

const timesWord = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function howOften(dose: Dose): string {
  const perDay = dose.timesPerDay ? `${timesWord(dose.timesPerDay)} a day` : '';
  const days = dose.daysPerWeek === 7 ? 'every day' : `${plural(dose.daysPerWeek, 'day')} a week`;
  return capital(perDay ? `${perDay}, ${days}` : days);
}

export function pressureText(pressure: number): string {
  const feel = pressure <= 3 ? 'light' : pressure <= 6 ? 'medium' : 'firm';
  return `${pressure} out of 10 (${feel})`;
}

/** The dose as label/value rows for a details list. */
export function doseRows(dose: Dose): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const side = dose.perSide ? ' on each side' : '';
  if (dose.holdSeconds) rows.push({ label: 'Hold', value: `${plural(dose.holdSeconds, 'second')}${side}` });
  if (dose.reps) rows.push({ label: 'Repeat', value: `${capital(timesWord(dose.reps))}${dose.holdSeconds ? '' : side}` });
  if (dose.sets) rows.push({ label: 'Sets', value: String(dose.sets) });
  if (dose.minutes) rows.push({ label: 'Time', value: `${plural(dose.minutes, 'minute')}${side}` });
  if (dose.perSide && !dose.holdSeconds && !dose.reps && !dose.minutes) rows.push({ label: 'Sides', value: 'Both sides' });
  rows.push({ label: 'How often', value: howOften(dose) });
  if (dose.pressure !== undefined) rows.push({ label: 'Pressure', value: pressureText(dose.pressure) });
  return rows;
}

/** One line for a list: "Hold 30 seconds · 3 times · 5 days a week". */
export function doseSummary(dose: Dose): string {
  const parts: string[] = [];
  if (dose.holdSeconds) parts.push(`hold ${plural(dose.holdSeconds, 'second')}`);
  if (dose.reps) parts.push(timesWord(dose.reps));
  if (dose.sets && dose.sets > 1) parts.push(plural(dose.sets, 'set'));
  if (dose.minutes) parts.push(plural(dose.minutes, 'minute'));
  if (dose.perSide) parts.push('each side');
  parts.push(howOften(dose).toLowerCase());
  return capital(parts.join(' · '));
}

/** What the therapist sees an item called in lists and links. */
export const itemKind = (item: Pick<Exercise, 'source' | 'basedOn'>) =>
  item.source === 'builtin' ? 'Built-in' : item.basedOn ? 'Your version' : 'Your own';
