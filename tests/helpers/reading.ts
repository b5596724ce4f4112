import { MAX_READING_GRADE, readingGrade, sentencesOf } from '../../src/server/features/library/readability.js';

/** Every sentence a person reads on a server-rendered page (of four words or more: a grade means nothing for "(optional)"). */
export function sentencesOnPage(page: string): string[] {
  const text = page
    .replace(/<ol class="dots"[\s\S]*?<\/ol>/g, '')
    .replace(/<(p|h1|h2|h3|legend|label|dt|dd|li|figcaption|button|title)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
  return text
    .split('\n')
    .flatMap((line) => sentencesOf(line.replace(/\s+/g, ' ')))
    .filter((s) => s.split(' ').length >= 4);
}

/** The hardest sentence on the page and its grade; a page in plain words keeps it at MAX_READING_GRADE or below. */
export function hardestSentence(page: string) {
  return sentencesOnPage(page)
    .map((s) => ({ s, grade: readingGrade(s) }))
    .reduce((a, b) => (b.grade > a.grade ? b : a), { s: '', grade: 0 });
}

export { MAX_READING_GRADE };
