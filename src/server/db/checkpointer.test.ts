import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { CHECKPOINT_EVERY_MS } from './checkpointer.js';
import { openDatabase } from './index.js';

// What is committed reaches the database file itself shortly after, moved by the background thread (the
// server's own checkpoint waits for 10,000 pages); closing leaves no WAL behind.
it('moves committed writes from the WAL into the database file on its own thread, and closes cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-checkpoint-'));
  const file = join(dir, 'carryover.sqlite');
  const handle = await openDatabase({ url: `file:${file}`, dataDir: dir });
  const marker = `checkpointed-${randomUUID()}`;
  await sql`CREATE TABLE notes (text TEXT NOT NULL)`.execute(handle.db);
  await sql`INSERT INTO notes (text) VALUES (${marker})`.execute(handle.db);
  expect(readFileSync(`${file}-wal`).includes(marker)).toBe(true);

  const inFile = () => readFileSync(file).includes(marker);
  for (let waited = 0; !inFile() && waited < 50 * CHECKPOINT_EVERY_MS; waited += CHECKPOINT_EVERY_MS)
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_EVERY_MS));
  expect(inFile()).toBe(true);
  const { rows } = await sql<{ text: string }>`SELECT text FROM notes`.execute(handle.db);
  expect(rows).toEqual([{ text: marker }]);

  await handle.close();
  expect(existsSync(`${file}-wal`)).toBe(false);
});

// A script that opens the database, closes it and has nothing else to do (the bench, a one-off task):
// closing must finish, not leave the process to end while the thread still holds its connection.
it('finishes closing in a process with nothing else left to do', () => {
  const dir = mkdtempSync(join(tmpdir(), 'carryover-checkpoint-'));
  const index = new URL('./index.ts', import.meta.url).href;
  const script = `
    const { openDatabase } = await import(${JSON.stringify(index)});
    const handle = await openDatabase({ url: 'file:${join(dir, 'carryover.sqlite')}', dataDir: '${dir}' });
    await handle.close();
    console.log('closed');`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(out.trim()).toBe('closed');
  expect(existsSync(join(dir, 'carryover.sqlite-wal'))).toBe(false);
});
