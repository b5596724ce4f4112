// Prints every problem in content/exercises (drawings included) and the library's counts; exits 1 when there is a problem.
// With --readme, also writes the counts into README.md between the library-counts markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkLibrary, readLibraryFiles } from '../src/server/features/library/content-check.js';
import { checkDrawings } from '../src/server/features/library/drawing-check.js';
import { countsMarkdown } from '../src/server/features/library/library-counts.js';
import { readPoseFiles } from '../src/server/features/library/poses.js';

const { items, problems } = readLibraryFiles();
const { poses, problems: poseProblems } = readPoseFiles();
const all = [...problems, ...poseProblems, ...checkLibrary(items), ...checkDrawings(items, poses)];
for (const p of all) console.log(p);
const counts = countsMarkdown(items);
console.log(`\n${counts}\n`);
console.log(`${items.length} valid items, ${all.length} problems`);

if (process.argv.includes('--readme')) {
  const readme = new URL('../README.md', import.meta.url);
  const start = '<!-- library-counts:start -->';
  const end = '<!-- library-counts:end -->';
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.log(`README.md has no ${start} … ${end} section to fill`);
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n${counts}\n${text.slice(to)}`);
  console.log('README.md library counts updated');
}
process.exit(all.length ? 1 : 0);
