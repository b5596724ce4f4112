import { REGIONS, type Region } from '../vocabulary.js';
import { applyAdjust, buildPanel, type Panel } from './scene.js';
import { type Drawing, drawingSchema, type Pose, type Prop } from './schema.js';
import { drawingSvg } from './svg.js';

export type { Drawing, Pose } from './schema.js';
export { drawingSchema, poseSchema } from './schema.js';

/** What the renderer needs of an item. */
interface DrawableItem {
  slug: string;
  name: string;
  regions: Region[];
  pose?: string;
  drawing?: Drawing;
}

export interface RenderedDrawing {
  svg: string;
  /** The SVG's own size (its viewBox), in CSS pixels. */
  width: number;
  height: number;
  alt: string;
  problems: string[];
  panels: Panel[];
}

/** Used when an item names no pose (a custom item written from scratch): standing, the area lit. */
const STANDING: Pose = { describe: 'Standing tall', view: 'front', torso: 0, arms: {}, legs: {} };

const PROP_WORDS: Record<Prop['kind'], string> = {
  'tennis-ball': 'a tennis ball',
  'lacrosse-ball': 'a firm ball',
  'balls-in-sock': 'two balls in a sock',
  'peanut-ball': 'a peanut ball',
  'foam-roller': 'a foam roller',
  'massage-stick': 'a massage stick',
  'hook-massager': 'a hook massager',
  strap: 'a strap or towel',
  band: 'a band',
  wall: 'a wall',
  'door-frame': 'a door frame',
  chair: 'a chair',
  stair: 'a step',
  table: 'a table',
  mat: 'a mat',
  pillow: 'a pillow',
  'heat-pack': 'a heat pack',
  'cold-pack': 'a cold pack',
};

const pointWords = (ref: string) => {
  const m = /^(.*?)(?:-(left|right))?$/.exec(ref) as RegExpExecArray;
  // "thigh-outer" reads as "outer thigh", "forearm-top" as "top of the forearm".
  const words = m[1]
    .replace(/^(\w+)-(outer|inner)$/, '$2 $1')
    .replace(/^(\w+)-(top|back|front)$/, '$2 of the $1')
    .replace(/-/g, ' ');
  return m[2] ? `${m[2]} ${words}` : words;
};

/** Furniture the pose's words usually name already ("sitting on a chair"). */
const FURNITURE: ReadonlySet<Prop['kind']> = new Set(['chair', 'wall', 'mat', 'door-frame', 'stair', 'table']);
const MAX_ALT_WORDS = 20;

/** One short sentence for screen readers and mail without images: the position, the props, the worked area. */
export function drawingAlt(item: DrawableItem, pose: Pose, readable: (sentence: string) => boolean = () => true): string {
  if (item.drawing?.alt) return item.drawing.alt;
  const describe = pose.describe.replace(/[.\s]+$/, '');
  const props = (item.drawing?.props ?? [])
    .filter((p) => p.kind !== 'mat' && !describe.toLowerCase().includes(PROP_WORDS[p.kind].replace(/^an? /, '')))
    .map((p) => `${PROP_WORDS[p.kind]}${p.at && !FURNITURE.has(p.kind) ? ` at the ${pointWords(p.at)}` : ''}`);
  const withProps = props.length ? `, with ${props.join(' and ')}` : '';
  const worked = item.regions.map((r) => REGIONS[r].toLowerCase());
  const working = `, working the ${worked.length > 1 ? `${worked.slice(0, -1).join(', ')} and ${worked.at(-1)}` : worked[0]}`;
  // Long sentences are hard to follow by ear: the worked area goes first, then the props.
  for (const sentence of [`${describe}${withProps}${working}.`, `${describe}${withProps}.`, `${describe}${working}.`]) {
    if (sentence.split(/\s+/).length <= MAX_ALT_WORDS && readable(sentence)) return sentence;
  }
  return `${describe}.`;
}

/**
 * Draws an item from its pose and drawing. `poses` are the library's named poses; a problem (an
 * unknown pose, a joint out of range, a ball that misses the floor) is reported, and the picture is
 * still drawn so a reviewer can see what is wrong.
 */
export function renderDrawing(
  item: DrawableItem,
  poses: ReadonlyMap<string, Pose>,
  opts: { readable?: (sentence: string) => boolean } = {},
): RenderedDrawing {
  const problems: string[] = [];
  let pose = STANDING;
  if (item.pose) {
    const named = poses.get(item.pose);
    if (named) pose = named;
    else problems.push(`pose: "${item.pose}" is not in content/poses`);
  }
  const drawing = drawingSchema.parse(item.drawing ?? {});
  const start = applyAdjust(pose, drawing.adjust);
  const panels = [buildPanel(start, drawing, item.regions)];
  if (drawing.end) panels.push(buildPanel(applyAdjust(start, drawing.end.adjust), drawing, item.regions));
  panels.forEach((p, i) => {
    problems.push(...p.problems.map((msg) => (panels.length > 1 ? `${i === 0 ? 'start' : 'end'}: ${msg}` : msg)));
  });
  // In a side view the worked side faces the viewer: a right-side item faces left.
  const mirror = start.view === 'side' ? (drawing.side === 'right') !== (drawing.facing === 'left') : drawing.facing === 'left';
  const alt = drawingAlt(item, pose, opts.readable);
  const { svg, width, height } = drawingSvg(panels, { id: `fig-${item.slug}`, mirror, title: alt });
  return { svg, width, height, alt, problems, panels };
}
