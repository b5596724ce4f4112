// Draws every built-in item. `npm run drawings` writes docs/drawings.png, a contact sheet labelled by
// slug; `-- --only a,b` writes those items to /tmp/drawings/<slug>.png for a close look; every
// problem (a ball that misses the floor, a joint out of range) is printed, and the exit code is 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { readLibraryFiles } from '../src/server/features/library/content-check.js';
import { readPoseFiles } from '../src/server/features/library/poses.js';
import { isReadable } from '../src/server/features/library/readability.js';
import { escapeHtml } from '../src/shared/escape.js';
import { renderDrawing } from '../src/shared/figure/index.js';

const FONT = new URL('../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

const { items } = readLibraryFiles();
const { poses, problems: poseProblems } = readPoseFiles();
const problems = [...poseProblems];
const drawn = items
  .filter((i) => !only || only.includes(i.slug))
  .map((item) => {
    const r = renderDrawing(item, poses, { readable: isReadable });
    if (!item.pose) r.problems.unshift('no pose');
    problems.push(...r.problems.map((p) => `${item.slug}: ${p}`));
    return { slug: item.slug, ...r };
  });

const png = (svg: string, width: number) =>
  new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();

// The contact sheet: each drawing fitted into a cell, its slug underneath.
function contactSheet(cols: number, cw = 300, ch = 220): string {
  const rows = Math.ceil(drawn.length / cols);
  const cells = drawn.map((d, i) => {
    const [x, y] = [(i % cols) * cw, Math.floor(i / cols) * ch];
    const inner = d.svg
      .replace(/^<svg([^>]*?) width="\d+" height="\d+"/, '<svg$1')
      .replace(/^<svg /, `<svg x="${x + 10}" y="${y + 8}" width="${cw - 20}" height="${ch - 44}" `);
    return `<rect x="${x + 3}" y="${y + 3}" width="${cw - 6}" height="${ch - 6}" rx="8" fill="#fff" stroke="#ddd5c9"/>${inner}<text x="${x + cw / 2}" y="${y + ch - 16}" font-size="15" text-anchor="middle" fill="#1f2a28">${escapeHtml(d.slug)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * cw}" height="${rows * ch}" viewBox="0 0 ${cols * cw} ${rows * ch}"><rect width="100%" height="100%" fill="#f7f4ee"/>${cells.join('')}</svg>`;
}

if (only) {
  const out = process.env.DRAWINGS_OUT ?? '/tmp/drawings';
  mkdirSync(out, { recursive: true });
  for (const d of drawn) writeFileSync(`${out}/${d.slug}.png`, png(d.svg, 640));
  writeFileSync(`${out}/sheet.png`, png(contactSheet(Math.min(4, drawn.length), 400, 300), Math.min(4, drawn.length) * 400));
  console.log(`wrote ${out}/<slug>.png and all of them in ${out}/sheet.png`);
} else {
  writeFileSync('docs/drawings.png', png(contactSheet(8), 8 * 300));
  console.log(`wrote docs/drawings.png: ${drawn.length} drawings`);
}
for (const p of problems) console.log(p);
console.log(`${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
