// What the suggestion engine needs to know about an item, worked out once per item object rather
// than on every request: which complaints and regions it answers (as bit sets, so telling whether
// an item can answer a request is two ANDs), its muscle names lowered, what it needs from the
// client's cupboard. Kept beside the item object itself (a WeakMap), so there is nothing to
// invalidate: an edited item is a new object, and a removed one is forgotten with it. The
// built-in items are the same frozen objects for every practice and request (catalogue.ts).
import { ASSUMED_TOOLS, type Complaint, complaintSlugs, type Region, regionSlugs, type Tool } from '../../../shared/vocabulary.js';
import type { SuggestItem } from './suggest.js';

export const lower = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
export const label = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** True when two lowered muscle names name the same muscle ("levator scapulae" ~ "levator scapulae upper"). */
export const sameMuscle = (a: string, b: string) => a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a));

/** One bit per slug; a slug outside the vocabulary makes the item always worth scoring. */
function bitsFor<T extends string>(slugs: readonly T[]) {
  if (slugs.length > 31) throw new Error(`suggest-profile: ${slugs.length} slugs do not fit in one 31-bit set; split the set`);
  const bit = new Map(slugs.map((s, i) => [s, 1 << i]));
  return (list: readonly T[]) => {
    let bits = 0;
    for (const s of list) {
      const b = bit.get(s);
      if (b === undefined) return -1;
      bits |= b;
    }
    return bits;
  };
}
export const complaintBits = bitsFor<Complaint>(complaintSlugs);
export const regionBits = bitsFor<Region>(regionSlugs);

// Muscle names repeat across items and requests; lowering them is a regular expression each time.
const loweredNames = new Map<string, string>();
export function lowered(name: string): string {
  let l = loweredNames.get(name);
  if (l === undefined) {
    if (loweredNames.size > 10_000) loweredNames.clear();
    l = lower(name);
    loweredNames.set(name, l);
  }
  return l;
}

export interface ItemProfile {
  complaintBits: number;
  regionBits: number;
  muscles: string[];
  /** Tools it needs that are not in every home (a ball, a roller), counted once per need. */
  boughtTools: number;
}

const profiles = new WeakMap<SuggestItem, ItemProfile>();
const assumed: readonly Tool[] = ASSUMED_TOOLS;

/** The item's profile; items are never changed in place (an edit makes a new object). */
export function profileOf(item: SuggestItem): ItemProfile {
  let profile = profiles.get(item);
  if (!profile) {
    profile = {
      complaintBits: complaintBits(item.complaints),
      regionBits: regionBits(item.regions),
      muscles: item.muscles.map(lowered),
      boughtTools: item.tools.filter((need) => !need.some((t) => assumed.includes(t))).length,
    };
    profiles.set(item, profile);
  }
  return profile;
}

/** Each slug's label as a reason reads it ("Back of neck" → "back of neck"), made once. */
export function labels<T extends string>(vocabulary: Record<T, string>, wording: (label: string) => string = (l) => l) {
  return new Map(Object.entries<string>(vocabulary).map(([slug, l]) => [slug as T, wording(label(l))]));
}
