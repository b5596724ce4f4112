import { createHash } from 'node:crypto';
import type { ExerciseContent } from '../../../../shared/exercise.js';
import { itemDrawingAlt, itemDrawingSvg } from '../../library/drawings.js';
import { escapeHtml, SafeHtml } from './html.js';

/*
 * The item's drawing inlined in the client's page: no extra request on a slow phone, and it prints.
 * The page's policy allows no inline styles, so style attributes become SVG presentation attributes;
 * ids are made unique per item, since two drawings share one document.
 */

type Drawable = Parameters<typeof itemDrawingSvg>[0];

// The most-read page in Carryover draws the same few items again and again.
const drawn = new Map<string, string>();
const KEEP = 300;

function svgOf(item: Drawable): string {
  const key = createHash('sha256')
    .update(JSON.stringify([item.slug, item.name, item.regions, item.category, item.pose, item.drawing]))
    .digest('base64url');
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = itemDrawingSvg(item);
    if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value as string);
    drawn.set(key, svg);
  }
  return svg;
}

const styleToAttributes = (style: string) =>
  style
    .split(';')
    .map((rule) => rule.split(':').map((s) => s.trim()))
    .filter(([name, value]) => /^[a-z-]+$/.test(name ?? '') && value)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');

/** An SVG document made fit to sit inside the page: ids prefixed, styles as attributes, sized by the page's CSS. */
export function inlineSvg(svg: string, o: { idPrefix: string; label: string; className: string }): SafeHtml {
  const body = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_, style: string) => ` ${styleToAttributes(style)}`)
    .replace(/\sid="([^"]+)"/g, ` id="${o.idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${o.idPrefix}-$1)`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, `$1="#${o.idPrefix}-$2"`)
    .trim();
  const root = body.match(/^<svg\b[^>]*>/);
  if (!root) return new SafeHtml('');
  const attrs = root[0]
    .replace(/\s(width|height|class|role|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg class="${o.className}" role="img" aria-label="${escapeHtml(o.label)}" focusable="false"`);
  return new SafeHtml(attrs + body.slice(root[0].length));
}

/** The item's drawing for the client's page, named for screen readers by its alt text. */
export function itemDrawing(item: ExerciseContent, homeworkId: string): SafeHtml {
  return inlineSvg(svgOf(item), { idPrefix: `d${homeworkId.slice(0, 8)}`, label: itemDrawingAlt(item), className: 'drawing' });
}
