import { Resvg } from '@resvg/resvg-js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import { REGIONS } from '../../../shared/vocabulary.js';

// STUB while the figure renderer (src/shared/figure) is written: the signatures are final.

type Drawable = Pick<ExerciseContent, 'slug' | 'name' | 'regions' | 'category' | 'pose' | 'drawing'>;

/** The item's drawing as an SVG document (one panel, or start and end side by side). */
export function itemDrawingSvg(item: Drawable): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 150" width="200" height="150"><rect x="1" y="1" width="198" height="148" rx="8" fill="#efe9e0" stroke="#7d776c"/><circle cx="100" cy="55" r="18" fill="#f2d6c4" stroke="#5b463a"/><rect x="86" y="75" width="28" height="60" rx="12" fill="#f2d6c4" stroke="#5b463a"/></svg>`;
}

/** One sentence that says the position in words, for screen readers and mail clients without images. */
export function itemDrawingAlt(item: Drawable): string {
  return `${item.name}: working the ${item.regions.map((r) => REGIONS[r].toLowerCase()).join(' and ')}.`;
}

/** The drawing as a PNG `width` pixels wide (for email, where SVG does not show). */
export function itemDrawingPng(item: Drawable, width: number): Buffer {
  return new Resvg(itemDrawingSvg(item), { fitTo: { mode: 'width', value: width } }).render().asPng();
}
