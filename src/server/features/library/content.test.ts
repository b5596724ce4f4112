import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ExerciseContent, exerciseContentSchema } from '../../../shared/exercise.js';
import { complaintSlugs, regionSlugs } from '../../../shared/vocabulary.js';
import { checkLibrary, readLibraryFiles } from './content-check.js';
import { checkItemSafety, pressesOrRolls } from './item-rules.js';
import { COVERAGE, coverageProblems, FULL_LIBRARY, libraryCounts } from './library-counts.js';
import { clientSentences, MAX_READING_GRADE, readingGrade } from './readability.js';

const { items, problems } = readLibraryFiles();
const bySlug = (slug: string) => {
  const item = items.find((i) => i.slug === slug);
  if (!item) throw new Error(`no item ${slug}`);
  return item;
};

/** A small item that meets every rule; each rule's test breaks one thing in it. */
const fine = exerciseContentSchema.parse({
  slug: 'test-calf-roll',
  name: 'Ball roll for the calf',
  purpose: 'Eases a tight calf.',
  category: 'self-massage',
  regions: ['calf'],
  complaints: ['tight-calves'],
  tools: [['tennis-ball']],
  excludedBy: ['clot-history', 'cancer-treatment'],
  cautionWith: ['blood-thinners'],
  steps: ['Sit on the floor.', 'Put the ball under your calf.', 'Roll slowly.'],
  mistakes: ["Don't put the ball behind your knee."],
  stopIf: 'Stop if it hurts sharply.',
  getHelp: 'Get help the same day if your calf is warm, swollen, red or sore.',
  dose: { minutes: 2, daysPerWeek: 5, pressure: 4 },
  difficulty: 'easy',
});
const item = (change: Partial<ExerciseContent>): ExerciseContent => ({ ...fine, ...change });
const rulesFor = (change: Partial<ExerciseContent>) => checkItemSafety(item(change));

describe('the self-care library content', () => {
  it('has at least 80 items and every file validates', () => {
    expect(problems).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(80);
  });

  it('passes every reviewer check: safety, coverage, names, links, reading level', () => {
    expect(checkLibrary(items)).toEqual([]);
  });

  it('serves every region and complaint with enough items for its size, some needing no bought tool', () => {
    const need = items.length >= FULL_LIBRARY ? COVERAGE.full : COVERAGE.growing;
    const counts = libraryCounts(items);
    for (const region of regionSlugs) {
      expect(counts.regions[region].items, region).toBeGreaterThanOrEqual(need.items);
      expect(counts.regions[region].noTool, region).toBeGreaterThanOrEqual(need.noTool);
    }
    for (const complaint of complaintSlugs) {
      expect(counts.complaints[complaint].items, complaint).toBeGreaterThanOrEqual(need.items);
      expect(counts.complaints[complaint].noTool, complaint).toBeGreaterThanOrEqual(need.noTool);
    }
  });

  it('keeps every client-facing sentence at grade 7 or below, names and doses included', () => {
    const grades = items.flatMap((i) => clientSentences(i).map((s) => ({ slug: i.slug, ...s, grade: readingGrade(s.text) })));
    expect(new Set(grades.map((g) => g.where.replace(/\[\d+\]|\..*/, '')))).toEqual(
      new Set(['name', 'purpose', 'steps', 'cues', 'mistakes', 'stopIf', 'getHelp', 'watchFor', 'dose']),
    );
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

  it('tells the client when to stop in every item, and what not to do in every item that presses or rolls', () => {
    for (const i of items) expect(i.stopIf.toLowerCase(), i.slug).toMatch(/stop/);
    for (const i of items.filter(pressesOrRolls)) expect(i.mistakes[0], i.slug).toMatch(/^Don't /);
  });
});

describe('the items fixed before a client does them alone', () => {
  it('keeps the neck-front pinch to the top half of the muscle, excludes the risky cautions and is taught in the room', () => {
    const neck = bySlug('neck-front-pinch-massage');
    for (const c of ['blood-thinners', 'high-blood-pressure', 'vertigo', 'recent-surgery', 'cancer-treatment', 'stroke-or-carotid-disease'])
      expect(neck.excludedBy, c).toContain(c);
    expect(neck.teachInRoom).toBe(true);
    expect(neck.steps.join(' ')).toMatch(/top half/);
    expect(neck.mistakes.join(' ')).toMatch(/stroke.*faint easily/);
  });

  it('sets up the psoas release safely and checks the muscle before pressing on', () => {
    const psoas = bySlug('psoas-release');
    for (const c of ['clot-history', 'hernia-or-aneurysm', 'pregnancy']) expect(psoas.excludedBy, c).toContain(c);
    expect(psoas.steps[0]).toMatch(/bladder.*big meal/);
    expect(psoas.steps.join(' ')).toMatch(/lift that foot.*firm under your fingers/);
    expect(psoas.mistakes.join(' ')).toMatch(/hernia or an aortic aneurysm/);
    expect(psoas.stopIf).toMatch(/thigh goes numb or tingly/);
    expect(psoas.dose.pressure).toBeLessThanOrEqual(3);
  });

  it('moves the chest ball onto the muscle over the ribs and away from devices', () => {
    const pec = bySlug('pec-minor-wall-ball-release');
    expect(pec.steps[1]).toMatch(/two or three finger-widths below your collarbone/);
    expect(pec.excludedBy).toContain('implanted-device');
    expect(pec.mistakes.join(' ')).toMatch(/pacemaker, a port or a breast implant/);
  });

  it('makes the cautions agree across similar items', () => {
    expect(bySlug('quad-foam-roll').excludedBy).toEqual(expect.arrayContaining(['clot-history', 'pregnancy', 'cancer-treatment']));
    expect(bySlug('knees-to-chest-stretch').excludedBy).toContain('osteoporosis');
    expect(bySlug('chair-back-thoracic-extension').excludedBy).toContain('osteoporosis');
    expect(bySlug('thoracic-foam-roller-extension').excludedBy).toContain('osteoporosis');
    for (const slug of ['calf-foam-roll', 'calf-ball-release']) expect(bySlug(slug).excludedBy, slug).toContain('clot-history');
    expect(bySlug('step-calf-stretch').tools).toEqual([['stair']]);
  });
});

describe('the checker fails an item, naming it and the field', () => {
  it('passes the small item every rule below breaks', () => {
    expect(checkItemSafety(fine)).toEqual([]);
  });

  it('without a stop line', () => {
    expect(rulesFor({ stopIf: 'Rest if it hurts.' })).toEqual([expect.stringMatching(/^test-calf-roll: stopIf: /)]);
  });

  it("without a don't where it presses or rolls: self-massage, or a ball, roller, stick or hook", () => {
    expect(rulesFor({ mistakes: [] })).toEqual([expect.stringMatching(/^test-calf-roll: mistakes: it presses or rolls/)]);
    const rollerStretch: Partial<ExerciseContent> = { category: 'stretch', regions: ['chest'], getHelp: undefined, mistakes: [] };
    expect(rulesFor({ ...rollerStretch, tools: [['foam-roller']] })).toEqual([expect.stringMatching(/^test-calf-roll: mistakes: /)]);
    expect(rulesFor({ ...rollerStretch, tools: [['wall']] })).toEqual([]);
  });

  it('with a don\'t not written as "Don\'t …"', () => {
    expect(rulesFor({ mistakes: ['Rolling behind the knee.'] })).toEqual([expect.stringMatching(/^test-calf-roll: mistakes\[0\]: /)]);
  });

  it('with a ball or roller where a get-help rule applies and no get-help line', () => {
    for (const regions of [['calf'], ['shin'], ['jaw'], ['low-back'], ['glutes'], ['thigh-back']] as const) {
      expect(rulesFor({ regions: [...regions], getHelp: undefined }), regions[0]).toContainEqual(
        expect.stringMatching(/^test-calf-roll: getHelp: a ball or roller/),
      );
    }
    const neckBall: Partial<ExerciseContent> = {
      regions: ['neck-back'],
      getHelp: undefined,
      excludedBy: [],
      cautionWith: ['cancer-treatment'],
    };
    expect(rulesFor({ ...neckBall, regions: ['neck-back'], complaints: ['headaches'] })).toEqual([expect.stringMatching(/getHelp/)]);
    expect(rulesFor({ ...neckBall, regions: ['neck-back'], complaints: ['neck-pain'] })).toEqual([]);
  });

  it('with a hard word in any client-facing line: name, get-help and watch-for included', () => {
    const hard = 'Proprioceptive neuromuscular facilitation necessitates considerable concentration.';
    const ownProblems = (change: Partial<ExerciseContent>) => checkLibrary([item(change)]).filter((p) => p.startsWith('test-calf-roll'));
    expect(ownProblems({ name: 'Proprioceptive neuromuscular facilitation' })).toEqual([
      expect.stringMatching(/^test-calf-roll: name reads at grade/),
    ]);
    expect(ownProblems({ getHelp: `Get help if ${hard}` })).toEqual([expect.stringMatching(/^test-calf-roll: getHelp reads at grade/)]);
    expect(ownProblems({ watchFor: { 'blood-thinners': hard } })).toEqual([
      expect.stringMatching(/^test-calf-roll: watchFor\.blood-thinners reads at grade/),
    ]);
  });

  it('reads the dose as the client sees it', () => {
    const dose = clientSentences(item({ dose: { reps: 1, holdSeconds: 30, timesPerDay: 2, daysPerWeek: 7, pressure: 4 } }))
      .filter((s) => s.where === 'dose')
      .map((s) => s.text);
    expect(dose).toEqual(['Hold 30 seconds, once', 'Twice a day, every day', 'Press firmly but kindly: about 4 out of 10']);
  });

  it('with a watch-for line for a caution that does not warn for the item', () => {
    expect(rulesFor({ watchFor: { vertigo: 'You get dizzy, so go slowly.' } })).toEqual([
      expect.stringMatching(/^test-calf-roll: watchFor\.vertigo: is never shown/),
    ]);
  });

  it("with cautions that disagree with the library's safety bar", () => {
    expect(rulesFor({ excludedBy: ['cancer-treatment'] })).toEqual([expect.stringMatching(/^test-calf-roll: excludedBy: .*clot-history/)]);
    expect(rulesFor({ regions: ['forearm'], getHelp: undefined, excludedBy: [] })).toEqual([
      expect.stringMatching(/^test-calf-roll: cautionWith: .*cancer-treatment/),
    ]);
    expect(rulesFor({ steps: ['Lie on your back.', 'Put the ball under your calf.', 'Roll slowly.'] })).toEqual([
      expect.stringMatching(/^test-calf-roll: cautionWith: .*pregnancy/),
    ]);
    expect(rulesFor({ name: 'Calf twist' })).toEqual([expect.stringMatching(/^test-calf-roll: cautionWith: .*vertigo/)]);
    expect(rulesFor({ cautionWith: ['blood-thinners', 'clot-history'] })).toEqual([expect.stringMatching(/both excludes and warns/)]);
  });

  it('with a promise or a unit of length', () => {
    expect(rulesFor({ purpose: 'Melts the knot in your calf.' })).toEqual([
      expect.stringMatching(/^test-calf-roll: purpose: .*no promises/),
    ]);
    expect(rulesFor({ cues: ['Move the ball an inch.'] })).toEqual([expect.stringMatching(/^test-calf-roll: cues\[0\]: .*thumb's width/)]);
    expect(rulesFor({ cues: ['Stand about a foot from the wall.'] })).toHaveLength(1);
    expect(rulesFor({ cues: ["Move the ball a thumb's width."] })).toEqual([]);
  });

  it('with a caution slug the vocabulary does not know (zod rejects the file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'library-'));
    writeFileSync(join(dir, 'test-calf-roll.json'), JSON.stringify({ ...fine, excludedBy: ['clots'] }));
    const read = readLibraryFiles(pathToFileURL(`${dir}/`));
    expect(read.items).toEqual([]);
    expect(read.problems).toEqual([expect.stringMatching(/^test-calf-roll\.json: excludedBy\.0: /)]);
  });
});

describe('coverage of regions and complaints', () => {
  /** `n` items serving everything without a bought tool, then `jaw` items that serve only the jaw with a roller. */
  const library = (n: number, jaw: { items: number; noTool: number }) => [
    ...Array.from({ length: n }, (_, k) =>
      item({
        slug: `all-${k}`,
        name: `All ${k}`,
        regions: [...regionSlugs.filter((r) => r !== 'jaw')],
        complaints: [...complaintSlugs],
        tools: [],
      }),
    ),
    ...Array.from({ length: jaw.items }, (_, k) =>
      item({
        slug: `jaw-${k}`,
        name: `Jaw ${k}`,
        regions: ['jaw'],
        complaints: ['jaw-tension'],
        tools: k < jaw.noTool ? [['chair']] : [['foam-roller']],
      }),
    ),
  ];

  it('asks 2 items of each region and complaint while the library is below 120 items', () => {
    expect(coverageProblems(library(100, { items: 2, noTool: 0 }))).toEqual([]);
    expect(coverageProblems(library(100, { items: 1, noTool: 0 }))).toEqual(['region jaw: served by 1 item(s), needs 2']);
  });

  it('asks 4 items, 2 of them needing no bought tool, once the library has 120 items', () => {
    expect(coverageProblems(library(FULL_LIBRARY, { items: 4, noTool: 2 }))).toEqual([]);
    expect(coverageProblems(library(FULL_LIBRARY, { items: 3, noTool: 1 }))).toEqual([
      'region jaw: served by 3 item(s), needs 4',
      'region jaw: 1 item(s) need no bought tool, needs 2',
    ]);
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
