import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirProblem } from './data-dir.js';

describe('DATA_DIR checked at start', () => {
  const root = mkdtempSync(join(tmpdir(), 'carryover-datadir-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a writable folder, and makes the default one', () => {
    expect(dataDirProblem(root, true)).toBeUndefined();
    expect(dataDirProblem(join(root, 'fresh', 'data'), false)).toBeUndefined();
  });

  it('names the variable and the path when the folder is missing, a file, or cannot be made', () => {
    expect(dataDirProblem(join(root, 'typo'), true)).toBe(
      `DATA_DIR: ${join(root, 'typo')} does not exist. Create it, writable by Carryover, or point DATA_DIR at the right folder.`,
    );
    writeFileSync(join(root, 'a-file'), 'x');
    expect(dataDirProblem(join(root, 'a-file'), true)).toMatch(/^DATA_DIR: .*a-file is not a folder/);
    expect(dataDirProblem(join(root, 'a-file', 'data'), false)).toMatch(/^DATA_DIR: .*a-file\/data cannot be reached \(ENOTDIR\)/);
  });

  it('names a read-only folder', () => {
    // /proc takes no new files, even for root: it stands in for a read-only mount.
    expect(dataDirProblem('/proc', true)).toMatch(/^DATA_DIR: \/proc is not writable \(E[A-Z]+\)/);
    if (process.getuid?.() !== 0) {
      const locked = join(root, 'locked');
      dataDirProblem(locked, false);
      chmodSync(locked, 0o555);
      expect(dataDirProblem(locked, true)).toMatch(/^DATA_DIR: .*locked is not writable \(EACCES\)/);
      chmodSync(locked, 0o755);
    }
  });

  it('the server stops with that sentence and no stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: join(root, 'typo'), PORT: '0', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Carryover cannot start. DATA_DIR: ${join(root, 'typo')} does not exist.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
