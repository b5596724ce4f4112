import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Pose, poseSchema } from '../../../shared/figure/schema.js';

const POSES_DIR = new URL('../../../../content/poses/', import.meta.url);

/** Reads every named pose; a file that fails validation is reported with its field, not thrown. */
export function readPoseFiles(dir: URL = POSES_DIR): { poses: Map<string, Pose>; problems: string[] } {
  const poses = new Map<string, Pose>();
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = poseSchema.safeParse(JSON.parse(readFileSync(join(dir.pathname, file), 'utf8')));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`poses/${file}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    poses.set(file.replace(/\.json$/, ''), parsed.data);
  }
  return { poses, problems };
}

let library: ReadonlyMap<string, Pose> | undefined;

/** The library's poses, read once. */
export function builtInPoses(): ReadonlyMap<string, Pose> {
  if (library) return library;
  const { poses, problems } = readPoseFiles();
  if (problems.length) throw new Error(`The pose library has problems:\n${problems.join('\n')}`);
  library = poses;
  return library;
}
