import { escapeHtml } from '../escape.js';
import type { Region } from '../vocabulary.js';
import { add, frontNormal, lerp, type Segment, type SegmentName, scale, sub, unit, type Vec } from './body.js';
import type { PlacedProp, Shape } from './props.js';
import { bboxOf, type Panel } from './scene.js';

/*
 * Panels to one SVG document: line art with a soft skin fill, the far-side limbs a shade darker, the
 * worked area in the accent colour, props in one neutral colour, the floor as one line.
 */

export const COLOURS = {
  skin: '#f3d8c4',
  skinFar: '#ddb79d',
  outline: '#5a4336',
  hair: '#7b5d4b',
  accent: '#3b8577',
  accentFar: '#2c6b60',
  prop: '#b9c6cf',
  propLine: '#4c5a63',
  strap: '#c98b3c',
  floor: '#7d776c',
  arrow: '#c2410c',
} as const;

const STROKE = 8;
const MARGIN = 40;
const GAP = 70;

type Band = { seg: SegmentName; t0: number; t1: number; face: 'front' | 'back' | 'all'; limb?: boolean };

/** The worked area of each region: a stretch of a segment, on its front, back or all round. */
const REGION_BANDS: Record<Region, Band[]> = {
  head: [{ seg: 'head', t0: 0.35, t1: 1.2, face: 'all' }],
  jaw: [{ seg: 'head', t0: -0.2, t1: 0.3, face: 'front' }],
  'neck-back': [
    { seg: 'neck', t0: -0.2, t1: 1.2, face: 'back' },
    { seg: 'head', t0: -0.3, t1: 0.25, face: 'back' },
  ],
  'neck-front': [{ seg: 'neck', t0: -0.2, t1: 1.2, face: 'front' }],
  'neck-side': [{ seg: 'neck', t0: -0.2, t1: 1.2, face: 'all' }],
  'upper-traps': [
    { seg: 'chest', t0: 0.8, t1: 1.5, face: 'back' },
    { seg: 'neck', t0: -0.3, t1: 0.4, face: 'back' },
  ],
  'shoulder-front': [
    { seg: 'chest', t0: 0.65, t1: 1.5, face: 'front' },
    { seg: 'upperArm', t0: -0.2, t1: 0.3, face: 'all', limb: true },
  ],
  'shoulder-back': [
    { seg: 'chest', t0: 0.6, t1: 1.5, face: 'back' },
    { seg: 'upperArm', t0: -0.2, t1: 0.3, face: 'all', limb: true },
  ],
  chest: [{ seg: 'chest', t0: 0.34, t1: 1.0, face: 'front' }],
  'upper-back': [{ seg: 'chest', t0: 0.34, t1: 1.1, face: 'back' }],
  'mid-back': [
    { seg: 'torso', t0: 0.82, t1: 1.6, face: 'back' },
    { seg: 'chest', t0: -0.3, t1: 0.38, face: 'back' },
  ],
  'low-back': [{ seg: 'torso', t0: 0.2, t1: 0.87, face: 'back' }],
  abdomen: [
    { seg: 'torso', t0: 0.25, t1: 1.5, face: 'front' },
    { seg: 'chest', t0: -0.3, t1: 0.12, face: 'front' },
  ],
  'upper-arm': [{ seg: 'upperArm', t0: 0.05, t1: 0.95, face: 'all', limb: true }],
  forearm: [{ seg: 'forearm', t0: 0.05, t1: 0.95, face: 'all', limb: true }],
  'hand-wrist': [
    { seg: 'hand', t0: -0.3, t1: 1.3, face: 'all', limb: true },
    { seg: 'forearm', t0: 0.85, t1: 1.1, face: 'all', limb: true },
  ],
  'hip-front': [
    { seg: 'torso', t0: -0.2, t1: 0.29, face: 'front' },
    { seg: 'thigh', t0: -0.1, t1: 0.22, face: 'front', limb: true },
  ],
  glutes: [{ seg: 'torso', t0: -0.93, t1: 0.2, face: 'back' }],
  'hip-side': [
    { seg: 'torso', t0: -0.5, t1: 0.25, face: 'all' },
    { seg: 'thigh', t0: -0.1, t1: 0.2, face: 'all', limb: true },
  ],
  'thigh-front': [{ seg: 'thigh', t0: 0.1, t1: 0.92, face: 'front', limb: true }],
  'thigh-back': [{ seg: 'thigh', t0: 0.1, t1: 0.92, face: 'back', limb: true }],
  'thigh-inner': [{ seg: 'thigh', t0: 0.1, t1: 0.92, face: 'all', limb: true }],
  knee: [
    { seg: 'thigh', t0: 0.86, t1: 1.3, face: 'all', limb: true },
    { seg: 'shin', t0: -0.2, t1: 0.12, face: 'all', limb: true },
  ],
  calf: [{ seg: 'shin', t0: 0.08, t1: 0.72, face: 'back', limb: true }],
  shin: [{ seg: 'shin', t0: 0.1, t1: 0.9, face: 'front', limb: true }],
  ankle: [
    { seg: 'shin', t0: 0.85, t1: 1.3, face: 'all', limb: true },
    { seg: 'foot', t0: 0.1, t1: 0.4, face: 'all', limb: true },
  ],
  foot: [{ seg: 'foot', t0: -0.3, t1: 1.3, face: 'all', limb: true }],
};

const f = (n: number) => (Math.round(n * 10) / 10).toString();
const pt = (p: Vec) => `${f(p.x)} ${f(p.y)}`;

/** A limb as a rounded, tapering shape from a to b. */
function capsulePath(s: Pick<Segment, 'a' | 'b' | 'ra' | 'rb'>): string {
  const d = unit(sub(s.b, s.a));
  const n = { x: d.y, y: -d.x };
  const a1 = add(s.a, scale(n, s.ra));
  const a2 = add(s.a, scale(n, -s.ra));
  const b1 = add(s.b, scale(n, s.rb));
  const b2 = add(s.b, scale(n, -s.rb));
  return `M${pt(a1)}L${pt(b1)}A${f(s.rb)} ${f(s.rb)} 0 0 1 ${pt(b2)}L${pt(a2)}A${f(s.ra)} ${f(s.ra)} 0 0 1 ${pt(a1)}Z`;
}

/** The trunk seen from the front: wider at the shoulders than at the hips, corners rounded. */
function frontTorsoPath(s: Segment): string {
  const d = unit(sub(s.b, s.a));
  const n = { x: d.y, y: -d.x };
  const at = (base: Vec, across: number, along: number) => add(add(base, scale(n, across)), scale(d, along));
  const [a, b] = [s.a, s.b];
  return `M${pt(at(a, s.ra, 0))}L${pt(at(b, s.rb, -50))}Q${pt(at(b, s.rb, 18))} ${pt(at(b, s.rb - 40, 22))}L${pt(
    at(b, -s.rb + 40, 22),
  )}Q${pt(at(b, -s.rb, 18))} ${pt(at(b, -s.rb, -50))}L${pt(at(a, -s.ra, 0))}Q${pt(at(a, 0, -30))} ${pt(at(a, s.ra, 0))}Z`;
}

function headPath(s: Segment): string {
  const c = lerp(s.a, s.b, 0.5);
  const rot = (Math.atan2(s.b.y - s.a.y, s.b.x - s.a.x) * 180) / Math.PI;
  const rx = 66;
  const ry = s.ra;
  const d = unit(sub(s.b, s.a));
  const p1 = add(c, scale(d, rx));
  const p2 = add(c, scale(d, -rx));
  return `M${pt(p1)}A${f(rx)} ${f(ry)} ${f(rot)} 1 1 ${pt(p2)}A${f(rx)} ${f(ry)} ${f(rot)} 1 1 ${pt(p1)}Z`;
}

function shapePath(s: Segment, view: Panel['sk']['view']): string {
  if (s.name === 'head') return headPath(s);
  if (s.name === 'chest' && view !== 'side') return frontTorsoPath(s);
  return capsulePath(s);
}

/** The part of a segment between t0 and t1 on one face, generously wide: the segment's shape clips it. */
function bandPolygon(s: Segment, band: Band, view: Panel['sk']['view']): string {
  const n = frontNormal(s);
  const wide = Math.max(s.ra, s.rb) * 2.2;
  const face = view === 'side' ? band.face : 'all';
  const [lo, hi] = face === 'front' ? [0, wide] : face === 'back' ? [-wide, 0] : [-wide, wide];
  const at = (t: number, k: number) => add(lerp(s.a, s.b, t), scale(n, k));
  const pts = [at(band.t0, lo), at(band.t1, lo), at(band.t1, hi), at(band.t0, hi)];
  return `M${pts.map(pt).join('L')}Z`;
}

/**
 * The trunk's two parts as one shape: both outlines at double width, then both fills over them, so
 * the seam at the waist disappears and only the outer half of the outline shows.
 */
function trunkSvg(parts: Segment[], panel: Panel, id: string): string {
  const paths = parts.map((s) => shapePath(s, panel.sk.view));
  const outline = paths.map(
    (d) => `<path d="${d}" fill="none" stroke="${COLOURS.outline}" stroke-width="${STROKE * 2}" stroke-linejoin="round"/>`,
  );
  return outline.join('') + parts.map((s, i) => segmentSvg(s, panel, `${id}${i}`, false)).join('');
}

function segmentSvg(s: Segment, panel: Panel, id: string, outlined = true): string {
  const view = panel.sk.view;
  const path = shapePath(s, view);
  const bands = panel.worked.regions.flatMap((r) =>
    REGION_BANDS[r].filter((b) => b.seg === s.name && (!b.limb || !s.side || panel.worked.sides.includes(s.side))),
  );
  const skin = s.far ? COLOURS.skinFar : COLOURS.skin;
  let out = `<path d="${path}" fill="${skin}"/>`;
  const hair = s.name === 'head' && view !== 'front';
  if (bands.length || hair) {
    out += `<clipPath id="${id}"><path d="${path}"/></clipPath><g clip-path="url(#${id})">`;
    if (hair) {
      // Hair over the back and top of the head: the face side stays clear, so the facing reads.
      const d = unit(sub(s.b, s.a));
      const back = view === 'side' ? scale(frontNormal(s), -40) : { x: 0, y: 0 };
      const c = add(add(lerp(s.a, s.b, 0.5), scale(d, 30)), back);
      out += `<circle cx="${f(c.x)}" cy="${f(c.y)}" r="${view === 'side' ? 56 : 80}" fill="${COLOURS.hair}"/>`;
    }
    for (const b of bands) out += `<path d="${bandPolygon(s, b, view)}" fill="${s.far ? COLOURS.accentFar : COLOURS.accent}"/>`;
    out += '</g>';
  }
  if (outlined) out += `<path d="${path}" fill="none" stroke="${COLOURS.outline}" stroke-width="${STROKE}" stroke-linejoin="round"/>`;
  if (s.name === 'head' && view === 'side') {
    // A nose says which way the figure faces.
    const d = unit(sub(s.b, s.a));
    const n = frontNormal(s);
    const nose = add(add(lerp(s.a, s.b, 0.5), scale(d, -8)), scale(n, s.ra - 2));
    const tip = add(nose, add(scale(n, 16), scale(d, -10)));
    out += `<path d="M${pt(add(nose, scale(d, 14)))}L${pt(tip)}L${pt(add(nose, scale(d, -12)))}" fill="${skin}" stroke="${COLOURS.outline}" stroke-width="${STROKE * 0.8}" stroke-linejoin="round"/>`;
  }
  return out;
}

function shapeSvg(sh: Shape): string {
  const style = `fill="${COLOURS.prop}" stroke="${COLOURS.propLine}" stroke-width="${STROKE * 0.8}"`;
  switch (sh.k) {
    case 'circle':
      return `<circle cx="${f(sh.c.x)}" cy="${f(sh.c.y)}" r="${f(sh.r)}" ${style}/>${
        sh.inner
          ? `<circle cx="${f(sh.c.x)}" cy="${f(sh.c.y)}" r="${f(sh.inner)}" fill="none" stroke="${COLOURS.propLine}" stroke-width="${STROKE * 0.5}"/>`
          : ''
      }`;
    case 'rect':
      return `<path d="${capsulePath({ a: sh.a, b: sh.b, ra: sh.r, rb: sh.r })}" ${style}/>`;
    case 'box':
      return `<rect x="${f(sh.x0)}" y="${f(sh.y0)}" width="${f(sh.x1 - sh.x0)}" height="${f(sh.y1 - sh.y0)}" rx="${f(sh.rx ?? 0)}" ${style}/>`;
    case 'line': {
      const colour = sh.colour === 'strap' ? COLOURS.strap : COLOURS.propLine;
      const d = `M${sh.pts.map(pt).join('L')}`;
      if (sh.colour === 'strap')
        return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${f(sh.w)}" stroke-linecap="round" stroke-linejoin="round"/>`;
      return `<path d="${d}" fill="none" stroke="${COLOURS.propLine}" stroke-width="${f(sh.w + STROKE * 1.2)}" stroke-linecap="round" stroke-linejoin="round"/><path d="${d}" fill="none" stroke="${COLOURS.prop}" stroke-width="${f(sh.w)}" stroke-linecap="round" stroke-linejoin="round"/>`;
    }
  }
}

function propSvg(p: PlacedProp, panel: Panel, top: number): string {
  let out = p.shapes.map(shapeSvg).join('');
  for (const leg of p.toFloor ?? []) {
    out += shapeSvg({ k: 'box', x0: leg.x0, y0: leg.from, x1: leg.x1, y1: panel.ground, rx: 4 });
  }
  if (p.wall) {
    const w = p.kind === 'door-frame' ? 34 : 26;
    const x0 = p.wall.side === 'behind' ? p.wall.x - w : p.wall.x;
    out += `<rect x="${f(x0)}" y="${f(top)}" width="${w}" height="${f(panel.ground - top)}" fill="${COLOURS.prop}" stroke="${COLOURS.propLine}" stroke-width="${STROKE * 0.8}"/>`;
  }
  return out;
}

function arrowSvg(a: NonNullable<Panel['arrow']>): string {
  const head = (tip: Vec, from: Vec) => {
    const d = unit(sub(tip, from));
    const n = { x: -d.y, y: d.x };
    const back = add(tip, scale(d, -34));
    return `<path d="M${pt(tip)}L${pt(add(back, scale(n, 20)))}L${pt(add(back, scale(n, -20)))}Z" fill="${COLOURS.arrow}"/>`;
  };
  const d = unit(sub(a.to, a.from));
  const from = a.both ? add(a.from, scale(d, 26)) : a.from;
  const to = add(a.to, scale(d, -26));
  return `<path d="M${pt(from)}L${pt(to)}" stroke="${COLOURS.arrow}" stroke-width="12" stroke-linecap="round"/>${head(a.to, a.from)}${
    a.both ? head(a.from, a.to) : ''
  }`;
}

function order(panel: Panel): Segment[] {
  const segs = panel.sk.segments;
  const rank = (s: Segment) => {
    if (s.far) return s.name === 'upperArm' || s.name === 'forearm' || s.name === 'hand' ? 0 : 1;
    if (s.name === 'torso') return 2;
    if (s.name === 'chest') return 2.5;
    if (s.name === 'neck') return 3;
    if (s.name === 'head') return 4;
    const arm = s.name === 'upperArm' || s.name === 'forearm' || s.name === 'hand';
    return arm ? 6 : 5;
  };
  return [...segs].sort((a, b) => rank(a) - rank(b));
}

/** Draws one panel, moved by (dx, dy); `top` is where walls end. */
function panelSvg(panel: Panel, id: string, mirror: boolean, box: ReturnType<typeof bboxOf>, top: number): string {
  const back = panel.props.filter((p) => p.layer === 'back');
  const front = panel.props.filter((p) => p.layer === 'front');
  let body = back.map((p) => propSvg(p, panel, top)).join('');
  if (panel.mat) {
    body += `<rect x="${f(box.x0 + 20)}" y="${f(panel.ground)}" width="${f(box.x1 - box.x0 - 40)}" height="16" rx="8" fill="${COLOURS.prop}" stroke="${COLOURS.propLine}" stroke-width="${STROKE * 0.6}"/>`;
  }
  const segments = order(panel);
  const trunk = segments.filter((s) => s.name === 'torso' || s.name === 'chest');
  body += segments
    .map((s, i) =>
      s.name === 'chest' ? '' : s.name === 'torso' ? trunkSvg(trunk, panel, `${id}-${i}`) : segmentSvg(s, panel, `${id}-${i}`),
    )
    .join('');
  body += front.map((p) => propSvg(p, panel, top)).join('');
  if (panel.arrow) body += arrowSvg(panel.arrow);
  const floorY = panel.ground + (panel.mat ? 16 : 0);
  const floor =
    panel.sk.view === 'above'
      ? ''
      : `<path d="M${f(box.x0 - MARGIN / 2)} ${f(floorY)}H${f(box.x1 + MARGIN / 2)}" stroke="${COLOURS.floor}" stroke-width="${STROKE}" stroke-linecap="round"/>`;
  const flip = mirror ? ` transform="translate(${f(box.x0 + box.x1)} 0) scale(-1 1)"` : '';
  return `<g${flip}>${floor}${body}</g>`;
}

/** The whole drawing: one panel, or start and end side by side on one floor line. */
export function drawingSvg(
  panels: Panel[],
  opts: { id: string; mirror: boolean; title?: string },
): { svg: string; width: number; height: number } {
  const boxes = panels.map(bboxOf);
  const y0 = Math.min(...boxes.map((b, i) => b.y0 - panels[i].ground));
  const y1 = Math.max(...boxes.map((b, i) => b.y1 - panels[i].ground)) + (panels.some((p) => p.mat) ? 16 : 0);
  const height = y1 - y0 + MARGIN * 2;
  let x = 0;
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const box = boxes[i];
    const w = box.x1 - box.x0;
    const dx = x + MARGIN - box.x0;
    const dy = MARGIN - y0 - panel.ground;
    const top = panel.ground + y0;
    parts.push(`<g transform="translate(${f(dx)} ${f(dy)})">${panelSvg(panel, `${opts.id}${i}`, opts.mirror, box, top)}</g>`);
    x += w + MARGIN * 2 + (i < panels.length - 1 ? GAP : 0);
    if (i < panels.length - 1) {
      const sx = x - GAP / 2;
      parts.push(
        `<path d="M${f(sx)} ${f(MARGIN)}V${f(height - MARGIN)}" stroke="${COLOURS.prop}" stroke-width="6" stroke-dasharray="2 16" stroke-linecap="round"/>`,
      );
    }
  });
  const width = Math.round(x);
  const h = Math.round(height);
  const title = opts.title ? `<title>${escapeHtml(opts.title)}</title>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img">${title}${parts.join('')}</svg>`;
  return { svg, width, height: h };
}
