import type { BodyPointName, Pose } from './schema.js';

/*
 * The mannequin: segment lengths and thicknesses in thousandths of standing height (after the
 * Drillis and Contini table in DRAWINGS.md), set in place from a pose's angles. Screen coordinates:
 * x to the right, y down; the figure faces +x (the SVG mirrors it to face left).
 */

export type Vec = { x: number; y: number };
export const v = (x: number, y: number): Vec => ({ x, y });
export const add = (a: Vec, b: Vec): Vec => v(a.x + b.x, a.y + b.y);
export const sub = (a: Vec, b: Vec): Vec => v(a.x - b.x, a.y - b.y);
export const scale = (a: Vec, k: number): Vec => v(a.x * k, a.y * k);
export const len = (a: Vec): number => Math.hypot(a.x, a.y);
export const lerp = (a: Vec, b: Vec, t: number): Vec => v(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
/** The unit vector of a pose angle: 0 up, 90 forward (screen right), 180 down. */
export const dir = (deg: number): Vec => v(Math.sin((deg * Math.PI) / 180), -Math.cos((deg * Math.PI) / 180));
export const angleOf = (d: Vec): number => (Math.atan2(d.x, -d.y) * 180) / Math.PI;

const LENGTH = {
  torso: 288, // hip joint to shoulder line (0.818 - 0.530)
  waist: 120, // hip joint to the waist, where the spine bends
  neck: 52, // shoulder line to chin
  head: 130, // chin to the top of the head
  upperArm: 186,
  forearm: 146,
  hand: 95,
  thigh: 245,
  shin: 246,
  ankle: 39, // ankle above the sole
  heel: 38, // heel behind the ankle
  toe: 114, // toes ahead of the ankle: the foot is 152 long
} as const;

/** Radii at the start and the end of each segment (side view, front view where it differs). */
const RADIUS = {
  torso: [62, 56], // pelvis to waist
  chest: [56, 64], // waist to shoulders
  torsoFront: [96, 84], // half the hip width, the waist
  chestFront: [84, 118], // the waist, half the shoulder width less the arms
  neck: [26, 24],
  head: [52, 66], // half the depth (side) and half the height of the head
  upperArm: [30, 24],
  forearm: [24, 18],
  hand: [17, 14],
  thigh: [48, 34],
  shin: [34, 22],
  foot: [21, 15],
} as const;

export type Side = 'left' | 'right';
type View = 'side' | 'front' | 'back' | 'above';
export type SegmentName = 'torso' | 'chest' | 'neck' | 'head' | 'upperArm' | 'forearm' | 'hand' | 'thigh' | 'shin' | 'foot';

export interface Segment {
  name: SegmentName;
  side?: Side;
  a: Vec;
  b: Vec;
  ra: number;
  rb: number;
  /** Drawn behind the trunk in a side view: the far-side limb, a shade darker. */
  far: boolean;
}

export interface Skeleton {
  view: View;
  hip: Vec;
  shoulder: Vec;
  /** Where each limb joins the trunk (the same point for both sides in a side view). */
  shoulderOf: Record<Side, Vec>;
  hipOf: Record<Side, Vec>;
  segments: Segment[];
  /** The side drawn toward the viewer in a side view. */
  near: Side;
}

type ArmAngles = [number, number] | [number, number, number];
type LegAngles = [number, number] | [number, number, number];

const STANDING_ARM: ArmAngles = [180, 180];
const STANDING_LEG: LegAngles = [180, 180];

/** Lateral offsets of the shoulder and hip joints from the midline in a front or back view. */
const SHOULDER_HALF = 112;
const HIP_HALF = 52;

/** Perpendicular to a segment, toward its front: the face side of the trunk, the shin side of a leg. */
export function frontNormal(seg: Pick<Segment, 'name' | 'a' | 'b'>): Vec {
  const d = unit(sub(seg.b, seg.a));
  const trunk = seg.name === 'torso' || seg.name === 'chest' || seg.name === 'neck' || seg.name === 'head';
  return trunk ? v(-d.y, d.x) : v(d.y, -d.x);
}

export const unit = (a: Vec): Vec => {
  const l = len(a) || 1;
  return v(a.x / l, a.y / l);
};

/**
 * Sets the trunk and the legs in place from the pose, hip joint at the origin; arms given by angles
 * are set too, arms that reach for something are left to `placeArm`.
 */
export function buildSkeleton(pose: Pose, near: Side): Skeleton {
  const view = pose.view;
  const lateral = view === 'side' ? 0 : 1;
  const torsoDir = dir(pose.torso);
  const chestAngle = pose.chest ?? pose.torso;
  const chestDir = dir(chestAngle);
  // In a front view the figure's right side is on the viewer's left; in a back view on the right.
  const acrossAt = (deg: number) => (view === 'back' ? dir(deg + 90) : dir(deg - 90));
  const across = acrossAt(chestAngle);
  const hip = v(0, 0);
  const waist = add(hip, scale(torsoDir, LENGTH.waist));
  const shoulder = add(waist, scale(chestDir, LENGTH.torso - LENGTH.waist));
  const sideSign = (s: Side) => (s === 'right' ? 1 : -1) * lateral;
  const shoulderOf = {
    left: add(shoulder, scale(across, sideSign('left') * SHOULDER_HALF)),
    right: add(shoulder, scale(across, sideSign('right') * SHOULDER_HALF)),
  };
  const hipAcross = acrossAt(pose.torso);
  const hipOf = {
    left: add(hip, scale(hipAcross, sideSign('left') * HIP_HALF)),
    right: add(hip, scale(hipAcross, sideSign('right') * HIP_HALF)),
  };
  const front = view !== 'side';
  const segments: Segment[] = [];
  const [tr0, tr1] = front ? RADIUS.torsoFront : RADIUS.torso;
  const [ch0, ch1] = front ? RADIUS.chestFront : RADIUS.chest;
  // The trunk's rounded top ends a little above the shoulder joints, not a whole radius above.
  const chestTop = front ? shoulder : add(shoulder, scale(chestDir, -40));
  segments.push({ name: 'torso', a: hip, b: waist, ra: tr0, rb: tr1, far: false });
  segments.push({ name: 'chest', a: waist, b: chestTop, ra: ch0, rb: ch1, far: false });
  const neckDir = dir(pose.neck ?? chestAngle);
  const neckTop = add(shoulder, scale(neckDir, LENGTH.neck));
  segments.push({ name: 'neck', a: shoulder, b: neckTop, ra: RADIUS.neck[0], rb: RADIUS.neck[1], far: false });
  const headEnd = add(neckTop, scale(neckDir, LENGTH.head));
  segments.push({ name: 'head', a: neckTop, b: headEnd, ra: RADIUS.head[0], rb: RADIUS.head[0], far: false });
  for (const side of ['left', 'right'] as const) {
    const far = view === 'side' && side !== near;
    const [thighA, shinA, footA] = withFoot(pose.legs[side] ?? STANDING_LEG);
    const knee = add(hipOf[side], scale(dir(thighA), LENGTH.thigh));
    const ankle = add(knee, scale(dir(shinA), LENGTH.shin));
    segments.push({ name: 'thigh', side, a: hipOf[side], b: knee, ra: RADIUS.thigh[0], rb: RADIUS.thigh[1], far });
    segments.push({ name: 'shin', side, a: knee, b: ankle, ra: RADIUS.shin[0], rb: RADIUS.shin[1], far });
    if (view === 'side') {
      // The foot hangs below the ankle: its centre line sits a foot's radius above the sole.
      const down = scale(dir(shinA), LENGTH.ankle - RADIUS.foot[0]);
      const f = dir(footA);
      const heel = add(add(ankle, down), scale(f, -LENGTH.heel + RADIUS.foot[0]));
      const toe = add(add(ankle, down), scale(f, LENGTH.toe - RADIUS.foot[1]));
      segments.push({ name: 'foot', side, a: heel, b: toe, ra: RADIUS.foot[0], rb: RADIUS.foot[1], far });
    } else {
      // Seen from the front the foot is short: the toes come toward the viewer.
      const toe = add(ankle, scale(dir(shinA), LENGTH.ankle + 20));
      segments.push({ name: 'foot', side, a: ankle, b: toe, ra: 24, rb: 26, far });
    }
    const arm = pose.arms[side];
    if (!arm || Array.isArray(arm)) {
      segments.push(...armSegments(shoulderOf[side], withHand(arm ?? STANDING_ARM), side, far));
    }
  }
  return { view, hip, shoulder, shoulderOf, hipOf, segments, near };
}

const withFoot = (leg: LegAngles): [number, number, number] => [leg[0], leg[1], leg[2] ?? leg[1] - 90];
const withHand = (arm: ArmAngles): [number, number, number] => [arm[0], arm[1], arm[2] ?? arm[1]];

export function armSegments(shoulder: Vec, [upper, fore, hand]: [number, number, number], side: Side, far: boolean): Segment[] {
  const elbow = add(shoulder, scale(dir(upper), LENGTH.upperArm));
  const wrist = add(elbow, scale(dir(fore), LENGTH.forearm));
  const tip = add(wrist, scale(dir(hand), LENGTH.hand));
  return [
    { name: 'upperArm', side, a: shoulder, b: elbow, ra: RADIUS.upperArm[0], rb: RADIUS.upperArm[1], far },
    { name: 'forearm', side, a: elbow, b: wrist, ra: RADIUS.forearm[0], rb: RADIUS.forearm[1], far },
    { name: 'hand', side, a: wrist, b: tip, ra: RADIUS.hand[0], rb: RADIUS.hand[1], far },
  ];
}

/**
 * Two-bone reach: the angles that put the palm on `target`, the elbow bending down and back as
 * elbows do. Returns how far short the hand falls (0 when it gets there).
 */
export function reachAngles(shoulder: Vec, target: Vec): { angles: [number, number, number]; short: number } {
  const l1 = LENGTH.upperArm;
  const l2 = LENGTH.forearm + LENGTH.hand * 0.45;
  const toTarget = sub(target, shoulder);
  const d = Math.min(len(toTarget), l1 + l2 - 0.5);
  const short = Math.max(0, len(toTarget) - (l1 + l2));
  const base = angleOf(toTarget);
  const cosA = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d);
  const a = (Math.acos(Math.max(-1, Math.min(1, cosA))) * 180) / Math.PI;
  // Of the two elbow positions, take the lower one (larger y): arms hang, they do not flap up.
  const candidates = [base + a, base - a].map((upper) => {
    const elbow = add(shoulder, scale(dir(upper), l1));
    return { upper, elbow };
  });
  const { upper, elbow } = candidates[0].elbow.y >= candidates[1].elbow.y ? candidates[0] : candidates[1];
  const fore = angleOf(sub(add(shoulder, scale(unit(toTarget), d)), elbow));
  return { angles: [upper, fore, fore], short };
}

function segmentOf(sk: Skeleton, name: SegmentName, side?: Side): Segment | undefined {
  return sk.segments.find((s) => s.name === name && (s.side === undefined || side === undefined || s.side === side));
}

interface PointSpec {
  seg: SegmentName;
  t: number;
  face: 'front' | 'back' | 'outer' | 'inner' | 'center' | 'tip' | 'base';
  depth?: number;
}

/** Where each named point sits: along which segment, and on which face of it. */
const POINTS: Record<BodyPointName, PointSpec> = {
  'head-top': { seg: 'head', t: 1, face: 'tip' },
  'head-back': { seg: 'head', t: 0.5, face: 'back' },
  'skull-base': { seg: 'head', t: 0.22, face: 'back' },
  forehead: { seg: 'head', t: 0.72, face: 'front' },
  temple: { seg: 'head', t: 0.62, face: 'center' },
  jaw: { seg: 'head', t: 0.12, face: 'front', depth: 0.7 },
  'neck-back': { seg: 'neck', t: 0.5, face: 'back' },
  'neck-front': { seg: 'neck', t: 0.5, face: 'front' },
  'neck-side': { seg: 'neck', t: 0.5, face: 'outer' },
  'shoulder-top': { seg: 'chest', t: 1, face: 'tip', depth: 0.9 },
  'shoulder-front': { seg: 'chest', t: 0.77, face: 'front' },
  'shoulder-back': { seg: 'chest', t: 0.77, face: 'back' },
  'shoulder-blade': { seg: 'chest', t: 0.61, face: 'back' },
  'upper-back': { seg: 'chest', t: 0.5, face: 'back' },
  'mid-back': { seg: 'chest', t: 0.1, face: 'back' },
  'low-back': { seg: 'torso', t: 0.5, face: 'back' },
  chest: { seg: 'chest', t: 0.53, face: 'front' },
  belly: { seg: 'torso', t: 0.62, face: 'front' },
  'hip-front': { seg: 'torso', t: 0.17, face: 'front' },
  glute: { seg: 'torso', t: -0.12, face: 'back' },
  'sit-bones': { seg: 'torso', t: 0, face: 'base' },
  'hip-side': { seg: 'torso', t: 0, face: 'outer' },
  'upper-arm': { seg: 'upperArm', t: 0.5, face: 'outer' },
  'upper-arm-back': { seg: 'upperArm', t: 0.5, face: 'back' },
  elbow: { seg: 'forearm', t: 0, face: 'back' },
  forearm: { seg: 'forearm', t: 0.45, face: 'front' },
  'forearm-top': { seg: 'forearm', t: 0.45, face: 'back' },
  wrist: { seg: 'hand', t: 0, face: 'center' },
  hand: { seg: 'hand', t: 0.45, face: 'center' },
  palm: { seg: 'hand', t: 0.45, face: 'front' },
  fingertips: { seg: 'hand', t: 1, face: 'tip' },
  'thigh-front': { seg: 'thigh', t: 0.5, face: 'front' },
  'thigh-back': { seg: 'thigh', t: 0.5, face: 'back' },
  'thigh-outer': { seg: 'thigh', t: 0.5, face: 'outer' },
  'thigh-inner': { seg: 'thigh', t: 0.5, face: 'inner' },
  knee: { seg: 'thigh', t: 1, face: 'front' },
  'behind-knee': { seg: 'shin', t: 0.02, face: 'back' },
  shin: { seg: 'shin', t: 0.45, face: 'front' },
  'shin-outer': { seg: 'shin', t: 0.45, face: 'outer' },
  calf: { seg: 'shin', t: 0.35, face: 'back' },
  ankle: { seg: 'shin', t: 1, face: 'center' },
  heel: { seg: 'foot', t: 0, face: 'base' },
  sole: { seg: 'foot', t: 0.45, face: 'back' },
  'ball-of-foot': { seg: 'foot', t: 0.78, face: 'back' },
  toes: { seg: 'foot', t: 1, face: 'tip' },
};

export interface BodyPoint {
  p: Vec;
  /** Outward from the body at the point; zero where the point faces the viewer. */
  n: Vec;
}

/** Resolves "calf-left" or "skull-base" to a point on the surface and its outward normal. */
export function bodyPoint(sk: Skeleton, ref: string): BodyPoint | undefined {
  const m = /^(.*?)(?:-(left|right))?$/.exec(ref);
  if (!m) return undefined;
  const name = m[1] as BodyPointName;
  const spec = POINTS[name];
  if (!spec) return undefined;
  const side = (m[2] as Side | undefined) ?? sk.near;
  const seg = segmentOf(sk, spec.seg, side);
  if (!seg) return undefined;
  const d = unit(sub(seg.b, seg.a));
  const centre = add(seg.a, scale(sub(seg.b, seg.a), spec.t));
  const r = (seg.ra + (seg.rb - seg.ra) * Math.max(0, Math.min(1, spec.t))) * (spec.depth ?? 1);
  const front = frontNormal(seg);
  const sideView = sk.view === 'side';
  // Seen from the front, "outer" is away from the midline of the body.
  const mid = lerp(sk.hip, sk.shoulder, 0.5);
  const outward = unit(v(front.x, front.y));
  const awayFromMid = Math.sign((centre.x - mid.x) * outward.x + (centre.y - mid.y) * outward.y) || (side === 'right' ? -1 : 1);
  let n: Vec;
  switch (spec.face) {
    case 'front':
      n = sideView ? front : v(0, 0);
      break;
    case 'back':
      n = sideView ? scale(front, -1) : v(0, 0);
      break;
    case 'outer':
      n = sideView ? v(0, 0) : scale(front, awayFromMid);
      break;
    case 'inner':
      n = sideView ? v(0, 0) : scale(front, -awayFromMid);
      break;
    case 'tip':
      n = d;
      break;
    case 'base':
      n = scale(d, -1);
      break;
    default:
      n = v(0, 0);
  }
  const isEnd = spec.face === 'tip' || spec.face === 'base';
  const rr = isEnd ? (spec.face === 'tip' ? seg.rb : seg.ra) : r;
  const lateralOffset =
    !sideView && m[2] && (spec.seg === 'torso' || spec.seg === 'chest' || spec.seg === 'head' || spec.seg === 'neck') ? 0.45 : 0;
  const offset = lateralOffset ? scale(front, (side === 'right' ? -1 : 1) * (sk.view === 'back' ? -1 : 1) * rr * lateralOffset) : v(0, 0);
  return { p: add(add(centre, scale(n, rr)), offset), n };
}
