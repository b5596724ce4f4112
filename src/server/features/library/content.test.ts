import { describe, expect, it } from 'vitest';
import { complaintSlugs, regionSlugs } from '../../../shared/vocabulary.js';
import { checkLibrary, readLibraryFiles } from './content-check.js';
import { clientSentences, MAX_READING_GRADE, readingGrade } from './readability.js';

const { items, problems } = readLibraryFiles();

describe('the self-care library content', () => {
  it('has at least 80 items and every file validates', () => {
    expect(problems).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(80);
  });

  it('passes every reviewer check: coverage, names, links, reading level', () => {
    expect(checkLibrary(items)).toEqual([]);
  });

  it('serves every region and every complaint with at least two items', () => {
    for (const region of regionSlugs) expect(items.filter((i) => i.regions.includes(region)).length, region).toBeGreaterThanOrEqual(2);
    for (const complaint of complaintSlugs)
      expect(items.filter((i) => i.complaints.includes(complaint)).length, complaint).toBeGreaterThanOrEqual(2);
  });

  it('keeps every client-facing sentence at grade 7 or below', () => {
    const grades = items.flatMap((item) => clientSentences(item).map((s) => ({ slug: item.slug, ...s, grade: readingGrade(s.text) })));
    const worst = grades.reduce((a, b) => (b.grade > a.grade ? b : a));
    expect(worst.grade, `${worst.slug} ${worst.where}: ${worst.text}`).toBeLessThanOrEqual(MAX_READING_GRADE);
  });

  it('includes the items the brief names', () => {
    const slugs = new Set(items.map((i) => i.slug));
    for (const slug of [
      'suboccipital-ball-release',
      'calf-foam-roll',
      'calf-ball-release',
      'psoas-release',
      'figure-four-piriformis-stretch',
      'doorway-pec-stretch',
      'levator-scapulae-stretch',
      'levator-scapulae-ball-release',
    ]) {
      expect(slugs.has(slug), slug).toBe(true);
    }
  });

  it('has every kind of self-care and every self-massage tool', () => {
    const categories = new Set(items.map((i) => i.category));
    expect([...categories].sort()).toEqual(['breathing', 'mobility', 'posture', 'self-massage', 'strengthening', 'stretch']);
    const tools = new Set(items.filter((i) => i.category === 'self-massage').flatMap((i) => i.tools.flat()));
    for (const tool of ['tennis-ball', 'lacrosse-ball', 'foam-roller', 'peanut-ball', 'massage-stick', 'hook-massager'])
      expect(tools.has(tool as never), tool).toBe(true);
  });

  it('tells the client to stop on sharp pain in every item', () => {
    for (const item of items) expect(item.stopIf.toLowerCase(), item.slug).toMatch(/stop/);
  });

  it('excludes calf pressure for a history of clots', () => {
    for (const slug of ['calf-foam-roll', 'calf-ball-release']) {
      expect(items.find((i) => i.slug === slug)?.excludedBy).toContain('clot-history');
    }
  });
});

describe('reading grade', () => {
  it('scores plain and hard sentences apart', () => {
    expect(readingGrade('Lie on your back.')).toBeLessThan(3);
    expect(readingGrade('Proprioceptive neuromuscular facilitation methodologies necessitate considerable concentration.')).toBeGreaterThan(
      12,
    );
  });
});
