import { describe, expect, it } from 'vitest';
import { renderDrawing } from './index.js';
import { drawingSchema, poseSchema } from './schema.js';

describe('bad drawings are named', () => {
  it('an unknown joint, prop or body point fails validation with the field named', () => {
    const joint = poseSchema.safeParse({ describe: 'Standing', elbows: 90 });
    expect(joint.success).toBe(false);
    expect(JSON.stringify(joint.error?.issues)).toContain('elbows');
    const prop = drawingSchema.safeParse({ props: [{ kind: 'trampoline', at: 'calf' }] });
    expect(prop.error?.issues[0].path).toEqual(['props', 0, 'kind']);
    const point = drawingSchema.safeParse({ props: [{ kind: 'tennis-ball', at: 'left-elbow-pit' }] });
    expect(point.error?.issues[0].path).toEqual(['props', 0, 'at']);
    expect(point.error?.issues[0].message).toContain('Unknown body point');
  });

  it('a limb bent out of its joint and a ball that misses the floor are reported', () => {
    const pose = poseSchema.parse({ describe: 'Standing', legs: { left: [180, 120] } });
    const r = renderDrawing(
      {
        slug: 'x',
        name: 'X',
        regions: ['calf'],
        pose: 'bent',
        drawing: drawingSchema.parse({ props: [{ kind: 'tennis-ball', at: 'calf-left' }] }),
      },
      new Map([['bent', pose]]),
    );
    expect(r.problems.join('\n')).toContain('legs.left: the knee bends -60°');
    expect(r.problems.join('\n')).toMatch(/tennis-ball: floats \d+ above the floor/);
  });

  it('an item naming a pose the library lacks is reported', () => {
    const r = renderDrawing({ slug: 'x', name: 'X', regions: ['calf'], pose: 'upside-down' }, new Map());
    expect(r.problems).toContain('pose: "upside-down" is not in content/poses');
  });
});
