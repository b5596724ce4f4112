import { REGIONS, type Region } from './vocabulary.js';

/*
 * The one body map: a front and a back figure as SVG path data, so the web app and the PDF handouts
 * (pdfkit's doc.path(d)) draw the same thing.
 *
 * Half a figure is drawn (x >= 0, the half on the viewer's right, y down) and mirrored, so both sides
 * always match. The drawing is a few smooth curves through control points; each area is a polygon on
 * those curves, so neighbours share their edges exactly and the outer edges are the outline itself.
 * Stroke areas thinly in a light colour to show the seams between them; draw the outline last.
 */

export type BodyView = 'front' | 'back';
export type AreaSide = 'left' | 'right' | 'center';
export interface BodyArea {
  region: Region;
  view: BodyView;
  side: AreaSide;
  d: string;
}

export const BODY_MAP_VIEWBOX = '0 0 400 460';
export const BODY_VIEWS = {
  front: { centreX: 100, label: 'Front' },
  back: { centreX: 300, label: 'Back' },
} as const;
/** Where to print the view names under the feet. */
export const VIEW_LABEL_Y = 450;

type Pt = readonly [number, number];
type Uv = readonly [number, number];

const lerp = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/**
 * Catmull-Rom spline through the points, s from 0 to points.length - 1. It is linear in the points, so
 * lerping two curves lerps the points. `before` and `after` steer the ends (default: carry straight on).
 */
function curve(pts: Pt[], before?: Pt, after?: Pt): (s: number) => Pt {
  const n = pts.length;
  const p = (i: number): Pt => (i < 0 ? (before ?? lerp(pts[1], pts[0], 2)) : i >= n ? (after ?? lerp(pts[n - 2], pts[n - 1], 2)) : pts[i]);
  return (s) => {
    const i = Math.max(0, Math.min(Math.floor(s), n - 2));
    const t = s - i;
    const [a, b, c, d] = [p(i - 1), p(i), p(i + 1), p(i + 2)];
    const f = (k: 0 | 1) =>
      0.5 *
      (2 * b[k] + (c[k] - a[k]) * t + (2 * a[k] - 5 * b[k] + 4 * c[k] - d[k]) * t ** 2 + (3 * b[k] - a[k] - 3 * c[k] + d[k]) * t ** 3);
    return [f(0), f(1)];
  };
}

const STEPS = 3; // samples per control segment: smooth enough at this size, short enough for many maps on a page

/** Points of a curve from s = a to s = b (either way round) on a fixed grid, so a shared edge samples alike from both sides. */
function trace(c: (s: number) => Pt, a: number, b: number): Pt[] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const ss = [lo];
  for (let k = Math.floor(lo * STEPS) + 1; k / STEPS < hi - 1e-9; k++) ss.push(k / STEPS);
  if (hi > lo) ss.push(hi);
  const pts = ss.map(c);
  return a <= b ? pts : pts.reverse();
}

type Row = readonly [number, number, number, number]; // inner x, y, outer x, y

/** "s,u s,u ..." corners of a polygon on a strip. */
const uv = (corners: string): Uv[] => corners.split(' ').map((c) => c.split(',').map(Number) as unknown as Uv);

/**
 * A band between two curves through rows of points, each row from the inner edge to the outer.
 * Places on it are (s, u): s along it through the rows, u across from 0 (inner) to 1 (outer).
 */
function strip(rows: Row[], ends: { before?: Row; after?: Row } = {}) {
  const edgeCurve = (k: 0 | 2) =>
    curve(
      rows.map((r): Pt => [r[k], r[k + 1]]),
      ends.before && [ends.before[k], ends.before[k + 1]],
      ends.after && [ends.after[k], ends.after[k + 1]],
    );
  const inner = edgeCurve(0);
  const outer = edgeCurve(2);
  const at = ([s, u]: Uv): Pt => lerp(inner(s), outer(s), u);
  /** From one corner to the next: straight across a row, otherwise following the curves. */
  const edge = (a: Uv, b: Uv): Pt[] =>
    a[0] === b[0] ? [at(a), at(b)] : trace((s) => at([s, a[1] + ((s - a[0]) / (b[0] - a[0])) * (b[1] - a[1])]), a[0], b[0]);
  /** The outline of a polygon; `open` leaves out the closing edge (the midline of a centre shape, or a run used in a bigger shape). */
  const poly = (corners: string, open = false): Pt[] => {
    const c = uv(corners);
    return chain(...c.slice(0, open ? -1 : undefined).map((a, i) => edge(a, c[(i + 1) % c.length])));
  };
  return { at, poly, inner, outer };
}

/** A strip along a limb's axis, [x, y, half-width] per row, each row square to the axis; the last row is the rounded tip. */
function limb(axis: [number, number, number][]) {
  const rows = axis.map(([x, y, w], i): Row => {
    const [ax, ay] = axis[Math.max(i - 1, 0)];
    const [bx, by] = axis[Math.min(i + 1, axis.length - 1)];
    const len = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [(by - ay) / len, (ax - bx) / len]; // normal, pointing away from the body
    return [x - nx * w, y - ny * w, x + nx * w, y + ny * w];
  });
  const beforeTip = rows[rows.length - 2];
  // Steering each edge towards the other edge's last-but-one point makes the tip a round cap.
  return strip(rows, { after: [beforeTip[2], beforeTip[3], beforeTip[0], beforeTip[1]] });
}

function chain(...parts: Pt[][]): Pt[] {
  const out: Pt[] = [];
  for (const p of parts.flat()) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 0.05) out.push(p);
  }
  return out;
}

// ---- The drawing (half figure, x from the midline) ----

/** Head: midline to the head's edge, crown to chin. Row 7 is where the jaw meets the neck, row 8 the chin. */
const head = strip(
  [
    [0, 14, 0, 14],
    [0, 16.5, 9.5, 16.5],
    [0, 22, 15.2, 22],
    [0, 30, 18.6, 30],
    [0, 39, 19.4, 39],
    [0, 48, 18.4, 48],
    [0, 56, 16, 56],
    [0, 62, 13.4, 62],
    [0, 67.5, 6, 66.6],
  ],
  { before: [0, 16.5, -9.5, 16.5] }, // round over the crown: the curve continues into the other half
);

/** Arm, [x, y, half-width] along its axis: from armpit height to the fingertips, hanging a little away from the body. */
const arm = limb([
  [47.2, 123.6, 10.5],
  [50.5, 148, 9.5],
  [55.9, 172.9, 8], // 2: elbow
  [59, 186, 8.8],
  [64.5, 210, 7.2],
  [69.4, 231.3, 5.6], // 5: wrist
  [71.2, 240, 7.8],
  [74.3, 255, 7.6],
  [76.4, 264, 5.4],
  [77.6, 269.5, 0], // 9: fingertip
]);
const LAST_ARM_ROW = 9;
const ARMPIT = arm.at([0, 0]);
const ACROMION: Pt = [37, 88.5];
const NECK_U = 6.5 / ACROMION[0]; // where a 13-wide front of the neck meets row 0 of the body

/** Neck and the top of the shoulder, from under the jaw over the shoulder cap to the arm. */
const shoulder = curve([
  [13.4, 62],
  [12.9, 67],
  [13.1, 72],
  [15, 77], // 3: base of the neck
  [20.5, 80.6], // 4
  [28, 84.6],
  ACROMION, // 6
  [45, 92],
  [51, 96.5],
  [54.7, 103],
  [56.6, 112],
  arm.at([0, 1]), // 11: top of the arm's outer edge
  arm.at([1, 1]), // only steers the curve into the arm
]);

/**
 * Trunk and leg: midline (then the inner leg) to the side of the body, collarbones to toes.
 * Row 0 runs from the top of the breastbone to the shoulder, 2 is the armpit, 6 the V from the hip bone
 * down to the pubis, 8 the fold of the groin, 12 the knee, 16-17 the ankle.
 */
const body = strip([
  [0, 98, ...ACROMION],
  [0, 110, 35.4, 106],
  [0, 125, ...ARMPIT],
  [0, 142, 36.3, 140],
  [0, 162, 33.2, 162],
  [0, 182, 30.8, 182],
  [0, 214, 33.2, 198],
  [0, 224, 38.2, 211],
  [0.4, 231, 40, 225],
  [3.5, 254, 37.6, 254],
  [5, 282, 32, 282],
  [6, 307, 26, 307],
  [6.6, 320, 25.2, 320], // 12: knee
  [6.2, 333, 25.8, 333],
  [5.6, 350, 26.6, 350],
  [7.2, 373, 22, 373],
  [8, 390, 19.8, 390],
  [8, 403, 20, 403],
  [6.8, 413, 23.6, 413],
  [7.4, 421, 23.4, 421],
  [10, 425, 21, 425],
]);
const LAST_BODY_ROW = 20;

const outlineHalf = chain(
  trace(head.outer, 0, 7),
  trace(shoulder, 0, 11),
  trace(arm.outer, 0, LAST_ARM_ROW),
  trace(arm.inner, LAST_ARM_ROW, 0),
  trace(body.outer, 2, LAST_BODY_ROW),
  trace(body.inner, LAST_BODY_ROW, 8),
);

// Shapes in both views.
const deltoid = chain(trace(shoulder, 6, 11), arm.poly('0,1 0,0', true), body.poly('2,1 0,1', true));
const limbAreas: [Region, Pt[]][] = [
  ['upper-arm', arm.poly('0,0 0,1 2,1 2,0')],
  ['forearm', arm.poly('2,0 2,1 4.75,1 4.75,0')],
  ['hand-wrist', arm.poly(`4.75,0 4.75,1 ${LAST_ARM_ROW},1 ${LAST_ARM_ROW},0`)],
  ['hip-side', body.poly('6,0.65 6,1 8.75,1 8.75,0.65')],
  ['ankle', body.poly('15.5,0 15.5,1 17,1 17,0')],
  ['foot', body.poly(`17,0 17,1 ${LAST_BODY_ROW},1 ${LAST_BODY_ROW},0`)],
];

/** `centre` shapes are drawn on the midline and mirrored into one; `paired` ones become a left and a right. */
type Drawing = { centre: [Region, Pt[]][]; paired: [Region, Pt[]][] };

/** The jaw's upper edge, from in front of the ear to the midline under the mouth. */
const JAW_TOP = '4.7,1 5,0.55 5.6,0.28 6.2,0.1 6.6,0';

const FRONT: Drawing = {
  centre: [
    ['head', head.poly(`0,0 0,1 ${JAW_TOP}`, true)],
    ['neck-front', [head.at([8, 0]), head.at([8, 1]), body.at([0, NECK_U]), body.at([0, 0])]],
    ['abdomen', body.poly('3,0 3,1 6,1 6,0', true)],
  ],
  paired: [
    ['jaw', head.poly(`${JAW_TOP} 8,0 8,1`)],
    ['neck-side', chain(trace(head.outer, 8, 7), trace(shoulder, 0, 3.5), body.poly(`0,0.42 0,${NECK_U}`, true))],
    ['upper-traps', chain(trace(shoulder, 3.5, 6), body.poly('0,1 0,0.42', true))],
    ['shoulder-front', deltoid],
    ['chest', body.poly('0,0 0,1 3,1 3,0')],
    ['hip-front', body.poly('6,0 6,0.65 8,0.65 8,0')],
    ['thigh-inner', body.poly('8,0 8,0.42 9.5,0.3 10.5,0.12 10.75,0')],
    ['thigh-front', body.poly('8,0.42 8,0.65 8.75,0.65 8.75,1 11,1 11,0 10.75,0 10.5,0.12 9.5,0.3')],
    ['knee', body.poly('11,0 11,1 13,1 13,0')],
    ['shin', body.poly('13,0 13,1 15.5,1 15.5,0')],
    ...limbAreas,
  ],
};

const BACK: Drawing = {
  centre: [
    ['head', head.poly('0,0 0,1 7,1 7,0', true)],
    ['neck-back', chain([head.at([7, 0])], trace(shoulder, 0, 3), [body.at([0, 0.14]), body.at([0, 0])])],
  ],
  paired: [
    ['upper-traps', chain(trace(shoulder, 3, 6), body.poly('0,1 0,0.14', true))],
    ['shoulder-back', deltoid],
    ['upper-back', body.poly('0,0 0,1 3,1 3,0')],
    ['mid-back', body.poly('3,0 3,1 5,1 5,0')],
    ['low-back', body.poly('5,0 5,1 6,1 6,0')],
    ['glutes', body.poly('6,0 6,0.65 9,0.65 9.19,0.5 9.25,0.35 9.21,0.2 9.1,0')],
    ['thigh-inner', body.poly('9.1,0 9.21,0.2 9.25,0.35 10.5,0.2 10.75,0')],
    ['thigh-back', body.poly('9.25,0.35 9.19,0.5 9,0.65 8.75,0.65 8.75,1 11,1 11,0 10.75,0 10.5,0.2')],
    ['knee', body.poly('11,0 11,1 13,1 13,0')],
    ['calf', body.poly('13,0 13,1 15.5,1 15.5,0')],
    ...limbAreas,
  ],
};

// ---- Placing the halves ----

const r1 = (n: number) => Math.round(n * 10) / 10;
const mirror = (pts: Pt[]): Pt[] => pts.map(([x, y]) => [-x, y]);
const place = (pts: Pt[], cx: number): Pt[] => pts.map(([x, y]) => [r1(cx + x), r1(y)]);
const toPath = (pts: Pt[]) => `M${pts.map(([x, y]) => `${x} ${y}`).join('L')}Z`;
/** A shape drawn on the midline: its half and the mirror image, joined along the midline. */
const whole = (half: Pt[]) => chain(half, mirror(half).reverse());

function centroid(pts: Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  pts.forEach(([x0, y0], i) => {
    const [x1, y1] = pts[(i + 1) % pts.length];
    const k = x0 * y1 - x1 * y0;
    a += k;
    cx += (x0 + x1) * k;
    cy += (y0 + y1) * k;
  });
  return [r1(cx / (3 * a)), r1(cy / (3 * a))];
}

const centres = new Map<BodyArea, Pt>();

function areasOf(view: BodyView, drawing: Drawing): BodyArea[] {
  const cx = BODY_VIEWS[view].centreX;
  // The half drawn at x >= 0 is on the viewer's right. Seen from the front that is the client's LEFT;
  // seen from the back it is the client's RIGHT.
  const drawnSide = view === 'front' ? 'left' : 'right';
  const otherSide = view === 'front' ? 'right' : 'left';
  const shapes: [Region, AreaSide, Pt[]][] = [
    ...drawing.centre.map(([region, half]): [Region, AreaSide, Pt[]] => [region, 'center', place(whole(half), cx)]),
    ...drawing.paired.flatMap(([region, half]): [Region, AreaSide, Pt[]][] => [
      [region, otherSide, place(mirror(half), cx)],
      [region, drawnSide, place(half, cx)],
    ]),
  ];
  // Head to toe (the order of REGIONS), then left to right as seen: the order of the keyboard's Tab.
  const order = Object.keys(REGIONS);
  shapes.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return shapes.map(([region, side, pts]) => {
    const area: BodyArea = { region, view, side, d: toPath(pts) };
    centres.set(area, centroid(pts));
    return area;
  });
}

export const BODY_OUTLINES: Record<BodyView, string> = {
  front: toPath(place(whole(outlineHalf), BODY_VIEWS.front.centreX)),
  back: toPath(place(whole(outlineHalf), BODY_VIEWS.back.centreX)),
};

/** Every tappable area: front then back, each head to toe. */
export const BODY_AREAS: readonly BodyArea[] = [...areasOf('front', FRONT), ...areasOf('back', BACK)];

/** Letters beside each figure saying which side is the client's left and right. */
export const SIDE_MARKERS: readonly { view: BodyView; side: 'left' | 'right'; x: number; y: number }[] = (
  ['front', 'back'] as const
).flatMap((view) => {
  const cx = BODY_VIEWS[view].centreX;
  const onViewersLeft = view === 'front' ? 'right' : 'left';
  return [
    { view, side: onViewersLeft, x: cx - 78, y: 78 },
    { view, side: onViewersLeft === 'left' ? 'right' : 'left', x: cx + 78, y: 78 },
  ];
});

export function areasFor(region: Region, view?: BodyView): BodyArea[] {
  return BODY_AREAS.filter((a) => a.region === region && (!view || a.view === view));
}

/** A point for a label or marker: the middle of the region's area on that view (of the given side, if paired). */
export function regionCentre(region: Region, view: BodyView, side?: 'left' | 'right'): { x: number; y: number } | undefined {
  const areas = areasFor(region, view);
  const area = areas.find((a) => a.side === side) ?? areas.find((a) => a.side === 'center') ?? areas[0];
  const c = area && centres.get(area);
  return c && { x: c[0], y: c[1] };
}

/** The label for one area, e.g. "Calf, left". */
export function areaLabel(area: Pick<BodyArea, 'region' | 'side'>): string {
  return area.side === 'center' ? REGIONS[area.region] : `${REGIONS[area.region]}, ${area.side}`;
}
