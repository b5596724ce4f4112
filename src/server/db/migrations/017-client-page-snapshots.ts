import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * The client's page kept ready (decision 024): one row per client link holding the page as sent, and a
 * version per client that the database itself raises on every write the page shows. A snapshot is
 * served only while its version is the client's current one, so no writer has to remember it, and a
 * write made by another instance is seen on the very next read.
 *
 * The triggers are raw SQL, one form per database: the schema builder has no triggers, and doing the
 * bump in every writer (check-ins, homework, goals, questions, appointments, links, clients, practice,
 * members) would be a rule every future writer must remember.
 */

/** Which clients' pages a changed row touches, as a condition on client_page_versions.client_id for row R. */
const TOUCHES: Record<string, { clients: (row: string) => string; when?: string; ops?: string }> = {
  check_ins: { clients: (r) => `= ${r}.client_id` },
  homework: { clients: (r) => `= ${r}.client_id` },
  homework_media: { clients: (r) => `IN (SELECT client_id FROM homework WHERE id = ${r}.homework_id)` },
  questions: { clients: (r) => `= ${r}.client_id` },
  goals: { clients: (r) => `= ${r}.client_id` },
  goal_progress: { clients: (r) => `= ${r}.client_id` },
  appointments: { clients: (r) => `= ${r}.client_id` },
  booking_requests: { clients: (r) => `= ${r}.client_id` },
  client_links: { clients: (r) => `= ${r}.client_id` },
  clients: { clients: (r) => `= ${r}.id`, ops: 'UPDATE' },
  // Only what the page shows of the therapist and the practice: other edits leave every page as it is.
  members: { clients: (r) => `IN (SELECT id FROM clients WHERE therapist_id = ${r}.id)`, when: ' OF name', ops: 'UPDATE' },
  practices: {
    clients: (r) => `IN (SELECT id FROM clients WHERE practice_id = ${r}.id)`,
    when: ' OF name, timezone, sender_name, reminder_default, time_format',
    ops: 'UPDATE',
  },
};

const bump = (condition: string) => `UPDATE client_page_versions SET version = version + 1 WHERE client_id ${condition}`;
const NEW_CLIENT_VERSION = 'INSERT INTO client_page_versions (client_id, version) VALUES (NEW.id, 0) ON CONFLICT (client_id) DO NOTHING';

function sqliteTriggers(): string[] {
  const out: string[] = [];
  for (const [table, t] of Object.entries(TOUCHES)) {
    const ops = (t.ops ?? 'INSERT UPDATE DELETE').split(' ');
    for (const op of ops) {
      const condition =
        op === 'INSERT' ? t.clients('NEW') : op === 'DELETE' ? t.clients('OLD') : `${t.clients('NEW')} OR client_id ${t.clients('OLD')}`;
      const of = op === 'UPDATE' ? (t.when ?? '') : '';
      out.push(
        `CREATE TRIGGER page_stale_${table}_${op.toLowerCase()} AFTER ${op}${of} ON ${table} FOR EACH ROW BEGIN ${bump(condition)}; END`,
      );
    }
  }
  out.push(`CREATE TRIGGER page_version_new_client AFTER INSERT ON clients FOR EACH ROW BEGIN ${NEW_CLIENT_VERSION}; END`);
  // A revoked link's page goes at once (it is never served anyway: the read checks revoked_at).
  out.push(
    'CREATE TRIGGER page_snapshot_revoked AFTER UPDATE OF revoked_at ON client_links FOR EACH ROW WHEN NEW.revoked_at IS NOT NULL BEGIN DELETE FROM client_page_snapshots WHERE token_hash = NEW.token_hash; END',
  );
  return out;
}

function postgresTriggers(): string[] {
  const out: string[] = [];
  for (const [table, t] of Object.entries(TOUCHES)) {
    const ops = (t.ops ?? 'INSERT UPDATE DELETE').split(' ');
    out.push(`CREATE FUNCTION page_stale_${table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN ${bump(t.clients('NEW'))};
  ELSIF TG_OP = 'DELETE' THEN ${bump(t.clients('OLD'))};
  ELSE ${bump(`${t.clients('NEW')} OR client_id ${t.clients('OLD')}`)};
  END IF;
  RETURN NULL;
END $$`);
    const events = ops.map((op) => (op === 'UPDATE' ? `UPDATE${t.when ?? ''}` : op)).join(' OR ');
    out.push(`CREATE TRIGGER page_stale AFTER ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION page_stale_${table}()`);
  }
  out.push(
    `CREATE FUNCTION page_version_new_client() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${NEW_CLIENT_VERSION}; RETURN NULL; END $$`,
  );
  out.push('CREATE TRIGGER page_version_new_client AFTER INSERT ON clients FOR EACH ROW EXECUTE FUNCTION page_version_new_client()');
  out.push(`CREATE FUNCTION page_snapshot_revoked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  DELETE FROM client_page_snapshots WHERE token_hash = NEW.token_hash; RETURN NULL;
END $$`);
  out.push(
    'CREATE TRIGGER page_snapshot_revoked AFTER UPDATE OF revoked_at ON client_links FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION page_snapshot_revoked()',
  );
  return out;
}

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('client_page_versions')
    .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('client_page_snapshots')
    .addColumn('token_hash', 'text', (c) => c.primaryKey().references('client_links.token_hash').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // Served only before this instant: the client's next local midnight or their next visit, whichever is first.
    .addColumn('valid_until', 'text', (c) => c.notNull())
    // The code and files the page was made with: a new release makes pages anew.
    .addColumn('render_key', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('client_page_snapshots_client').on('client_page_snapshots').column('client_id').execute();
  await sql`INSERT INTO client_page_versions (client_id, version) SELECT id, 0 FROM clients`.execute(db);
  for (const statement of isPostgres(db) ? postgresTriggers() : sqliteTriggers()) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  for (const table of Object.keys(TOUCHES)) {
    if (postgres) await sql.raw(`DROP FUNCTION IF EXISTS page_stale_${table}() CASCADE`).execute(db);
    else for (const op of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS page_stale_${table}_${op}`).execute(db);
  }
  for (const name of ['page_version_new_client', 'page_snapshot_revoked'])
    await sql.raw(postgres ? `DROP FUNCTION IF EXISTS ${name}() CASCADE` : `DROP TRIGGER IF EXISTS ${name}`).execute(db);
  await db.schema.dropTable('client_page_snapshots').execute();
  await db.schema.dropTable('client_page_versions').execute();
}
