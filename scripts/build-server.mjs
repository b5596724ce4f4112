// Compiles the server (src/server, src/shared) to plain JavaScript in dist/, file for file, so
// production runs without a TypeScript loader: faster start, about 80 MB less memory. The client
// page's assets folder is copied as it is (it is compiled for the browser at start-up).
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const out = process.argv[2] ?? 'dist';
for (const dir of ['server', 'shared']) rmSync(`${out}/${dir}`, { recursive: true, force: true });
const files = ['src/server', 'src/shared'].flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`));
const entryPoints = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/assets/'));
await build({
  entryPoints,
  outdir: out,
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
for (const assets of files.filter((f) => f.endsWith('/assets'))) cpSync(assets, assets.replace(/^src/, out), { recursive: true });
