import type { ExerciseContent } from '../../../shared/exercise.js';
import { renderDrawing } from '../../../shared/figure/index.js';
import type { Pose } from '../../../shared/figure/schema.js';
import { hardSentences, isReadable } from './readability.js';

/** Largest SVG a drawing may be: it is inlined in the client's page and must stay light on a phone. */
const MAX_DRAWING_BYTES = 30 * 1024;

/** Every built-in item is drawn, from a pose that exists, with nothing floating, sinking or out of joint. */
export function checkDrawings(items: ExerciseContent[], poses: ReadonlyMap<string, Pose>): string[] {
  const problems: string[] = [];
  for (const item of items) {
    if (!item.pose) {
      problems.push(`${item.slug}: pose: every item needs a drawing; name a pose from content/poses`);
      continue;
    }
    const r = renderDrawing(item, poses, { readable: isReadable });
    for (const p of r.problems) problems.push(`${item.slug}: drawing: ${p}`);
    for (const { sentence, grade } of hardSentences(r.alt)) {
      problems.push(`${item.slug}: drawing.alt reads at grade ${grade.toFixed(1)}: "${sentence}"`);
    }
    const bytes = Buffer.byteLength(r.svg);
    if (bytes > MAX_DRAWING_BYTES) problems.push(`${item.slug}: drawing: ${bytes} bytes of SVG, at most ${MAX_DRAWING_BYTES}`);
  }
  return problems;
}
