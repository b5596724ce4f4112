import type { Region } from '../vocabulary.js';
import {
  add,
  angleOf,
  armSegments,
  bodyPoint,
  buildSkeleton,
  reachAngles,
  type Segment,
  type Side,
  type Skeleton,
  scale,
  sub,
  unit,
  type Vec,
  v,
} from './body.js';
import { type PlacedProp, type PropContext, placedAfterArms, placeHandProp, placeProp } from './props.js';
import type { Drawing, Pose, PoseAdjust } from './schema.js';

/** One panel of a drawing: the posed body, its props and the floor, with what is wrong with it. */
export interface Panel {
  sk: Skeleton;
  props: PlacedProp[];
  ground: number;
  walls: { x: number; side: 'behind' | 'front'; kind: string }[];
  arrow?: { from: Vec; to: Vec; both: boolean };
  worked: { regions: Region[]; sides: Side[] };
  problems: string[];
  mat: boolean;
}

/** How far a body may sink into the floor or a wall, or a ball fall short of it (1.2% of height). */
export const TOLERANCE = 12;

export function applyAdjust(pose: Pose, adjust?: PoseAdjust): Pose {
  if (!adjust) return pose;
  return {
    ...pose,
    ...adjust,
    arms: { ...pose.arms, ...(adjust.arms ?? {}) },
    legs: { ...pose.legs, ...(adjust.legs ?? {}) },
  };
}

function nearSide(drawing: Drawing): Side {
  return drawing.side === 'right' ? 'right' : 'left';
}

export function buildPanel(pose: Pose, drawing: Drawing, regions: Region[]): Panel {
  const near = nearSide(drawing);
  const sk = buildSkeleton(pose, near);
  const problems: string[] = [];
  const ctx: PropContext = { sk, problems, handles: {} };
  const props: PlacedProp[] = [];
  for (const prop of drawing.props.filter((p) => !placedAfterArms(p))) {
    const placed = placeProp(prop, ctx);
    if (placed) props.push(placed);
  }
  for (const side of ['left', 'right'] as const) {
    const arm = pose.arms[side];
    if (!arm || Array.isArray(arm)) continue;
    const target = ctx.handles[arm.reach] ?? bodyPoint(sk, arm.reach)?.p;
    if (!target) {
      problems.push(
        `arms.${side}: cannot reach "${arm.reach}": name a body point or a prop's handle (${Object.keys(ctx.handles).join(', ') || 'none here'})`,
      );
      continue;
    }
    const { angles, short } = reachAngles(sk.shoulderOf[side], target);
    if (short > TOLERANCE) problems.push(`arms.${side}: the hand falls ${Math.round(short)} short of "${arm.reach}"`);
    sk.segments.push(...armSegments(sk.shoulderOf[side], angles, side, sk.view === 'side' && side !== near));
  }
  for (const prop of drawing.props.filter(placedAfterArms)) {
    const placed = placeHandProp(prop, ctx);
    if (placed) props.push(placed);
  }
  problems.push(...jointProblems(sk));

  const bodyLow = Math.max(...sk.segments.flatMap((s) => [s.a.y + s.ra, s.b.y + s.rb]));
  const floorProps = props.filter((p) => p.floorAt !== undefined);
  const ground = Math.max(bodyLow, ...floorProps.map((p) => p.floorAt as number));
  if (ground - bodyLow > TOLERANCE && !props.some((p) => p.toFloor)) {
    problems.push(
      `the body floats ${Math.round(ground - bodyLow)} above the floor: a ${floorProps.map((p) => p.kind).join(', ')} pushes below it; lift that part of the body`,
    );
  }
  for (const p of floorProps) {
    const gap = ground - (p.floorAt as number);
    if (gap > TOLERANCE) problems.push(`${p.kind}: floats ${Math.round(gap)} above the floor; lower the body onto it`);
  }
  const walls = props.filter((p) => p.wall).map((p) => ({ ...(p.wall as { x: number; side: 'behind' | 'front' }), kind: p.kind }));
  for (const wall of walls) {
    const through = sk.segments.some((s) =>
      [s.a.x - s.ra, s.b.x - s.rb, s.a.x + s.ra, s.b.x + s.rb].some((x) =>
        wall.side === 'behind' ? x < wall.x - TOLERANCE : x > wall.x + TOLERANCE,
      ),
    );
    if (through && wall.kind === 'wall') problems.push(`wall: part of the body goes through the wall; move the body away from it`);
  }
  let arrow: Panel['arrow'];
  if (drawing.arrow) {
    const bp = bodyPoint(sk, drawing.arrow.at);
    if (bp) {
      const d = unit(v(Math.sin((drawing.arrow.direction * Math.PI) / 180), -Math.cos((drawing.arrow.direction * Math.PI) / 180)));
      const off = bp.n.x === 0 && bp.n.y === 0 ? v(0, -60) : scale(bp.n, 70);
      const c = add(bp.p, off);
      arrow = { from: add(c, scale(d, -70)), to: add(c, scale(d, 70)), both: drawing.arrow.both };
    } else problems.push(`arrow: body point "${drawing.arrow.at}" is not on this figure`);
  }
  const sides: Side[] = drawing.side === 'both' ? ['left', 'right'] : [drawing.side];
  return {
    sk,
    props,
    ground,
    walls,
    arrow,
    worked: { regions, sides },
    problems,
    mat: drawing.props.some((p) => p.kind === 'mat'),
  };
}

const norm = (a: number) => {
  let x = a % 360;
  if (x > 180) x -= 360;
  if (x <= -180) x += 360;
  return x;
};

const segAngle = (s: Segment) => angleOf(sub(s.b, s.a));

/** Joints within human ranges (DRAWINGS.md): a pose outside them is a content error. */
function jointProblems(sk: Skeleton): string[] {
  const problems: string[] = [];
  if (sk.view !== 'side') return problems;
  const find = (name: Segment['name'], side?: Side) => sk.segments.find((s) => s.name === name && s.side === side);
  const torso = segAngle(find('torso') as Segment);
  const chest = segAngle(find('chest') as Segment);
  const neck = segAngle(find('neck') as Segment);
  if (Math.abs(norm(chest - torso)) > 60)
    problems.push(`chest: the spine bends ${Math.round(norm(chest - torso))}° at the waist (at most 60°)`);
  if (Math.abs(norm(neck - chest)) > 75) problems.push(`neck: bent ${Math.round(norm(neck - chest))}° from the trunk (at most 75°)`);
  for (const side of ['left', 'right'] as const) {
    const [thigh, shin, foot, upper, fore] = (['thigh', 'shin', 'foot', 'upperArm', 'forearm'] as const).map((n) => find(n, side));
    if (thigh && shin) {
      const hip = norm(torso + 180 - segAngle(thigh));
      if (hip < -40 || hip > 135) problems.push(`legs.${side}: the hip bends ${Math.round(hip)}° (from -40° back to 135° forward)`);
      const knee = norm(segAngle(shin) - segAngle(thigh));
      if (knee < -5 || knee > 155) problems.push(`legs.${side}: the knee bends ${Math.round(knee)}° (0° to 150°, and only backward)`);
    }
    if (shin && foot) {
      const ankle = norm(segAngle(shin) - segAngle(foot));
      if (ankle < -5 || ankle > 150) problems.push(`legs.${side}: the foot is at ${Math.round(ankle)}° to the shin (0°, pointed, to 145°)`);
    }
    if (upper && fore) {
      const elbow = norm(segAngle(upper) - segAngle(fore));
      if (elbow < -8 || elbow > 155) problems.push(`arms.${side}: the elbow bends ${Math.round(elbow)}° (0° to 150°, and only forward)`);
      const shoulder = norm(segAngle(upper) - chest);
      if (shoulder > -120 && shoulder < -15)
        problems.push(`arms.${side}: the upper arm points ${Math.round(-shoulder)}° behind the trunk's line overhead`);
    }
  }
  return problems;
}

export const bboxOf = (panel: Panel) => {
  const xs: number[] = [];
  const ys: number[] = [];
  const take = (p: Vec, r = 0) => {
    xs.push(p.x - r, p.x + r);
    ys.push(p.y - r, p.y + r);
  };
  for (const s of panel.sk.segments) {
    take(s.a, s.ra);
    take(s.b, s.rb);
  }
  for (const p of panel.props) {
    for (const sh of p.shapes) {
      if (sh.k === 'circle') take(sh.c, sh.r);
      else if (sh.k === 'rect') {
        take(sh.a, sh.r);
        take(sh.b, sh.r);
      } else if (sh.k === 'box') {
        take(v(sh.x0, sh.y0));
        take(v(sh.x1, sh.y1));
      } else for (const q of sh.pts) take(q, sh.w / 2);
    }
    for (const f of p.toFloor ?? []) {
      take(v(f.x0, f.from));
      take(v(f.x1, panel.ground));
    }
  }
  if (panel.arrow) {
    take(panel.arrow.from, 20);
    take(panel.arrow.to, 20);
  }
  ys.push(panel.ground);
  for (const w of panel.walls) xs.push(w.x + (w.side === 'behind' ? -24 : 24));
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
};
