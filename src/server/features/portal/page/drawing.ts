import type { ExerciseContent } from '../../../../shared/exercise.js';
import { escapeHtml, SafeHtml } from '../../../page-kit/html.js';
import { renderedDrawing } from '../../library/drawing-files.js';

/*
 * The item's drawing inlined in the client's page: no extra request on a slow phone, and it prints.
 * The figure writes no style attributes or style sheets (the page's policy allows none; page.test
 * checks), so only its ids change: made unique per item, since two drawings share one document.
 */

/** Our own SVG document made fit to sit inside the page: ids prefixed, named for screen readers, sized by the page's CSS. */
function inlineSvg(svg: string, o: { idPrefix: string; label: string; className: string }): SafeHtml {
  const body = svg
    .replace(/\sid="([^"]+)"/g, ` id="${o.idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${o.idPrefix}-$1)`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, `$1="#${o.idPrefix}-$2"`);
  const root = body.match(/^<svg\b[^>]*>/);
  if (!root) return new SafeHtml('');
  const attrs = root[0]
    .replace(/\s(width|height|class|role|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg class="${o.className}" role="img" aria-label="${escapeHtml(o.label)}" focusable="false"`);
  return new SafeHtml(attrs + body.slice(root[0].length));
}

/** The item's drawing for the client's page (drawn once, in drawing-files.ts), named for screen readers by its alt text. */
export function itemDrawing(item: ExerciseContent, homeworkId: string): SafeHtml {
  const { svg, alt } = renderedDrawing(item);
  return inlineSvg(svg, { idPrefix: `d${homeworkId.slice(0, 8)}`, label: alt, className: 'drawing' });
}
