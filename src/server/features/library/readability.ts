import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describeDose } from '../../../shared/dose.js';
import type { Dose } from '../../../shared/exercise.js';

/** Flesch–Kincaid grade of one piece of client-facing text. */
export function readingGrade(text: string): number {
  const sentences = text.split(/[.!?]+(?:\s|$)/).filter((s) => /[a-z]/i.test(s));
  const words = text.match(/[a-z0-9']+(?:-[a-z0-9']+)*/gi) ?? [];
  if (words.length === 0) return 0;
  const syllables = words.reduce((sum, word) => sum + syllable(word.replace(/-/g, ' ')), 0);
  return fleschKincaid({ sentence: Math.max(1, sentences.length), word: words.length, syllable: syllables });
}

/** Splits text into sentences; a line without an end stop is one sentence. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
}

/** Every sentence a client reads in an item, labelled with where it came from: its name and dose included. */
export function clientSentences(item: {
  name?: string;
  purpose: string;
  steps: string[];
  cues: string[];
  mistakes: string[];
  stopIf: string;
  getHelp?: string;
  watchFor?: Partial<Record<string, string>>;
  dose?: Dose;
}): { where: string; text: string }[] {
  const dose = item.dose ? describeDose(item.dose) : undefined;
  const fields = [
    ...(item.name ? [{ where: 'name', text: item.name }] : []),
    { where: 'purpose', text: item.purpose },
    ...item.steps.map((text, i) => ({ where: `steps[${i}]`, text })),
    ...item.cues.map((text, i) => ({ where: `cues[${i}]`, text })),
    ...item.mistakes.map((text, i) => ({ where: `mistakes[${i}]`, text })),
    { where: 'stopIf', text: item.stopIf },
    ...(item.getHelp ? [{ where: 'getHelp', text: item.getHelp }] : []),
    ...Object.entries(item.watchFor ?? {}).map(([caution, text]) => ({ where: `watchFor.${caution}`, text: text ?? '' })),
    ...(dose ? [dose.what, dose.when, dose.pressure].filter((t): t is string => !!t).map((text) => ({ where: 'dose', text })) : []),
  ];
  return fields.flatMap(({ where, text }) => sentencesOf(text).map((s) => ({ where, text: s })));
}

export const MAX_READING_GRADE = 7;

/** True when a client can follow every sentence of the text. */
export const isReadable = (text: string) => sentencesOf(text).every((s) => readingGrade(s) <= MAX_READING_GRADE);

/** Each sentence of the text that reads above the client's grade, with its grade. */
export const hardSentences = (text: string) =>
  sentencesOf(text)
    .map((sentence) => ({ sentence, grade: readingGrade(sentence) }))
    .filter(({ grade }) => grade > MAX_READING_GRADE);
