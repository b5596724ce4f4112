import { Resvg } from '@resvg/resvg-js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import { type RenderedDrawing, renderDrawing } from '../../../shared/figure/index.js';
import { builtInPoses } from './poses.js';
import { isReadable } from './readability.js';

type Drawable = Pick<ExerciseContent, 'slug' | 'name' | 'regions' | 'category' | 'pose' | 'drawing'>;

const rendered = new WeakMap<object, RenderedDrawing>();

/** Built-in items are frozen objects that live as long as the server: each is drawn once. */
function render(item: Drawable): RenderedDrawing {
  const cached = rendered.get(item);
  if (cached) return cached;
  const r = renderDrawing(item, builtInPoses(), { readable: isReadable });
  if (Object.isFrozen(item)) rendered.set(item, r);
  return r;
}

/** The item's drawing as an SVG document (one panel, or start and end side by side). */
export function itemDrawingSvg(item: Drawable): string {
  return render(item).svg;
}

/** One sentence that says the position in words, for screen readers and mail clients without images. */
export function itemDrawingAlt(item: Drawable): string {
  return render(item).alt;
}

/** The drawing as a PNG `width` pixels wide (for email, where SVG does not show). */
export function itemDrawingPng(item: Drawable, width: number): Buffer {
  return new Resvg(itemDrawingSvg(item), { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}
