import { z } from 'zod';

/*
 * The drawing of a self-care item, as data. A pose (content/poses/<name>.json) sets the body by the
 * angle of each segment; an item's `drawing` names its worked side, the props and how it moves.
 *
 * Angles are screen directions in degrees for a figure drawn facing right: 0 points up, 90 points the
 * way the figure faces (screen right), 180 points down, -90 behind. A standing figure is torso 0,
 * neck 0, arms [180, 180], legs [180, 180]. Lying on the back, head to the left: torso -90, neck -90.
 */

export const VIEWS = ['side', 'front', 'back', 'above'] as const;

const BODY_POINTS = [
  'head-top',
  'head-back',
  'skull-base',
  'forehead',
  'temple',
  'jaw',
  'neck-back',
  'neck-front',
  'neck-side',
  'shoulder-top',
  'shoulder-front',
  'shoulder-back',
  'shoulder-blade',
  'upper-back',
  'mid-back',
  'low-back',
  'chest',
  'belly',
  'hip-front',
  'glute',
  'sit-bones',
  'hip-side',
  'upper-arm',
  'upper-arm-back',
  'elbow',
  'forearm',
  'forearm-top',
  'wrist',
  'hand',
  'palm',
  'fingertips',
  'thigh-front',
  'thigh-back',
  'thigh-outer',
  'thigh-inner',
  'knee',
  'behind-knee',
  'shin',
  'shin-outer',
  'calf',
  'ankle',
  'heel',
  'sole',
  'ball-of-foot',
  'toes',
] as const;
export type BodyPointName = (typeof BODY_POINTS)[number];

/** Points on a limb name their side: "calf-left". Points on the head and trunk may too: "glute-right". */
const bodyPointRef = z
  .string()
  .regex(/^[a-z-]+$/, 'Name a body point, like "calf-left" or "skull-base"')
  .refine((s) => BODY_POINTS.includes(s.replace(/-(left|right)$/, '') as BodyPointName), {
    message: `Unknown body point. Use one of: ${BODY_POINTS.join(', ')} (add -left or -right for a side)`,
  });

const angle = z.number().min(-360).max(360);
const arm = z.union([
  z.tuple([angle, angle]),
  z.tuple([angle, angle, angle]),
  /** The hand goes to a body point or a prop's handle; the elbow bends to get it there. */
  z.object({ reach: z.string().min(2).max(40) }).strict(),
]);
const leg = z.union([z.tuple([angle, angle]), z.tuple([angle, angle, angle])]);

export const poseSchema = z
  .object({
    /** The position in words for the alt text: "Lying on your back, knees bent". */
    describe: z.string().trim().min(3).max(120),
    view: z.enum(VIEWS).default('side'),
    /** Hip to waist (the pelvis and low back). */
    torso: angle.default(0),
    /** Waist to shoulders, when the spine bends (arching, rounding, side-bending); defaults to the torso's. */
    chest: angle.optional(),
    /** Shoulders to the top of the head. */
    neck: angle.optional(),
    /** Upper arm, forearm, then the hand (defaults to the forearm's line). */
    arms: z.object({ left: arm.optional(), right: arm.optional() }).strict().default({}),
    /** Thigh, shin, then the foot (defaults to square to the shin). */
    legs: z.object({ left: leg.optional(), right: leg.optional() }).strict().default({}),
  })
  .strict();
export type Pose = z.infer<typeof poseSchema>;

/** Angles to change from the named pose for this item or its end position. */
// Built without defaults: an adjust changes only what it names (a default here would reset the pose).
const poseAdjustSchema = z
  .object({
    view: z.enum(VIEWS).optional(),
    torso: angle.optional(),
    chest: angle.optional(),
    neck: angle.optional(),
    arms: z.object({ left: arm.optional(), right: arm.optional() }).strict().optional(),
    legs: z.object({ left: leg.optional(), right: leg.optional() }).strict().optional(),
  })
  .strict();
export type PoseAdjust = z.infer<typeof poseAdjustSchema>;

const PROP_KINDS = [
  'tennis-ball',
  'lacrosse-ball',
  'balls-in-sock',
  'peanut-ball',
  'foam-roller',
  'massage-stick',
  'hook-massager',
  'strap',
  'band',
  'wall',
  'door-frame',
  'chair',
  'stair',
  'table',
  'mat',
  'pillow',
  'heat-pack',
  'cold-pack',
] as const;
export type PropKind = (typeof PROP_KINDS)[number];

const propSchema = z
  .object({
    kind: z.enum(PROP_KINDS),
    /** The body point the prop presses or holds up: "skull-base-right", "calf-left", "sit-bones". */
    at: bodyPointRef.optional(),
    /** What a ball or roller is pressed against: the floor (default), a wall, a chair or a table. */
    against: z.enum(['floor', 'wall', 'chair', 'table', 'hand']).optional(),
    /** A roller lying along the body instead of across it. */
    along: z.boolean().optional(),
    /** A wall or door frame behind the figure or in front of it. */
    side: z.enum(['behind', 'front']).optional(),
    /** A chair used by its back (hands on it) instead of its seat. */
    part: z.enum(['seat', 'back']).optional(),
  })
  .strict();
export type Prop = z.infer<typeof propSchema>;

const arrowSchema = z
  .object({
    at: bodyPointRef,
    /** Direction of the movement, an angle as for the pose (0 up, 90 forward). */
    direction: angle,
    /** Back and forth, as when rolling. */
    both: z.boolean().default(false),
  })
  .strict();

export const drawingSchema = z
  .object({
    /** The side worked; it is drawn toward the viewer in a side view. */
    side: z.enum(['left', 'right', 'both']).default('both'),
    /** Mirror the picture so the figure faces left. */
    facing: z.enum(['right', 'left']).default('right'),
    adjust: poseAdjustSchema.optional(),
    props: z.array(propSchema).max(6).default([]),
    /** A movement shown as a second panel: the end position. */
    end: z.object({ adjust: poseAdjustSchema }).strict().optional(),
    /** A movement shown as an arrow on one panel. */
    arrow: arrowSchema.optional(),
    /** One sentence that says the position in words, when the one made from the pose and props is not enough. */
    alt: z.string().trim().min(10).max(200).optional(),
  })
  .strict();
export type Drawing = z.infer<typeof drawingSchema>;
