import type { ExerciseContent } from '../../../../shared/exercise.js';
import { type RenderedDrawing, renderedDrawing } from '../../library/drawing-files.js';
import { escapeHtml, SafeHtml } from './html.js';

/*
 * The item's drawing inlined in the client's page: no extra request on a slow phone, and it prints.
 * The page's policy allows no inline styles, so style attributes become SVG presentation attributes;
 * ids are made unique per item, since two drawings share one document.
 */

const styleToAttributes = (style: string) =>
  style
    .split(';')
    .map((rule) => rule.split(':').map((s) => s.trim()))
    .filter(([name, value]) => /^[a-z-]+$/.test(name ?? '') && value)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');

/** An SVG document without what the page may not hold: prolog, style sheet, style attributes. */
const pageReady = (svg: string) =>
  svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_, style: string) => ` ${styleToAttributes(style)}`)
    .trim();

/** A page-ready SVG made fit to sit inside the page: ids prefixed, named for screen readers, sized by the page's CSS. */
function inlineSvg(ready: string, o: { idPrefix: string; label: string; className: string }): SafeHtml {
  const body = ready
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

// The page's GET runs for every visit: the render comes from drawing-files.ts's cache, and its
// page-ready form is kept beside it (for as long as that render is kept), so a visit only prefixes ids.
const ready = new WeakMap<RenderedDrawing, string>();

/** The item's drawing for the client's page, named for screen readers by its alt text. */
export function itemDrawing(item: ExerciseContent, homeworkId: string): SafeHtml {
  const drawing = renderedDrawing(item);
  let svg = ready.get(drawing);
  if (svg === undefined) {
    svg = pageReady(drawing.svg);
    ready.set(drawing, svg);
  }
  return inlineSvg(svg, { idPrefix: `d${homeworkId.slice(0, 8)}`, label: drawing.alt, className: 'drawing' });
}
