import type { Kysely } from 'kysely';

/*
 * The kept client pages' freshness read from an index alone (decision 036): page-refresh.ts walks the
 * kept pages a slice at a time to find those out of date, and each row of the table itself holds the
 * page's JSON and HTML (a page or more each), so walking the table would read every page.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('client_page_snapshots_freshness')
    .on('client_page_snapshots')
    .columns(['token_hash', 'client_id', 'version', 'valid_until', 'render_key', 'built_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('client_page_snapshots_freshness').execute();
}
