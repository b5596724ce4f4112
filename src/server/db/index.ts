import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { checkpointInBackground } from './checkpointer.js';
import { migrateToLatest } from './migrate.js';
import { statementName } from './prepared.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the database named by DATABASE_URL (SQLite under dataDir by default) and migrates it. */
export async function openDatabase(opts: { url?: string; dataDir: string }): Promise<DatabaseHandle> {
  const url = opts.url ?? `file:${join(opts.dataDir, 'carryover.sqlite')}`;
  const handle = /^postgres(ql)?:\/\//.test(url) ? openPostgres(url) : openSqlite(url.replace(/^file:/, ''));
  await migrateToLatest(handle.db);
  return handle;
}

/** How long a write waits for another process's lock on the SQLite file. */
export const SQLITE_LOCK_WAIT_MS = 250;

/**
 * After deleting a client: on SQLite, copy the zeroed pages into the file and empty the WAL, so none
 * of the deleted text stays in either. PostgreSQL keeps dead rows until VACUUM (README, "Deleting a client").
 */
export async function eraseDeletedText(db: Db, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  // Busy while the background checkpoint (checkpointer.ts) is running one: try again shortly.
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    if (!rows[0]?.busy) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL keeps WAL commits durable across a process crash; only a power cut can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, freezing every request meanwhile: wait briefly, then the
  // write answers 503 with Retry-After (http/error-handler.ts) while reads go on (decision 019).
  sqlite.pragma(`busy_timeout = ${SQLITE_LOCK_WAIT_MS}`);
  // Deleted rows are overwritten with zeros, not left readable in free pages (health text; decision 019).
  sqlite.pragma('secure_delete = ON');
  const checkpoints = file === ':memory:' ? null : checkpointInBackground(sqlite, file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const close = async () => {
    await checkpoints?.close();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', close };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running a typical indexed read.
 * Reusing the prepared statement per SQL text roughly doubles what a route serves. Kysely runs one
 * statement to completion before the next (better-sqlite3 is synchronous), so reuse is safe; a
 * statement still busy (a stream being read) is never handed out twice.
 */
export function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // The hot queries (prepared.ts) become named statements: PostgreSQL parses and plans them once per connection.
    client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' ? statementName(text) : undefined;
      return name ? query({ name, text, values }, callback) : query(text, values, callback);
    }) as typeof client.query;
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
