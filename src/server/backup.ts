// npm run backup [-- <file>]: an online backup while Carryover keeps serving (compiled with the server).
// SQLite: the SQLite backup API copies a consistent snapshot page by page without stopping
// writers. PostgreSQL: use pg_dump (its own online backup); this script says so.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from './config.js';

export async function backupSqlite(source: string, target: string) {
  mkdirSync(dirname(target), { recursive: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new SQLite(target, { readonly: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    const foreignKeys = copy.pragma('foreign_key_check') as unknown[];
    if (integrity !== 'ok' || foreignKeys.length)
      throw new Error(`backup failed its check: ${integrity}, ${foreignKeys.length} broken references`);
  } finally {
    copy.close();
  }
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  if (config.DATABASE_URL?.startsWith('postgres')) {
    console.log(
      'PostgreSQL: run pg_dump --format=custom "$DATABASE_URL" > carryover.dump (an online, consistent backup), and pg_restore to restore.',
    );
    process.exit(0);
  }
  const source = resolve(config.DATABASE_URL?.replace(/^file:/, '') ?? join(config.DATA_DIR, 'carryover.sqlite'));
  const target = resolve(
    process.argv[2] ?? join(config.DATA_DIR, 'backups', `carryover-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`),
  );
  await backupSqlite(source, target);
  console.log(`Backed up ${source} to ${target} (integrity and references checked).`);
}
