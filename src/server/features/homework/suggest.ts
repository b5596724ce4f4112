// Ranks library items for one client and one session. Pure and deterministic: the same
// inputs always give the same order (ties fall back to the slug).
import type { Intake } from '../../../shared/api/clients.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import {
  ASSUMED_TOOLS,
  CAUTIONS,
  type Caution,
  COMPLAINTS,
  type Complaint,
  complaintSlugs,
  LIFESTYLES,
  type Lifestyle,
  REGIONS,
  type Region,
  regionSlugs,
  TOOLS,
  type Tool,
} from '../../../shared/vocabulary.js';
import { complaintBits, type ItemProfile, label, labels, lower, lowered, profileOf, regionBits, sameMuscle } from './suggest-profile.js';

export interface SuggestItem extends ExerciseContent {
  id: string;
  favourite?: boolean;
}

export interface SuggestInput {
  items: readonly SuggestItem[];
  intake: Intake;
  session: {
    focusComplaints: Complaint[];
    areasNeedingMoreTime: { region: Region }[];
    areasWorked: { region: Region }[];
    findings: { region: Region; muscle?: string }[];
  };
  /** How each item went before: worse drops it, doing well lifts its harder variations. */
  history: { exerciseId: string; felt: { better: number; same: number; worse: number }; doneDays: number; active: boolean }[];
  /** How many suggestions to return (12 unless given). */
  limit?: number;
}

export interface Suggestion {
  item: SuggestItem;
  score: number;
  reasons: string[];
  warnings: string[];
  /** What the item answers, used to keep the top two from covering the same thing. */
  covers: string[];
}

export const WEIGHTS = {
  focusComplaint: 30,
  intakeComplaint: 20,
  mainComplaint: 5,
  /** The item works the muscle usually behind the complaint (KEY_MUSCLES): the classic for it leads its look-alikes. */
  keyMuscle: 4,
  moreTimeArea: 25,
  workedArea: 4,
  findingMuscle: 45,
  findingRegion: 10,
  lifestyle: 8,
  /**
   * A ball or roller does the work of a release (it presses where hands cannot); for a stretch
   * or a drill it is only a prop, so owning one is a reason shown but no points.
   */
  hasTool: { stretch: 0, 'self-massage': 6, mobility: 0, strengthening: 0, breathing: 0, posture: 0 },
  missingTool: -40,
  cautionWarns: -4,
  favourite: 5,
  feltWorse: -35,
  nextStep: 15,
  /** Stretching and self-massage carry the work of the table home; they lead on a tie. */
  category: { stretch: 3, 'self-massage': 3, mobility: 1, strengthening: 0, breathing: 0, posture: 0 },
  alreadyActive: -100,
  /** Second place only: an item that adds nothing to what the first covers. */
  sameGround: -30,
  /** Second place only: the same kind of work on the same spot as the first (two glute ball releases). */
  sameKindSameSpot: -30,
} as const;

/** The muscle a therapist thinks of first for a complaint, where one stands out (not a diagnosis). */
export const KEY_MUSCLES: Partial<Record<Complaint, string>> = {
  headaches: 'sub-occipitals',
  'neck-pain': 'levator scapulae',
  'jaw-tension': 'masseter',
  'shoulder-tension': 'upper trapezius',
  'rounded-shoulders': 'pectoralis minor',
  'upper-back-pain': 'rhomboids',
  'low-back-pain': 'quadratus lumborum',
  'hip-tightness': 'psoas',
  'piriformis-sciatic': 'piriformis',
  'tight-hamstrings': 'hamstrings',
  'knee-pain': 'quadriceps',
  'tight-calves': 'soleus',
  'shin-pain': 'tibialis anterior',
  'foot-pain': 'plantar fascia',
  'forearm-wrist-strain': 'wrist extensors',
};

const KEY_MUSCLES_LOWER = new Map(Object.entries(KEY_MUSCLES).map(([c, m]) => [c as Complaint, lower(m)]));

// Every reason, warning and cover a slug can give, worded once rather than on every item of every request.
const COMPLAINT_REASON = labels(COMPLAINTS);
const KEY_MUSCLE_REASON = new Map(Object.entries(KEY_MUSCLES).map(([c, m]) => [c as Complaint, `works the ${m}`]));
const MORE_TIME_REASON = labels(REGIONS, (l) => `${l} needed more time`);
const FINDING_REGION_REASON = labels(REGIONS, (l) => `finding in the ${l}`);
const LIFESTYLE_REASON = labels(LIFESTYLES);
const TOOL_LABEL = labels(TOOLS);
const HAS_TOOL_REASON = labels(TOOLS, (l) => `has a ${l}`);
const CAUTION_LABEL = labels(CAUTIONS);
const CAUTION_WARNING = labels(CAUTIONS, (l) => `Caution: ${l}`);
const COMPLAINT_COVER = new Map(complaintSlugs.map((c) => [c, `complaint:${c}`]));
const REGION_COVER = new Map(regionSlugs.map((r) => [r, `region:${r}`]));

interface Finding {
  region: Region;
  /** Lowered, as matched against the item's lowered muscle names. */
  muscle?: string;
  muscleReason: string;
  muscleCover: string;
  /** Whether each of the library's muscle names is this one, compared once per request. */
  matched: Map<string, boolean>;
}

/** What this request asks for, worked out once: an item that answers none of it is never scored. */
interface Wanted {
  /** Today's focus and the intake's complaints, then the areas that needed more time and the findings' regions. */
  complaintBits: number;
  regionBits: number;
  /** Each complaint asked about, with its points: today's focus outweighs the intake. */
  complaints: Map<Complaint, number>;
  /** Each area of the session: true when it needed more time, false when only worked. */
  areas: Map<Region, boolean>;
  findings: Finding[];
  /** The findings that name a muscle. */
  musclesFound: Finding[];
  lifestyle: Set<Lifestyle>;
  cautions: Set<Caution>;
  owned: Set<Tool>;
  have: Set<Tool>;
  nextSteps: Map<string, string>;
  history: Map<string, SuggestInput['history'][number]>;
}

function wantedBy(input: SuggestInput): Wanted {
  const { intake, session } = input;
  const moreTime = new Set(session.areasNeedingMoreTime.map((a) => a.region));
  const findings = session.findings.map((f) => {
    const muscle = f.muscle ? lowered(f.muscle) : undefined;
    const matched = new Map<string, boolean>();
    return { region: f.region, muscle, muscleReason: `works the ${muscle} found today`, muscleCover: `muscle:${muscle}`, matched };
  });
  return {
    complaintBits: complaintBits([...session.focusComplaints, ...intake.complaints]),
    regionBits: regionBits([...moreTime, ...session.findings.map((f) => f.region)]),
    complaints: new Map([
      ...intake.complaints.map((c) => [c, WEIGHTS.intakeComplaint] as const),
      ...session.focusComplaints.map((c) => [c, WEIGHTS.focusComplaint] as const),
    ]),
    areas: new Map([...session.areasWorked.map((a) => [a.region, false] as const), ...[...moreTime].map((r) => [r, true] as const)]),
    findings,
    musclesFound: findings.filter((f) => f.muscle),
    lifestyle: new Set(intake.lifestyle),
    cautions: new Set(intake.cautions),
    owned: new Set(intake.tools),
    have: toolsAvailable(intake),
    nextSteps: nextStepsFrom(input),
    history: new Map(input.history.map((h) => [h.exerciseId, h])),
  };
}

/** True when scoring the item would find some relevance: a complaint, an area, a finding, a next step. */
function canAnswer(item: SuggestItem, profile: ItemProfile, wanted: Wanted): boolean {
  if (profile.complaintBits & wanted.complaintBits || profile.regionBits & wanted.regionBits || wanted.nextSteps.has(item.id)) return true;
  for (const f of wanted.musclesFound) if (worksFound(profile.muscles, f)) return true;
  return false;
}

export function toolsAvailable(intake: Intake): Set<Tool> {
  const have = new Set<Tool>(intake.tools);
  for (const t of ASSUMED_TOOLS) if (!intake.lacksTools.includes(t)) have.add(t);
  return have;
}

/** True when one of the item's lowered muscle names names this one (a plain loop: it runs for every candidate). */
function works(muscles: readonly string[], name: string): boolean {
  for (const m of muscles) if (sameMuscle(name, m)) return true;
  return false;
}

/** True when one of the item's lowered muscle names names the finding's muscle. */
function worksFound(muscles: readonly string[], finding: Finding): boolean {
  for (const m of muscles) {
    let same = finding.matched.get(m);
    if (same === undefined) {
      same = sameMuscle(finding.muscle!, m);
      finding.matched.set(m, same);
    }
    if (same) return true;
  }
  return false;
}

/** The client's cautions that rule the item out, or undefined (most items, most requests). */
function excludedFor(item: SuggestItem, wanted: Wanted): Caution[] | undefined {
  let found: Caution[] | undefined;
  for (const c of item.excludedBy) {
    if (!wanted.cautions.has(c)) continue;
    found ??= [];
    found.push(c);
  }
  return found;
}

function firstOwned(need: readonly Tool[], have: ReadonlySet<Tool>): Tool | undefined {
  for (const t of need) if (have.has(t)) return t;
  return undefined;
}

/** Where a score's reasons and warnings go when it is to be shown; while ranking, only the score and what it covers are kept. */
interface Why {
  reasons: string[];
  warnings: string[];
}

/**
 * The item's score for this request, adding what it covers to `covers` (and, given `why`, the reason
 * for every point); why it is excluded when a caution rules it out; undefined when nothing in the
 * request makes it relevant.
 */
function scoreItem(
  item: SuggestItem,
  { muscles }: ItemProfile,
  wanted: Wanted,
  covers: string[],
  why?: Why,
): number | { excluded: string } | undefined {
  let score = 0;
  let relevance = 0;

  for (const c of item.complaints) {
    const asked = wanted.complaints.get(c);
    if (asked !== undefined) {
      const w = asked + (item.complaints[0] === c ? WEIGHTS.mainComplaint : 0);
      score += w;
      relevance += w;
      why?.reasons.push(COMPLAINT_REASON.get(c)!);
      covers.push(COMPLAINT_COVER.get(c)!);
      const key = KEY_MUSCLES_LOWER.get(c);
      if (key && works(muscles, key)) {
        score += WEIGHTS.keyMuscle;
        relevance += WEIGHTS.keyMuscle;
        why?.reasons.push(KEY_MUSCLE_REASON.get(c)!);
      }
    }
  }
  for (const r of item.regions) {
    const moreTime = wanted.areas.get(r);
    if (moreTime) {
      score += WEIGHTS.moreTimeArea;
      relevance += WEIGHTS.moreTimeArea;
      why?.reasons.push(MORE_TIME_REASON.get(r)!);
      covers.push(REGION_COVER.get(r)!);
    } else if (moreTime === false) score += WEIGHTS.workedArea;
  }

  for (const f of wanted.findings) {
    if (f.muscle && worksFound(muscles, f)) {
      score += WEIGHTS.findingMuscle;
      relevance += WEIGHTS.findingMuscle;
      why?.reasons.push(f.muscleReason);
      covers.push(f.muscleCover);
    } else if (item.regions.includes(f.region)) {
      score += WEIGHTS.findingRegion;
      relevance += WEIGHTS.findingRegion;
      why?.reasons.push(FINDING_REGION_REASON.get(f.region)!);
      covers.push(REGION_COVER.get(f.region)!);
    }
  }
  const after = wanted.nextSteps.get(item.id);
  if (after) {
    score += WEIGHTS.nextStep;
    relevance += WEIGHTS.nextStep;
    why?.reasons.push(`next step after ${after}`);
  }
  if (relevance === 0) return undefined;
  // Excluded only now: the therapist sees what was left out because of a caution, not everything unrelated.
  const excludedBy = excludedFor(item, wanted);
  if (excludedBy) return { excluded: `Not safe with ${excludedBy.map((c) => CAUTION_LABEL.get(c)).join(' or ')}` };

  score += WEIGHTS.category[item.category];
  for (const l of item.lifestyle) {
    if (!wanted.lifestyle.has(l)) continue;
    score += WEIGHTS.lifestyle;
    why?.reasons.push(LIFESTYLE_REASON.get(l)!);
  }
  for (const need of item.tools) {
    const owned = firstOwned(need, wanted.have);
    if (!owned) {
      score += WEIGHTS.missingTool;
      why?.warnings.push(`Needs ${need.map((t) => TOOL_LABEL.get(t)).join(' or ')}`);
    } else if (wanted.owned.has(owned)) {
      score += WEIGHTS.hasTool[item.category];
      why?.reasons.push(HAS_TOOL_REASON.get(owned)!);
    }
  }
  for (const c of item.cautionWith) {
    if (!wanted.cautions.has(c)) continue;
    score += WEIGHTS.cautionWarns;
    why?.warnings.push(CAUTION_WARNING.get(c)!);
  }
  if (item.favourite) {
    score += WEIGHTS.favourite;
    why?.reasons.push('practice favourite');
  }
  const past = wanted.history.get(item.id);
  if (past?.active) {
    score += WEIGHTS.alreadyActive;
    why?.warnings.push('Already one of their items');
  }
  if (past && past.felt.worse > past.felt.better) {
    score += WEIGHTS.feltWorse;
    why?.warnings.push('They felt worse after it before');
  }
  return score;
}

/** Items the client did well with lead to their harder variations (the last item of an id or slug wins). */
function nextStepsFrom({ items, history }: SuggestInput): Map<string, string> {
  const steps = new Map<string, string>();
  if (!history.length) return steps;
  const ids = new Set(history.map((h) => h.exerciseId));
  const byId = new Map<string, SuggestItem>();
  for (const item of items) if (ids.has(item.id)) byId.set(item.id, item);
  const doneWell: SuggestItem[] = [];
  for (const h of history) {
    const item = byId.get(h.exerciseId);
    if (item && h.doneDays >= 5 && h.felt.worse <= h.felt.better) doneWell.push(item);
  }
  const slugs = new Set(doneWell.flatMap((item) => item.harder));
  if (!slugs.size) return steps;
  const bySlug = new Map<string, SuggestItem>();
  for (const item of items) if (slugs.has(item.slug)) bySlug.set(item.slug, item);
  for (const item of doneWell) {
    for (const slug of item.harder) {
      const next = bySlug.get(slug);
      if (next) steps.set(next.id, item.name);
    }
  }
  return steps;
}

/** An item that answers the request, as ranked: its score and what it covers, its reasons worded only if shown. */
interface Ranked {
  item: SuggestItem;
  profile: ItemProfile;
  score: number;
  covers: string[];
}

/** On a tie, the item that needs less from the client's cupboard leads, then the slug. */
const byScore = (a: Ranked, b: Ranked) =>
  b.score - a.score ||
  a.profile.boughtTools - b.profile.boughtTools ||
  (a.item.slug < b.item.slug ? -1 : a.item.slug > b.item.slug ? 1 : 0);

/** Ranks items for a session; excluded items are listed apart with the reason. */
export function suggestForSession(input: SuggestInput): { suggestions: Suggestion[]; excluded: { item: SuggestItem; reason: string }[] } {
  const wanted = wantedBy(input);
  const ranked: Ranked[] = [];
  const excluded: { item: SuggestItem; reason: string }[] = [];
  for (const item of input.items) {
    const profile = profileOf(item);
    if (!canAnswer(item, profile, wanted)) continue;
    const covers: string[] = [];
    const result = scoreItem(item, profile, wanted, covers);
    if (typeof result === 'number') ranked.push({ item, profile, score: result, covers });
    else if (result) excluded.push({ item, reason: result.excluded });
  }
  const shown = pairWell(ranked, Math.max(0, Math.floor(input.limit ?? 12)));
  return {
    suggestions: shown.map(({ entry, pairsWith }) => explain(entry, wanted, pairsWith)),
    excluded: excluded.sort((a, b) => (a.item.slug < b.item.slug ? -1 : 1)),
  };
}

/** The suggestion as the therapist sees it: the same score again, this time with the reason for every point. */
function explain({ item, profile }: Ranked, wanted: Wanted, pairsWith?: SuggestItem): Suggestion {
  const why: Why = { reasons: [], warnings: [] };
  const covers: string[] = [];
  const score = scoreItem(item, profile, wanted, covers, why) as number;
  if (pairsWith) why.reasons.push(`pairs with ${label(pairsWith.name)}`);
  return { item, score, ...why, covers };
}

/** The `count` best in rank order (ties keep library order, as a stable sort would), leaving out `skip`. */
function best(ranked: Ranked[], count: number, skip: ReadonlySet<Ranked> = new Set()): Ranked[] {
  const top: Ranked[] = [];
  if (count <= 0) return top;
  for (const entry of ranked) {
    if (skip.has(entry)) continue;
    if (top.length === count && byScore(entry, top[count - 1]) >= 0) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && byScore(entry, top[at - 1]) < 0) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = entry;
  }
  return top;
}

/** The same kind of work on the same spot: one category, and either item's main region is among the other's. */
function sameKindSameSpot(a: SuggestItem, b: SuggestItem) {
  return a.category === b.category && (a.regions.includes(b.regions[0]) || b.regions.includes(a.regions[0]));
}

/**
 * The first `count` in the order shown: the best first, then the second picked so the top two suit
 * each other. It gives way when it covers only what the first covers (while the client brings more),
 * or when it is the same kind of work on the same spot (two glute releases) — so a tool the client
 * owns cannot take both places from a stretch or a release of a related muscle. Scores stay each
 * item's own; a lifted item says why. Only the places shown are sorted.
 */
function pairWell(ranked: Ranked[], count: number): { entry: Ranked; pairsWith?: SuggestItem }[] {
  if (ranked.length < 3) return best(ranked, count).map((entry) => ({ entry }));
  const [first] = best(ranked, 1);
  const firstCovers = new Set(first.covers);
  const bringsMore = ranked.some((r) => r.covers.some((c) => !firstCovers.has(c)));
  const pairScore = (r: Ranked) =>
    r.score +
    (bringsMore && r.covers.every((c) => firstCovers.has(c)) ? WEIGHTS.sameGround : 0) +
    (sameKindSameSpot(r.item, first.item) ? WEIGHTS.sameKindSameSpot : 0);
  // The best pair score wins; among equals, the better ranked (as a stable sort by rank would give).
  let second: Ranked | undefined;
  let secondScore = 0;
  for (const r of ranked) {
    if (r === first) continue;
    const score = pairScore(r);
    if (!second || score > secondScore || (score === secondScore && byScore(r, second) < 0)) {
      second = r;
      secondScore = score;
    }
  }
  const [runnerUp] = best(ranked, 1, new Set([first]));
  const rest = best(ranked, count - 2, new Set([first, second!]));
  const lifted = second === runnerUp ? { entry: second! } : { entry: second!, pairsWith: first.item };
  return [{ entry: first }, lifted, ...rest.map((entry) => ({ entry }))].slice(0, count);
}
