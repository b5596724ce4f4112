import { add, type BodyPoint, bodyPoint, len, type Segment, type Skeleton, scale, sub, unit, type Vec, v } from './body.js';
import type { Prop, PropKind } from './schema.js';

/*
 * Props as shapes placed by the body point they press or hold up. Balls and rollers keep their size
 * and touch the body at the point; chairs, steps, tables and walls fit themselves to the body and the
 * floor, so the body rests on them by construction.
 */

export type Shape =
  | { k: 'circle'; c: Vec; r: number; inner?: number }
  | { k: 'rect'; a: Vec; b: Vec; r: number }
  | { k: 'box'; x0: number; y0: number; x1: number; y1: number; rx?: number }
  | { k: 'line'; pts: Vec[]; w: number; colour?: 'prop' | 'strap' };

export interface PlacedProp {
  kind: PropKind;
  layer: 'back' | 'front';
  shapes: Shape[];
  /** The lowest point of a prop that stands on the floor (balls and rollers pressed into it). */
  floorAt?: number;
  /** Chairs, steps, tables and door frames reach down to the floor, wherever it ends up. */
  toFloor?: { x0: number; x1: number; from: number }[];
  wall?: { x: number; side: 'behind' | 'front' };
}

const BALL_RADIUS: Partial<Record<PropKind, number>> = {
  'tennis-ball': 24,
  'lacrosse-ball': 22,
  'balls-in-sock': 22,
  'peanut-ball': 34,
  'foam-roller': 46,
  pillow: 26,
};

const ROLLER_LENGTH = 520;

export interface PropContext {
  sk: Skeleton;
  problems: string[];
  /** Where hands can reach on props: "stick-end-1", "chair-back", "wall", "door-frame". */
  handles: Record<string, Vec>;
}

const HANDS_ON = ['strap', 'band', 'hook-massager'] as const;

/** Props that hang on the hands (straps, bands, the hook) are placed after the arms. */
export const placedAfterArms = (p: Prop) => (HANDS_ON as readonly string[]).includes(p.kind);

function pointOrProblem(ctx: PropContext, ref: string | undefined, kind: string): BodyPoint | undefined {
  if (!ref) {
    ctx.problems.push(`${kind}: say which body point it is at ("at")`);
    return undefined;
  }
  const bp = bodyPoint(ctx.sk, ref);
  if (!bp) ctx.problems.push(`${kind}: body point "${ref}" is not on this figure`);
  return bp;
}

/** Outward normal, or "down" where the point faces the viewer (a ball under it on the floor). */
const pressDir = (bp: BodyPoint, against: Prop['against']): Vec => {
  if (against === 'wall' && len(bp.n) < 0.5) return v(-1, 0);
  return len(bp.n) > 0.5 ? bp.n : v(0, 1);
};

export function placeProp(prop: Prop, ctx: PropContext): PlacedProp | undefined {
  const { kind } = prop;
  switch (kind) {
    case 'tennis-ball':
    case 'lacrosse-ball':
    case 'balls-in-sock':
    case 'peanut-ball':
    case 'pillow':
    case 'foam-roller': {
      const bp = pointOrProblem(ctx, prop.at, kind);
      if (!bp) return undefined;
      const r = BALL_RADIUS[kind] ?? 24;
      const against = prop.against ?? 'floor';
      // A pillow on the floor lies flat, whatever the slope of the body above it.
      const n = kind === 'pillow' && against === 'floor' ? v(0, 1) : pressDir(bp, prop.against);
      const c = add(bp.p, scale(n, r));
      const shapes: Shape[] = [];
      if (kind === 'foam-roller' && prop.along) {
        const along = unit(v(-n.y, n.x));
        shapes.push({ k: 'rect', a: add(c, scale(along, -ROLLER_LENGTH / 2)), b: add(c, scale(along, ROLLER_LENGTH / 2)), r });
      } else if (kind === 'foam-roller' && ctx.sk.view !== 'side') {
        // Seen from the front or above, a roller across the body is a long bar.
        const across = unit(v(-n.y, n.x));
        shapes.push({ k: 'rect', a: add(c, scale(across, -ROLLER_LENGTH / 2)), b: add(c, scale(across, ROLLER_LENGTH / 2)), r });
      } else if (kind === 'pillow') {
        const across = unit(v(-n.y, n.x));
        shapes.push({ k: 'rect', a: add(c, scale(across, -70)), b: add(c, scale(across, 70)), r });
      } else if (kind === 'balls-in-sock') {
        const across = unit(v(-n.y, n.x));
        shapes.push({ k: 'circle', c: add(c, scale(across, -r * 0.7)), r }, { k: 'circle', c: add(c, scale(across, r * 0.7)), r });
      } else {
        shapes.push({ k: 'circle', c, r, inner: kind === 'foam-roller' ? r * 0.35 : kind === 'peanut-ball' ? r * 0.55 : undefined });
      }
      const placed: PlacedProp = { kind, layer: kind === 'pillow' ? 'back' : 'front', shapes };
      if (against === 'floor') placed.floorAt = Math.max(...shapes.map(lowestPoint));
      if (against === 'wall') ctx.handles['wall-contact'] = add(c, scale(n, r));
      return placed;
    }
    case 'chair': {
      const bp = pointOrProblem(ctx, prop.at ?? 'sit-bones', kind);
      if (!bp) return undefined;
      if (prop.part === 'back') {
        // Hands on the top of the chair's back; the seat reaches away from the figure.
        const top = bp.p;
        ctx.handles['chair-back'] = top;
        const seatY = top.y + 250;
        return {
          kind,
          layer: 'back',
          shapes: [
            { k: 'box', x0: top.x - 12, y0: top.y, x1: top.x + 12, y1: seatY, rx: 6 },
            { k: 'box', x0: top.x - 12, y0: seatY, x1: top.x + 240, y1: seatY + 22, rx: 6 },
          ],
          toFloor: [
            { x0: top.x - 12, x1: top.x + 10, from: seatY },
            { x0: top.x + 218, x1: top.x + 240, from: seatY },
          ],
        };
      }
      const seatY = bp.p.y;
      const sitting = (prop.at ?? 'sit-bones').startsWith('sit-bones') || (prop.at ?? '').startsWith('glute');
      const x0 = sitting ? bp.p.x - 70 : bp.p.x - 130;
      const x1 = sitting ? bp.p.x + 190 : bp.p.x + 130;
      const shapes: Shape[] = [{ k: 'box', x0, y0: seatY, x1, y1: seatY + 22, rx: 6 }];
      if (sitting) shapes.push({ k: 'box', x0: x0 - 4, y0: seatY - 280, x1: x0 + 20, y1: seatY + 10, rx: 6 });
      ctx.handles['chair-seat'] = v(x1 - 20, seatY);
      return {
        kind,
        layer: 'back',
        shapes,
        toFloor: [
          { x0: x0 - 4, x1: x0 + 18, from: seatY + 22 },
          { x0: x1 - 22, x1, from: seatY + 22 },
        ],
      };
    }
    case 'stair': {
      const bp = pointOrProblem(ctx, prop.at ?? 'ball-of-foot', kind);
      if (!bp) return undefined;
      return { kind, layer: 'back', shapes: [], toFloor: [{ x0: bp.p.x - 20, x1: bp.p.x + 260, from: bp.p.y }] };
    }
    case 'table': {
      const bp = pointOrProblem(ctx, prop.at ?? 'forearm', kind);
      if (!bp) return undefined;
      const y = bp.p.y;
      return {
        kind,
        layer: 'back',
        shapes: [{ k: 'box', x0: bp.p.x - 160, y0: y, x1: bp.p.x + 260, y1: y + 26, rx: 5 }],
        toFloor: [{ x0: bp.p.x + 220, x1: bp.p.x + 246, from: y + 26 }],
      };
    }
    case 'wall':
    case 'door-frame': {
      const side = prop.side ?? 'behind';
      let x: number;
      const contact = ctx.handles['wall-contact'];
      if (kind === 'wall' && contact) x = contact.x;
      else if (prop.at) {
        const bp = pointOrProblem(ctx, prop.at, kind);
        if (!bp) return undefined;
        x = bp.p.x;
      } else x = extremeX(ctx.sk.segments, side);
      // Hands on a wall or a door frame go at shoulder height.
      ctx.handles[kind] = v(x + (side === 'behind' ? 16 : -16), ctx.sk.shoulder.y + 30);
      return { kind, layer: 'back', shapes: [], wall: { x, side } };
    }
    case 'mat':
      return { kind, layer: 'back', shapes: [] };
    case 'heat-pack':
    case 'cold-pack': {
      const bp = pointOrProblem(ctx, prop.at, kind);
      if (!bp) return undefined;
      const n = len(bp.n) > 0.5 ? bp.n : v(0, -1);
      const t = unit(v(-n.y, n.x));
      const c = add(bp.p, scale(n, 10));
      return { kind, layer: 'front', shapes: [{ k: 'rect', a: add(c, scale(t, -48)), b: add(c, scale(t, 48)), r: 18 }] };
    }
    case 'massage-stick': {
      const bp = pointOrProblem(ctx, prop.at, kind);
      if (!bp) return undefined;
      const n = len(bp.n) > 0.5 ? bp.n : v(0, -1);
      const t = unit(v(-n.y, n.x));
      const c = add(bp.p, scale(n, 9));
      const e1 = add(c, scale(t, -170));
      const e2 = add(c, scale(t, 170));
      ctx.handles['stick-end-1'] = e1;
      ctx.handles['stick-end-2'] = e2;
      return {
        kind,
        layer: 'front',
        shapes: [
          { k: 'line', pts: [e1, e2], w: 16 },
          { k: 'line', pts: [e1, add(e1, scale(t, 60))], w: 26 },
          { k: 'line', pts: [e2, add(e2, scale(t, -60))], w: 26 },
        ],
      };
    }
    default:
      return undefined;
  }
}

function lowestPoint(sh: Shape): number {
  if (sh.k === 'circle') return sh.c.y + sh.r;
  if (sh.k === 'rect') return Math.max(sh.a.y, sh.b.y) + sh.r;
  if (sh.k === 'box') return sh.y1;
  return Math.max(...sh.pts.map((p) => p.y)) + sh.w / 2;
}

function extremeX(segments: Segment[], side: 'behind' | 'front'): number {
  const xs = segments.flatMap((s) => [s.a.x - s.ra, s.a.x + s.ra, s.b.x - s.rb, s.b.x + s.rb]);
  return side === 'behind' ? Math.min(...xs) : Math.max(...xs);
}

const handOf = (sk: Skeleton, side: 'left' | 'right') => {
  const hand = sk.segments.find((s) => s.name === 'hand' && s.side === side);
  return hand ? add(hand.a, scale(sub(hand.b, hand.a), 0.45)) : undefined;
};

/** Straps, bands and the hook run from the hands to the point they hold or press. */
export function placeHandProp(prop: Prop, ctx: PropContext): PlacedProp | undefined {
  const hands = (['left', 'right'] as const).map((s) => handOf(ctx.sk, s)).filter((h): h is Vec => Boolean(h));
  if (prop.kind === 'band') {
    const [a, b] = hands;
    const end = prop.at ? pointOrProblem(ctx, prop.at, prop.kind)?.p : b;
    if (!a || !end) return undefined;
    return { kind: prop.kind, layer: 'front', shapes: [{ k: 'line', pts: [a, end], w: 9, colour: 'strap' }] };
  }
  const bp = pointOrProblem(ctx, prop.at, prop.kind);
  if (!bp) return undefined;
  const nearest = [...hands].sort((a, b) => len(sub(a, bp.p)) - len(sub(b, bp.p)));
  if (prop.kind === 'strap') {
    const around = add(bp.p, scale(len(bp.n) > 0.5 ? bp.n : v(0, 1), 10));
    return {
      kind: prop.kind,
      layer: 'front',
      shapes: hands.map((h) => ({ k: 'line' as const, pts: [h, around], w: 10, colour: 'strap' as const })),
    };
  }
  // The hook: its tip on the point, bending out from the body and back to the nearer hand.
  const hand = nearest[0];
  if (!hand) return undefined;
  const n = len(bp.n) > 0.5 ? bp.n : v(0, -1);
  const tip = add(bp.p, scale(n, 8));
  const out = add(tip, scale(n, 70));
  const bend = add(out, scale(unit(sub(hand, out)), 60));
  return {
    kind: prop.kind,
    layer: 'front',
    shapes: [
      { k: 'line', pts: [tip, out, bend, hand], w: 15 },
      { k: 'circle', c: tip, r: 13 },
    ],
  };
}
