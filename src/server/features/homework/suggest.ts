// Ranks library items for one client and one session. Pure and deterministic: the same
// inputs always give the same order (ties fall back to the slug).
import type { Intake } from '../../../shared/api/clients.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import {
  ASSUMED_TOOLS,
  CAUTIONS,
  COMPLAINTS,
  type Complaint,
  LIFESTYLES,
  REGIONS,
  type Region,
  TOOLS,
  type Tool,
} from '../../../shared/vocabulary.js';

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
const KEY_MUSCLES: Partial<Record<Complaint, string>> = {
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

const lower = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
const label = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** True when two lowered muscle names name the same muscle ("levator scapulae" ~ "levator scapulae upper"). */
const sameMuscle = (a: string, b: string) => a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a));

const KEY_MUSCLES_LOWER = new Map(Object.entries(KEY_MUSCLES).map(([c, m]) => [c, lower(m)]));

/**
 * The library indexed by what a request can ask for, so a request scores only the items that can
 * answer it. Made once per items array (a caller that keeps its array, such as a benchmark or a
 * cached catalogue, pays once); each item's lowered muscle names are kept per item object, and the
 * built-in items are the same frozen objects for every practice (catalogue.ts).
 */
interface LibraryIndex {
  byComplaint: Map<Complaint, number[]>;
  byRegion: Map<Region, number[]>;
  /** Lowered muscle name → the positions of the items that work it. */
  byMuscle: Map<string, number[]>;
  byId: Map<string, SuggestItem>;
  bySlug: Map<string, SuggestItem>;
  position: Map<string, number>;
}

const loweredMusclesOf = new WeakMap<SuggestItem, string[]>();
function loweredMuscles(item: SuggestItem): string[] {
  let muscles = loweredMusclesOf.get(item);
  if (!muscles) {
    muscles = item.muscles.map(lower);
    loweredMusclesOf.set(item, muscles);
  }
  return muscles;
}

const indexes = new WeakMap<readonly SuggestItem[], LibraryIndex>();
function indexOf(items: readonly SuggestItem[]): LibraryIndex {
  const known = indexes.get(items);
  if (known) return known;
  const index: LibraryIndex = {
    byComplaint: new Map(),
    byRegion: new Map(),
    byMuscle: new Map(),
    byId: new Map(),
    bySlug: new Map(),
    position: new Map(),
  };
  const add = <K>(map: Map<K, number[]>, key: K, at: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  items.forEach((item, at) => {
    for (const c of item.complaints) add(index.byComplaint, c, at);
    for (const r of item.regions) add(index.byRegion, r, at);
    for (const m of loweredMuscles(item)) add(index.byMuscle, m, at);
    index.byId.set(item.id, item);
    index.bySlug.set(item.slug, item);
    if (!index.position.has(item.id)) index.position.set(item.id, at);
  });
  indexes.set(items, index);
  return index;
}

/** What this request asks for, worked out once: an item that answers none of it is never scored. */
interface Wanted {
  complaints: Set<Complaint>;
  regions: Set<Region>;
  moreTime: Set<Region>;
  worked: Set<Region>;
  findings: { region: Region; muscle?: string }[];
  nextSteps: Map<string, string>;
  history: Map<string, SuggestInput['history'][number]>;
  have: Set<Tool>;
}

function wantedBy(input: SuggestInput, index: LibraryIndex): Wanted {
  const { intake, session } = input;
  const moreTime = new Set(session.areasNeedingMoreTime.map((a) => a.region));
  return {
    complaints: new Set([...session.focusComplaints, ...intake.complaints]),
    regions: new Set([...moreTime, ...session.findings.map((f) => f.region)]),
    moreTime,
    worked: new Set(session.areasWorked.map((a) => a.region)),
    findings: session.findings.map((f) => ({ region: f.region, muscle: f.muscle ? lower(f.muscle) : undefined })),
    nextSteps: nextStepsFrom(input, index),
    history: new Map(input.history.map((h) => [h.exerciseId, h])),
    have: toolsAvailable(intake),
  };
}

/**
 * The positions of the items that can score at all, in library order: exactly those whose scoring
 * would find some relevance (a complaint, an area, a finding's muscle or region, a next step).
 */
function candidates(index: LibraryIndex, wanted: Wanted): number[] {
  const found = new Set<number>();
  const addAll = (list: number[] | undefined) => {
    if (list) for (const at of list) found.add(at);
  };
  for (const c of wanted.complaints) addAll(index.byComplaint.get(c));
  for (const r of wanted.regions) addAll(index.byRegion.get(r));
  for (const f of wanted.findings) {
    if (!f.muscle) continue;
    for (const [muscle, list] of index.byMuscle) if (sameMuscle(f.muscle, muscle)) addAll(list);
  }
  for (const id of wanted.nextSteps.keys()) {
    const at = index.position.get(id);
    if (at !== undefined) found.add(at);
  }
  return [...found].sort((a, b) => a - b);
}

export function toolsAvailable(intake: Intake): Set<Tool> {
  const have = new Set<Tool>(intake.tools);
  for (const t of ASSUMED_TOOLS) if (!intake.lacksTools.includes(t)) have.add(t);
  return have;
}

type Scored = Suggestion | { excluded: string } | { irrelevant: true };

function scoreItem(item: SuggestItem, input: SuggestInput, wanted: Wanted): Scored {
  const { intake, session } = input;
  const muscles = loweredMuscles(item);
  let score = 0;
  let relevance = 0;
  const reasons: string[] = [];
  const warnings: string[] = [];
  const covers: string[] = [];

  for (const c of item.complaints) {
    const today = session.focusComplaints.includes(c);
    if (today || intake.complaints.includes(c)) {
      const w = (today ? WEIGHTS.focusComplaint : WEIGHTS.intakeComplaint) + (item.complaints[0] === c ? WEIGHTS.mainComplaint : 0);
      score += w;
      relevance += w;
      reasons.push(label(COMPLAINTS[c]));
      covers.push(`complaint:${c}`);
      const key = KEY_MUSCLES_LOWER.get(c);
      if (key && muscles.some((m) => sameMuscle(key, m))) {
        score += WEIGHTS.keyMuscle;
        relevance += WEIGHTS.keyMuscle;
        reasons.push(`works the ${KEY_MUSCLES[c]}`);
      }
    }
  }
  const { moreTime, worked } = wanted;
  for (const r of item.regions.filter((r) => moreTime.has(r))) {
    score += WEIGHTS.moreTimeArea;
    relevance += WEIGHTS.moreTimeArea;
    reasons.push(`${label(REGIONS[r])} needed more time`);
    covers.push(`region:${r}`);
  }
  score += WEIGHTS.workedArea * item.regions.filter((r) => worked.has(r) && !moreTime.has(r)).length;

  for (const f of wanted.findings) {
    if (f.muscle && muscles.some((m) => sameMuscle(f.muscle!, m))) {
      score += WEIGHTS.findingMuscle;
      relevance += WEIGHTS.findingMuscle;
      reasons.push(`works the ${f.muscle} found today`);
      covers.push(`muscle:${f.muscle}`);
    } else if (item.regions.includes(f.region)) {
      score += WEIGHTS.findingRegion;
      relevance += WEIGHTS.findingRegion;
      reasons.push(`finding in the ${label(REGIONS[f.region])}`);
      covers.push(`region:${f.region}`);
    }
  }
  const after = wanted.nextSteps.get(item.id);
  if (after) {
    score += WEIGHTS.nextStep;
    relevance += WEIGHTS.nextStep;
    reasons.push(`next step after ${after}`);
  }
  if (relevance === 0) return { irrelevant: true };
  // Excluded only now: the therapist sees what was left out because of a caution, not everything unrelated.
  const excludedBy = item.excludedBy.filter((c) => intake.cautions.includes(c));
  if (excludedBy.length) return { excluded: `Not safe with ${excludedBy.map((c) => label(CAUTIONS[c])).join(' or ')}` };

  score += WEIGHTS.category[item.category];
  for (const l of item.lifestyle.filter((l) => intake.lifestyle.includes(l))) {
    score += WEIGHTS.lifestyle;
    reasons.push(label(LIFESTYLES[l]));
  }
  for (const need of item.tools) {
    const owned = need.find((t) => wanted.have.has(t));
    if (!owned) {
      score += WEIGHTS.missingTool;
      warnings.push(`Needs ${need.map((t) => label(TOOLS[t])).join(' or ')}`);
    } else if (intake.tools.includes(owned)) {
      score += WEIGHTS.hasTool[item.category];
      reasons.push(`has a ${label(TOOLS[owned])}`);
    }
  }
  for (const c of item.cautionWith.filter((c) => intake.cautions.includes(c))) {
    score += WEIGHTS.cautionWarns;
    warnings.push(`Caution: ${label(CAUTIONS[c])}`);
  }
  if (item.favourite) {
    score += WEIGHTS.favourite;
    reasons.push('practice favourite');
  }
  const past = wanted.history.get(item.id);
  if (past?.active) {
    score += WEIGHTS.alreadyActive;
    warnings.push('Already one of their items');
  }
  if (past && past.felt.worse > past.felt.better) {
    score += WEIGHTS.feltWorse;
    warnings.push('They felt worse after it before');
  }
  return { item, score, reasons, warnings, covers };
}

/** Items the client did well with lead to their harder variations. */
function nextStepsFrom(input: SuggestInput, { byId, bySlug }: LibraryIndex): Map<string, string> {
  const steps = new Map<string, string>();
  for (const h of input.history) {
    const item = byId.get(h.exerciseId);
    if (!item || h.doneDays < 5 || h.felt.worse > h.felt.better) continue;
    for (const slug of item.harder) {
      const next = bySlug.get(slug);
      if (next) steps.set(next.id, item.name);
    }
  }
  return steps;
}

/** Tools the item needs that are not in every home (a ball, a roller), counted once per need. */
const boughtTools = (item: SuggestItem) =>
  item.tools.filter((need) => !need.some((t) => (ASSUMED_TOOLS as readonly Tool[]).includes(t))).length;

/** On a tie, the item that needs less from the client's cupboard leads, then the slug. */
const byScore = (a: Suggestion, b: Suggestion) =>
  b.score - a.score || boughtTools(a.item) - boughtTools(b.item) || (a.item.slug < b.item.slug ? -1 : a.item.slug > b.item.slug ? 1 : 0);

/** Ranks items for a session; excluded items are listed apart with the reason. */
export function suggestForSession(input: SuggestInput): { suggestions: Suggestion[]; excluded: { item: SuggestItem; reason: string }[] } {
  const index = indexOf(input.items);
  const wanted = wantedBy(input, index);
  const ranked: Suggestion[] = [];
  const excluded: { item: SuggestItem; reason: string }[] = [];
  for (const at of candidates(index, wanted)) {
    const item = input.items[at] as SuggestItem;
    const result = scoreItem(item, input, wanted);
    if ('excluded' in result) excluded.push({ item, reason: result.excluded });
    else if ('score' in result) ranked.push(result);
  }
  ranked.sort(byScore);
  return {
    suggestions: pairWell(ranked).slice(0, input.limit ?? 12),
    excluded: excluded.sort((a, b) => (a.item.slug < b.item.slug ? -1 : 1)),
  };
}

/** The same kind of work on the same spot: one category, and either item's main region is among the other's. */
function sameKindSameSpot(a: SuggestItem, b: SuggestItem) {
  return a.category === b.category && (a.regions.includes(b.regions[0]) || b.regions.includes(a.regions[0]));
}

/**
 * Picks the second item so the top two suit each other. It gives way when it covers only what
 * the first covers (while the client brings more), or when it is the same kind of work on the
 * same spot (two glute releases) — so a tool the client owns cannot take both places from a
 * stretch or a release of a related muscle. Scores stay each item's own; the lifted item says why.
 */
function pairWell(ranked: Suggestion[]): Suggestion[] {
  if (ranked.length < 3) return ranked;
  const [first, ...rest] = ranked;
  const firstCovers = new Set(first.covers);
  const bringsMore = new Set(ranked.flatMap((s) => s.covers)).size > firstCovers.size;
  const pairScore = (s: Suggestion) =>
    s.score +
    (bringsMore && s.covers.every((c) => firstCovers.has(c)) ? WEIGHTS.sameGround : 0) +
    (sameKindSameSpot(s.item, first.item) ? WEIGHTS.sameKindSameSpot : 0);
  const adjusted = rest.map((s) => ({ s, pairScore: pairScore(s) }));
  adjusted.sort((a, b) => b.pairScore - a.pairScore || byScore(a.s, b.s));
  const second = adjusted[0].s;
  if (second === rest[0]) return ranked;
  const lifted = { ...second, reasons: [...second.reasons, `pairs with ${label(first.item.name)}`] };
  return [first, lifted, ...rest.filter((s) => s !== second)];
}
