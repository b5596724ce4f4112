// The items' drawings as files: where each is served, its alt text and size, and the renders kept in
// memory. The figure itself comes from drawings.ts; this module only caches and addresses it.
import { createHash } from 'node:crypto';
import { type Drawable, drawItem, drawingPng } from './drawings.js';

export interface RenderedDrawing {
  svg: string;
  /** A short content hash: the ETag, and the `v` in the item's drawingUrl. */
  hash: string;
  width: number;
  height: number;
  alt: string;
}

export const PNG_WIDTH = { default: 480, min: 32, max: 1200 } as const;

/** Insertion-ordered map trimmed to a byte budget, so renders asked for at many widths cannot grow memory without end. */
function boundedCache<V>(budgetBytes: number, sizeOf: (v: V) => number) {
  const entries = new Map<string, V>();
  let bytes = 0;
  return {
    get(key: string): V | undefined {
      const v = entries.get(key);
      if (v !== undefined) {
        entries.delete(key);
        entries.set(key, v);
      }
      return v;
    },
    set(key: string, v: V) {
      entries.set(key, v);
      bytes += sizeOf(v);
      for (const [k, old] of entries) {
        if (bytes <= budgetBytes || entries.size === 1) break;
        entries.delete(k);
        bytes -= sizeOf(old);
      }
    },
  };
}

const hashOf = (data: string | Buffer) => createHash('sha256').update(data).digest('base64url').slice(0, 16);

// The one place renders are kept. Keyed by what the drawing is made from, so an edited custom item
// gets a fresh render and the same content (a built-in item, or a snapshot parsed again on every
// page view) is drawn once however many practices copy it.
const svgs = boundedCache<RenderedDrawing>(8 * 1024 * 1024, (d) => d.svg.length + 200);
const pngs = boundedCache<Buffer>(24 * 1024 * 1024, (b) => b.length);
const keyOf = (item: Drawable) => JSON.stringify([item.slug, item.name, item.regions, item.category, item.pose, item.drawing]);

/** The item's drawing as SVG, with its hash, size and alt text (rendered once per content). */
export function renderedDrawing(item: Drawable): RenderedDrawing {
  const key = keyOf(item);
  const cached = svgs.get(key);
  if (cached) return cached;
  const { svg, width, height, alt } = drawItem(item);
  const drawing = { svg, hash: hashOf(svg), width, height, alt };
  svgs.set(key, drawing);
  return drawing;
}

/** The item's drawing as a PNG `width` pixels wide (rendered once per content and width). */
export function renderedPng(item: Drawable, width: number): { png: Buffer; hash: string } {
  const { svg, hash } = renderedDrawing(item);
  const key = `${hash}:${width}`;
  let png = pngs.get(key);
  if (!png) {
    png = drawingPng(svg, width);
    pngs.set(key, png);
  }
  return { png, hash: `${hash}-${width}` };
}

/** What the API adds to every item: where its drawing is, what it shows in words, and its size. */
export function drawingFields(item: Drawable & { id: string; source: 'builtin' | 'custom' }) {
  const d = renderedDrawing(item);
  const path =
    item.source === 'builtin'
      ? `/drawings/${encodeURIComponent(item.slug)}.svg`
      : `/api/v1/exercises/${encodeURIComponent(item.id)}/drawing.svg`;
  return { drawingUrl: `${path}?v=${d.hash}`, drawingAlt: d.alt, drawingSize: { width: d.width, height: d.height } };
}

/** True when an If-None-Match header names this ETag (a list, weak or not, or *). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}
