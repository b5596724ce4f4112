// The fast engine must rank exactly as the plain full scan does: same items, same order, same
// scores, reasons, warnings and exclusions, on thousands of seeded random requests, against the
// real library and a generated 1,000-item one, and after items are edited, added or removed.
import { describe, expect, it } from 'vitest';
import { type Intake, intakeSchema } from '../../../shared/api/clients.js';
import {
  ASSUMED_TOOLS,
  type Caution,
  type Complaint,
  cautionSlugs,
  complaintSlugs,
  type Lifestyle,
  lifestyleSlugs,
  type Region,
  regionSlugs,
  type Tool,
  toolSlugs,
} from '../../../shared/vocabulary.js';
import { builtInLibrary } from '../library/library.js';
import { type SuggestInput, type SuggestItem, suggestForSession } from './suggest.js';
import { suggestByFullScan } from './suggest-full-scan.js';

/** A small seeded generator (mulberry32): the same seed gives the same requests on every run. */
function randomFrom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  const some = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: int(max + 1) }, () => pick(xs)))];
  return { next, int, pick, some };
}
type Random = ReturnType<typeof randomFrom>;

const builtIns = [...builtInLibrary().values()];
const realLibrary: SuggestItem[] = builtIns.map((i, at) => ({ ...i, id: i.slug, favourite: at % 11 === 0 }));
const muscleNames = [...new Set(builtIns.flatMap((i) => i.muscles))];

/** 1,000 items: the built-in ones again under new slugs, every fifth with its tags shuffled, and harder links kept. */
function generatedLibrary(r: Random): SuggestItem[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const b = builtIns[i % builtIns.length]!;
    const item: SuggestItem = { ...b, id: `${b.slug}-${i}`, slug: `${b.slug}-${i}`, name: `${b.name} ${i}`, favourite: r.next() < 0.1 };
    if (i % 5 !== 0) return item;
    return {
      ...item,
      complaints: [r.pick(complaintSlugs), ...r.some(complaintSlugs, 2)],
      regions: [r.pick(regionSlugs), ...r.some(regionSlugs, 2)],
      muscles: r.some(muscleNames, 3),
      lifestyle: r.some(lifestyleSlugs, 2),
      tools: r.some(toolSlugs, 2).map((t) => (r.next() < 0.5 ? [t] : [t, r.pick(toolSlugs)])),
      excludedBy: r.some(cautionSlugs, 2),
      cautionWith: r.some(cautionSlugs, 2),
      harder: [`${r.pick(builtIns).slug}-${r.int(1000)}`],
    };
  });
}

/** A muscle as a therapist might type it: capitals, a side, a typo-free fragment, or something unrelated. */
function typedMuscle(r: Random): string | undefined {
  const m = r.pick(muscleNames);
  return r.pick([undefined, m, m.toUpperCase(), `${m} (left)`, m.slice(0, 5), 'big toe', 'abc']);
}

function randomRequest(r: Random, items: readonly SuggestItem[]): SuggestInput {
  const intake: Intake = intakeSchema.parse({
    complaints: r.some(complaintSlugs, 3) as Complaint[],
    lifestyle: r.some(lifestyleSlugs, 2) as Lifestyle[],
    tools: r.some(toolSlugs, 3) as Tool[],
    lacksTools: r.next() < 0.2 ? r.some(ASSUMED_TOOLS, 2) : [],
    cautions: r.some(cautionSlugs, 2) as Caution[],
  });
  const regions = (max: number) => r.some(regionSlugs, max).map((region) => ({ region: region as Region }));
  return {
    items,
    intake,
    session: {
      focusComplaints: r.some(complaintSlugs, 2) as Complaint[],
      areasNeedingMoreTime: regions(3),
      areasWorked: regions(3),
      findings: regions(2).map((f) => ({ ...f, muscle: typedMuscle(r) })),
    },
    history: Array.from({ length: r.int(4) }, () => ({
      exerciseId: r.pick(items).id,
      felt: { better: r.int(4), same: r.int(3), worse: r.int(4) },
      doneDays: r.int(10),
      active: r.next() < 0.3,
    })),
    limit: r.pick([undefined, undefined, 2, 5, 40]),
  };
}

const positionsOf = new WeakMap<readonly SuggestItem[], Map<SuggestItem, number>>();
function positions(items: readonly SuggestItem[]) {
  let map = positionsOf.get(items);
  if (!map) {
    map = new Map(items.map((item, i) => [item, i]));
    positionsOf.set(items, map);
  }
  return map;
}

/** Everything the therapist sees, with the very item objects compared by identity. */
function shown(result: ReturnType<typeof suggestForSession>, items: readonly SuggestItem[]) {
  const at = (item: SuggestItem) => {
    const i = positions(items).get(item);
    if (i === undefined) throw new Error(`an item not in the library: ${item.slug}`);
    return i;
  };
  return {
    suggestions: result.suggestions.map((s) => ({
      at: at(s.item),
      score: s.score,
      reasons: s.reasons,
      warnings: s.warnings,
      covers: s.covers,
    })),
    excluded: result.excluded.map((e) => ({ at: at(e.item), reason: e.reason })),
  };
}

function expectSameAsFullScan(input: SuggestInput) {
  const fast = suggestForSession(input);
  expect(shown(fast, input.items)).toEqual(shown(suggestByFullScan(input), input.items));
  return fast;
}

describe('suggestions: the fast engine ranks exactly as a full scan', () => {
  it('on 2,000 random requests against the real library', () => {
    const r = randomFrom(18);
    let suggested = 0;
    for (let i = 0; i < 2000; i++) suggested += expectSameAsFullScan(randomRequest(r, realLibrary)).suggestions.length;
    expect(suggested).toBeGreaterThan(2000); // the requests are not all empty
  });

  it('on 300 random requests against a generated 1,000-item library', () => {
    const r = randomFrom(1000);
    const items = generatedLibrary(r);
    let excluded = 0;
    for (let i = 0; i < 300; i++) excluded += expectSameAsFullScan(randomRequest(r, items)).excluded.length;
    expect(excluded).toBeGreaterThan(0); // cautions were exercised
  });

  it('when the library changes between requests: an item edited, one added, one removed', () => {
    const r = randomFrom(7);
    let items = realLibrary;
    for (let round = 0; round < 200; round++) {
      const input = randomRequest(r, items);
      const before = expectSameAsFullScan(input);
      // A practice edits one of its items: a new object with other complaints, regions and cautions.
      const edited = [...items];
      const at = r.int(edited.length);
      const was = edited[at]!;
      edited[at] = { ...was, complaints: [r.pick(complaintSlugs)], regions: [r.pick(regionSlugs)], excludedBy: r.some(cautionSlugs, 2) };
      edited.push({ ...r.pick(builtIns), id: `custom-${round}`, slug: `custom-${round}` });
      edited.splice(r.int(edited.length), 1);
      expectSameAsFullScan({ ...input, items: edited });
      // Asking again with the first library still gives what it gave (nothing kept from the edit leaks back).
      expect(shown(suggestForSession(input), items)).toEqual(shown(before, items));
      items = edited;
    }
  });

  it('keeps an item a caution excludes out of the suggestions, with the reason, whatever else it matches', () => {
    const calfRolls = realLibrary.filter((i) => i.excludedBy.includes('clot-history') && i.regions.includes('calf'));
    expect(calfRolls.length).toBeGreaterThan(0);
    const result = expectSameAsFullScan({
      items: realLibrary,
      intake: intakeSchema.parse({ complaints: ['tight-calves'], tools: ['foam-roller', 'tennis-ball'], cautions: ['clot-history'] }),
      session: { focusComplaints: ['tight-calves'], areasNeedingMoreTime: [{ region: 'calf' }], areasWorked: [], findings: [] },
      history: [],
      limit: 200,
    });
    for (const item of calfRolls) {
      expect(result.suggestions.map((s) => s.item)).not.toContain(item);
      expect(result.excluded.find((e) => e.item === item)?.reason).toMatch(/clots/i);
    }
  });
});
