import { describe, expect, it } from 'vitest';
import { areasFor, BODY_AREAS, BODY_MAP_VIEWBOX, BODY_OUTLINES, BODY_VIEWS, type BodyArea, regionCentre } from './body-map.js';
import { regionSlugs } from './vocabulary.js';

const CENTRE_REGIONS = ['head', 'neck-front', 'neck-back', 'abdomen'];
const [, , WIDTH, HEIGHT] = BODY_MAP_VIEWBOX.split(' ').map(Number);
const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

type Pt = [number, number];

/** Parses path data strictly and returns the points; every path here is absolute M/L/Z, so that is all the point list needs. */
function points(d: string): Pt[] {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  expect(tokens.join('').length, `stray characters in ${d.slice(0, 40)}…`).toBe(d.replace(/[\s,]/g, '').length);
  const pts: Pt[] = [];
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++];
    expect(Object.keys(ARGS)).toContain(cmd.toUpperCase());
    const args: number[] = [];
    while (i < tokens.length && !/[a-zA-Z]/.test(tokens[i])) args.push(Number(tokens[i++]));
    const n = ARGS[cmd.toUpperCase()];
    expect(n === 0 ? args.length === 0 : args.length > 0 && args.length % n === 0, `arguments of ${cmd}`).toBe(true);
    expect(cmd, 'absolute moves and lines only').toMatch(/^[MLZ]$/);
    for (let k = 0; k < args.length; k += 2) pts.push([args[k], args[k + 1]]);
  }
  expect(tokens[0]).toBe('M');
  expect(tokens.at(-1)).toBe('Z');
  return pts;
}

function contains(poly: Pt[], [x, y]: Pt): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToEdge(poly: Pt[], [x, y]: Pt): number {
  return Math.min(
    ...poly.map(([x0, y0], i) => {
      const [x1, y1] = poly[(i + 1) % poly.length];
      const [dx, dy] = [x1 - x0, y1 - y0];
      const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
    }),
  );
}

const label = (a: BodyArea) => `${a.view} ${a.region} ${a.side}`;

describe('body map', () => {
  it('has at least one area for every region', () => {
    for (const region of regionSlugs) expect(areasFor(region).length, region).toBeGreaterThan(0);
  });

  it('has a left and a right for every paired region, on each view it is drawn on, and centres only on the midline', () => {
    for (const region of regionSlugs) {
      for (const view of ['front', 'back'] as const) {
        const sides = areasFor(region, view)
          .map((a) => a.side)
          .sort();
        if (sides.length === 0) continue;
        expect(sides, `${view} ${region}`).toEqual(CENTRE_REGIONS.includes(region) ? ['center'] : ['left', 'right']);
      }
    }
  });

  it('puts the client’s left on the viewer’s right from the front and on the viewer’s left from the back', () => {
    for (const a of BODY_AREAS) {
      if (a.side === 'center') continue;
      const x = regionCentre(a.region, a.view, a.side)!.x;
      const onViewersRight = x > BODY_VIEWS[a.view].centreX;
      expect(onViewersRight, label(a)).toBe(a.view === 'front' ? a.side === 'left' : a.side === 'right');
    }
    expect(regionCentre('calf', 'back', 'left')!.x).toBeLessThan(BODY_VIEWS.back.centreX);
    expect(regionCentre('calf', 'front')).toBeUndefined();
  });

  it('writes parseable paths inside the viewBox', () => {
    for (const d of [...Object.values(BODY_OUTLINES), ...BODY_AREAS.map((a) => a.d)]) {
      for (const [x, y] of points(d)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(WIDTH);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(HEIGHT);
      }
    }
  });

  it('keeps every area inside its figure, not over its neighbours, and big enough to tap', () => {
    const outlines = { front: points(BODY_OUTLINES.front), back: points(BODY_OUTLINES.back) };
    const shapes = new Map(BODY_AREAS.map((a) => [a, points(a.d)]));
    for (const [a, pts] of shapes) {
      for (const p of pts) expect(contains(outlines[a.view], p) || distanceToEdge(outlines[a.view], p) < 0.5, label(a)).toBe(true);
      const c = regionCentre(a.region, a.view, a.side === 'center' ? undefined : a.side)!;
      expect(contains(pts, [c.x, c.y]), `${label(a)} holds its centre`).toBe(true);
      for (const [other, otherPts] of shapes) {
        if (other !== a && other.view === a.view) expect(contains(otherPts, [c.x, c.y]), `${label(a)} under ${label(other)}`).toBe(false);
      }
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      expect(Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)), label(a)).toBeGreaterThan(11);
    }
  });
});
