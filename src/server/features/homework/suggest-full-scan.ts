// The suggestion engine as it stood before it was made fast: every item of the library scored,
// every list fully sorted, nothing kept between requests. Used only as the reference the
// equivalence test (suggest-equivalence.test.ts) holds the engine to; never imported by the app.
import { ASSUMED_TOOLS, CAUTIONS, COMPLAINTS, LIFESTYLES, REGIONS, type Region, TOOLS, type Tool } from '../../../shared/vocabulary.js';

import { KEY_MUSCLES, type SuggestInput, type SuggestItem, type Suggestion, toolsAvailable, WEIGHTS } from './suggest.js';

const lower = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
const label = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** True when two lowered muscle names name the same muscle ("levator scapulae" ~ "levator scapulae upper"). */
const sameMuscle = (a: string, b: string) => a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a));

const KEY_MUSCLES_LOWER = new Map(Object.entries(KEY_MUSCLES).map(([c, m]) => [c, lower(m)]));

const loweredMuscles = (item: SuggestItem) => item.muscles.map(lower);

interface Wanted {
  moreTime: Set<Region>;
  worked: Set<Region>;
  findings: { region: Region; muscle?: string }[];
  nextSteps: Map<string, string>;
  history: Map<string, SuggestInput['history'][number]>;
  have: Set<Tool>;
}

function wantedBy(input: SuggestInput): Wanted {
  const { intake, session } = input;
  return {
    moreTime: new Set(session.areasNeedingMoreTime.map((a) => a.region)),
    worked: new Set(session.areasWorked.map((a) => a.region)),
    findings: session.findings.map((f) => ({ region: f.region, muscle: f.muscle ? lower(f.muscle) : undefined })),
    nextSteps: nextStepsFrom(input),
    history: new Map(input.history.map((h) => [h.exerciseId, h])),
    have: toolsAvailable(intake),
  };
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
function nextStepsFrom(input: SuggestInput): Map<string, string> {
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const bySlug = new Map(input.items.map((i) => [i.slug, i]));
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

/** Ranks items for a session the plain way; excluded items are listed apart with the reason. */
export function suggestByFullScan(input: SuggestInput): { suggestions: Suggestion[]; excluded: { item: SuggestItem; reason: string }[] } {
  const wanted = wantedBy(input);
  const ranked: Suggestion[] = [];
  const excluded: { item: SuggestItem; reason: string }[] = [];
  for (const item of input.items) {
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
