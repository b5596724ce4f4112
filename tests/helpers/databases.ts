import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/server/db/index.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** A fresh, migrated database of the given kind: a new SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(dialect: Dialect): Promise<DatabaseHandle & { url: string }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'carryover-test-'));
    const url = `file:${join(dir, 'test.sqlite')}`;
    return { ...(await openDatabase({ url, dataDir: dir })), url };
  }
  const admin = new URL(inject('postgresUrl'));
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  admin.pathname = `/${name}`;
  const url = admin.toString();
  return { ...(await openDatabase({ url, dataDir: tmpdir() })), url };
}

/**
 * Runs a suite once per database. The callback gets a getter, valid inside tests and hooks,
 * for that suite's own fresh database.
 */
export function describeEachDatabase(name: string, body: (database: () => DatabaseHandle & { url: string }, dialect: Dialect) => void) {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let handle: (DatabaseHandle & { url: string }) | undefined;
      beforeAll(async () => {
        handle = await freshDatabase(dialect);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, dialect);
    });
  }
}
