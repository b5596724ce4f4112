import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExerciseContent, exerciseContentSchema } from '../../../shared/exercise.js';
import { CAUTION_WATCH } from '../../../shared/vocabulary.js';
import { checkItemSafety } from './item-rules.js';
import { coverageProblems } from './library-counts.js';
import { clientSentences, hardSentences, MAX_READING_GRADE, readingGrade } from './readability.js';

export const CONTENT_DIR = new URL('../../../../content/exercises/', import.meta.url);

/** Reads every item file; a file that fails validation is reported, not thrown. */
export function readLibraryFiles(dir: URL = CONTENT_DIR) {
  const items: ExerciseContent[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir.pathname, file), 'utf8'));
    } catch {
      problems.push(`${file}: not valid JSON`);
      continue;
    }
    const parsed = exerciseContentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    if (`${parsed.data.slug}.json` !== file) problems.push(`${file}: slug "${parsed.data.slug}" must match the file name`);
    items.push(parsed.data);
  }
  return { items, problems };
}

/** Everything the library's reviewers check, as a list of readable problems naming the item and the field. */
export function checkLibrary(items: ExerciseContent[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const names = new Set<string>();
  for (const item of items) {
    if (slugs.has(item.slug)) problems.push(`${item.slug}: slug used twice`);
    if (names.has(item.name.toLowerCase())) problems.push(`${item.slug}: name "${item.name}" used twice`);
    slugs.add(item.slug);
    names.add(item.name.toLowerCase());
  }
  for (const item of items) {
    for (const link of [...item.easier, ...item.harder]) {
      if (!slugs.has(link)) problems.push(`${item.slug}: variation "${link}" does not exist`);
    }
    problems.push(...checkItemSafety(item));
    for (const { where, text } of clientSentences(item)) {
      const grade = readingGrade(text);
      if (grade > MAX_READING_GRADE) problems.push(`${item.slug}: ${where} reads at grade ${grade.toFixed(1)}: "${text}"`);
    }
  }
  for (const [caution, text] of Object.entries(CAUTION_WATCH)) {
    for (const { sentence, grade } of hardSentences(text)) {
      problems.push(`CAUTION_WATCH.${caution} reads at grade ${grade.toFixed(1)}: "${sentence}"`);
    }
  }
  problems.push(...coverageProblems(items));
  return problems;
}
