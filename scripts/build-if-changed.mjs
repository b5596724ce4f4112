// `npm start` and `npm run backup` run this first: it builds only when a source file, the lock
// file or the build itself changed since the last build, so a restart takes a second, not twenty.

import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.sources-hash';
const inputs = ['src', 'content', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'scripts/build-server.mjs'];

const files = (path) => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
};

const hash = createHash('sha256');
for (const file of inputs.flatMap(files)) {
  if (file.endsWith('.test.ts')) continue;
  hash.update(file).update('\0').update(readFileSync(file)).update('\0');
}
const sources = hash.digest('hex');
const built =
  existsSync(STAMP) && existsSync('dist/server/main.js') && existsSync('dist/web/index.html') ? readFileSync(STAMP, 'utf8') : '';

if (built === sources) {
  console.log('Carryover: the build is up to date.');
} else {
  execSync('npm run build', { stdio: 'inherit' });
  writeFileSync(STAMP, sources);
}
