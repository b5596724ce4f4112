import { Resvg } from '@resvg/resvg-js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import { renderDrawing } from '../../../shared/figure/index.js';
import { builtInPoses } from './poses.js';
import { isReadable } from './readability.js';

export type Drawable = Pick<ExerciseContent, 'slug' | 'name' | 'regions' | 'category' | 'pose' | 'drawing'>;

/** Draws the item: an SVG document (one panel, or start and end side by side), its size, and one sentence saying it in words. Not kept: drawing-files.ts keeps the renders. */
export function drawItem(item: Drawable): { svg: string; width: number; height: number; alt: string } {
  const { svg, width, height, alt } = renderDrawing(item, builtInPoses(), { readable: isReadable });
  return { svg, width, height, alt };
}

/** An SVG drawing as a PNG `width` pixels wide (for email, where SVG does not show). */
export function drawingPng(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}
