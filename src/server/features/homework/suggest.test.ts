// The brief's scenario table, against the real library.
import { describe, expect, it } from 'vitest';
import { type Intake, intakeSchema } from '../../../shared/api/clients.js';
import { builtInLibrary } from '../library/library.js';
import { type SuggestInput, suggestForSession } from './suggest.js';

const items = [...builtInLibrary().values()].map((i) => ({ ...i, id: i.slug }));
const intake = (over: Partial<Intake>) => intakeSchema.parse(over);
const noSession: SuggestInput['session'] = { focusComplaints: [], areasNeedingMoreTime: [], areasWorked: [], findings: [] };
const suggest = (i: Partial<Intake>, session: Partial<SuggestInput['session']> = {}, history: SuggestInput['history'] = []) =>
  suggestForSession({ items, intake: intake(i), session: { ...noSession, ...session }, history });
const topTwo = (r: ReturnType<typeof suggest>) => r.suggestions.slice(0, 2).map((s) => s.item.slug);

describe('the brief’s suggestion scenarios', () => {
  it('headaches, has a tennis ball → sub-occipital tennis-ball release in the top two', () => {
    const r = suggest({ complaints: ['headaches'], tools: ['tennis-ball'] });
    expect(topTwo(r)).toContain('suboccipital-ball-release');
    const top = r.suggestions.find((s) => s.item.slug === 'suboccipital-ball-release')!;
    expect(top.reasons).toEqual(expect.arrayContaining(['headaches', 'has a tennis ball']));
  });

  it('runner, tight calves, has a foam roller → calf foam-roller release in the top two', () => {
    expect(topTwo(suggest({ complaints: ['tight-calves'], lifestyle: ['runner'], tools: ['foam-roller'] }))).toContain('calf-foam-roll');
  });

  it('runner, tight calves, tennis ball only → a calf technique needing no roller, with no roller-only item above it', () => {
    const r = suggest({ complaints: ['tight-calves'], lifestyle: ['runner'], tools: ['tennis-ball'] });
    const two = r.suggestions.slice(0, 2);
    const isCalf = (s: (typeof two)[number]) => s.item.regions.includes('calf');
    const needsRoller = (s: (typeof two)[number]) => s.item.tools.some((need) => need.every((t) => t === 'foam-roller'));
    const firstNoRoller = r.suggestions.findIndex((s) => isCalf(s) && !needsRoller(s));
    expect(firstNoRoller).toBeLessThan(2);
    const rollerOnly = r.suggestions.findIndex(needsRoller);
    if (rollerOnly >= 0) expect(rollerOnly).toBeGreaterThan(firstNoRoller);
    const roll = r.suggestions.find((s) => s.item.slug === 'calf-foam-roll');
    expect(roll?.warnings).toContain('Needs foam roller');
  });

  it('stubborn piriformis → a psoas release or a piriformis stretch in the top two', () => {
    const two = topTwo(suggest({ complaints: ['piriformis-sciatic'] }));
    expect(two.some((s) => ['psoas-release', 'figure-four-piriformis-stretch'].includes(s))).toBe(true);
  });

  it('desk work, rounded shoulders → doorway pec stretch in the top two', () => {
    expect(topTwo(suggest({ complaints: ['rounded-shoulders'], lifestyle: ['desk-work'] }))).toContain('doorway-pec-stretch');
  });

  it('levator scapulae trigger point found this session → a levator scapulae release or stretch in the top two', () => {
    const r = suggest({ complaints: ['neck-pain'] }, { findings: [{ region: 'neck-side', muscle: 'Levator scapulae' }] });
    expect(topTwo(r).some((s) => s.startsWith('levator-scapulae'))).toBe(true);
    expect(r.suggestions[0].reasons.join(' ')).toMatch(/levator scapulae/);
  });

  it('tight calves + clot history → calf rolling is never suggested, and is listed as excluded with the reason', () => {
    const r = suggest({
      complaints: ['tight-calves'],
      lifestyle: ['runner'],
      tools: ['foam-roller', 'tennis-ball'],
      cautions: ['clot-history'],
    });
    const slugs = r.suggestions.map((s) => s.item.slug);
    expect(slugs).not.toContain('calf-foam-roll');
    expect(slugs).not.toContain('calf-ball-release');
    const excluded = r.excluded.find((e) => e.item.slug === 'calf-foam-roll');
    expect(excluded?.reason).toMatch(/history of clots/i);
  });
});

describe('how suggestions rank', () => {
  it('is deterministic', () => {
    const a = suggest({ complaints: ['neck-pain', 'low-back-pain'], lifestyle: ['desk-work'] });
    const b = suggest({ complaints: ['neck-pain', 'low-back-pain'], lifestyle: ['desk-work'] });
    expect(a.suggestions.map((s) => [s.item.slug, s.score])).toEqual(b.suggestions.map((s) => [s.item.slug, s.score]));
  });

  it('with two complaints, the top two cover both rather than one spot twice', () => {
    const r = suggest({ complaints: ['headaches', 'low-back-pain'] });
    const covered = r.suggestions.slice(0, 2).flatMap((s) => s.covers);
    expect(covered).toEqual(expect.arrayContaining(['complaint:headaches', 'complaint:low-back-pain']));
  });

  it('an area that needed more time counts', () => {
    const r = suggest({}, { areasNeedingMoreTime: [{ region: 'glutes' }] });
    expect(r.suggestions[0].item.regions).toContain('glutes');
    expect(r.suggestions[0].reasons).toContain('glutes needed more time');
  });

  it('drops an item the client felt worse after, and lifts the harder variation of one they did well', () => {
    const base = suggest({ complaints: ['headaches'], tools: ['tennis-ball'] });
    const worse = suggest({ complaints: ['headaches'], tools: ['tennis-ball'] }, {}, [
      { exerciseId: 'suboccipital-ball-release', felt: { better: 0, same: 1, worse: 3 }, doneDays: 4, active: false },
    ]);
    const rank = (r: typeof base) => {
      const i = r.suggestions.findIndex((s) => s.item.slug === 'suboccipital-ball-release');
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    expect(rank(worse)).toBeGreaterThan(rank(base));
    const chin = items.find((i) => i.slug === 'chin-tucks')!;
    expect(chin.harder.length).toBeGreaterThan(0);
    const progressed = suggest({ complaints: ['neck-pain'] }, {}, [
      { exerciseId: 'chin-tucks', felt: { better: 4, same: 1, worse: 0 }, doneDays: 12, active: false },
    ]);
    const next = progressed.suggestions.find((s) => s.item.slug === chin.harder[0]);
    expect(next?.reasons.join(' ')).toMatch(/next step after/);
  });

  it('a caution that only warns keeps the item, with the warning', () => {
    const r = suggest({ complaints: ['headaches'], tools: ['tennis-ball'], cautions: ['vertigo'] });
    const ball = r.suggestions.find((s) => s.item.slug === 'suboccipital-ball-release');
    expect(ball?.warnings).toContain('Caution: vertigo');
  });
});
