import { sql } from 'kysely';
import type { Db, Dialect } from './index.js';

/**
 * Whether the database would take a write now, without writing. SQLite: take the write lock and let
 * it go (fails while another process holds it). PostgreSQL: the server is not a read-only standby.
 */
export async function databaseWritable(db: Db, dialect: Dialect): Promise<boolean> {
  if (dialect === 'sqlite') {
    // One connection held for both statements, so no other query runs between them.
    await db.connection().execute(async (c) => {
      await sql`BEGIN IMMEDIATE`.execute(c);
      await sql`ROLLBACK`.execute(c);
    });
    return true;
  }
  const row = await sql<{ transaction_read_only: string }>`SHOW transaction_read_only`.execute(db);
  return row.rows[0]?.transaction_read_only === 'off';
}
