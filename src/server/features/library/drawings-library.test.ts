import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { bodyPoint, len, sub } from '../../../shared/figure/body.js';
import { renderDrawing } from '../../../shared/figure/index.js';
import { TOLERANCE } from '../../../shared/figure/scene.js';
import { builtInLibrary } from './library.js';
import { builtInPoses } from './poses.js';

const items = [...builtInLibrary().values()];
const poses = builtInPoses();
const PRESSING = ['tennis-ball', 'lacrosse-ball', 'balls-in-sock', 'peanut-ball', 'foam-roller', 'massage-stick', 'hook-massager'];

describe('the drawings of the built-in library', () => {
  it.each(items.map((i) => [i.slug, i] as const))('%s is drawn, reads as SVG and renders to PNG', (_slug, item) => {
    expect(item.pose && poses.has(item.pose), `${item.slug} names a pose in content/poses`).toBe(true);
    const r = renderDrawing(item, poses);
    expect(r.problems).toEqual([]);
    expect(r.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(Buffer.byteLength(r.svg)).toBeLessThanOrEqual(30 * 1024);
    const png = new Resvg(r.svg, { fitTo: { mode: 'width', value: 240 }, font: { loadSystemFonts: false } }).render();
    expect(png.width).toBe(240);
    expect(png.asPng().subarray(1, 4).toString()).toBe('PNG');
    expect(r.alt.length).toBeGreaterThan(10);
  });

  it('every ball, roller, stick or hook touches the body at the point its content names', () => {
    let checked = 0;
    for (const item of items) {
      const pressing = (item.drawing?.props ?? []).filter((p) => PRESSING.includes(p.kind) && p.at);
      if (pressing.length === 0) continue;
      const { panels } = renderDrawing(item, poses);
      for (const panel of panels) {
        for (const prop of pressing) {
          const point = bodyPoint(panel.sk, prop.at as string);
          expect(point, `${item.slug}: ${prop.at}`).toBeDefined();
          const placed = panel.props.find((p) => p.kind === prop.kind);
          const shapes = placed?.shapes ?? [];
          // The prop's outline passes within a stroke of the named point.
          const gap = Math.min(
            ...shapes.map((s) =>
              s.k === 'circle'
                ? Math.abs(len(sub(s.c, point!.p)) - s.r)
                : s.k === 'line'
                  ? Math.min(...s.pts.slice(1).map((q, k) => distanceToSegment(point!.p, s.pts[k], q))) - s.w / 2
                  : s.k === 'rect'
                    ? distanceToSegment(point!.p, s.a, s.b) - s.r
                    : Number.POSITIVE_INFINITY,
            ),
          );
          expect(gap, `${item.slug}: ${prop.kind} at ${prop.at}`).toBeLessThanOrEqual(TOLERANCE);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('nothing lies below the floor line', () => {
    for (const item of items) {
      for (const panel of renderDrawing(item, poses).panels) {
        const low = Math.max(...panel.sk.segments.flatMap((s) => [s.a.y + s.ra, s.b.y + s.rb]));
        expect(low, item.slug).toBeLessThanOrEqual(panel.ground + 0.01);
        for (const p of panel.props) {
          for (const s of p.shapes) {
            const bottom = s.k === 'circle' ? s.c.y + s.r : s.k === 'box' ? s.y1 : s.k === 'rect' ? Math.max(s.a.y, s.b.y) + s.r : 0;
            expect(bottom, `${item.slug}: ${p.kind}`).toBeLessThanOrEqual(panel.ground + TOLERANCE);
          }
        }
      }
    }
  });
});

function distanceToSegment(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) {
  const ab = sub(b, a);
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / (ab.x ** 2 + ab.y ** 2 || 1)));
  return len(sub(p, { x: a.x + ab.x * t, y: a.y + ab.y * t }));
}
