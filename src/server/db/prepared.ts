import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './index.js';

const PLACEHOLDER = '\u0000carryover:';

type Slot<P> = { name: P } | { value: unknown };

// The SQL of every prepared query, named: on PostgreSQL these run as named statements, parsed and
// planned once per connection (index.ts). Only these: naming every query would grow without end.
const names = new Map<string, string>();
export const statementName = (sql: string) => names.get(sql);

/**
 * A query built and compiled once per database kind, then run with new parameters. Kysely builds and
 * compiles a query on every call (about 30 µs, most of what an indexed read costs on SQLite), so the
 * hot paths (the client's page, check-ins, the signed-in lookup) build theirs once. `param(name)`
 * marks a value supplied per call; every other value in the query is fixed at build time.
 */
export function prepared<P extends string, R>(build: (db: Db, param: (name: P) => never) => Compilable<R>) {
  const byDialect = new Map<unknown, { compiled: CompiledQuery<R>; slots: Slot<P>[] }>();

  const compile = (db: Db) => {
    const dialect = db.getExecutor().adapter.constructor;
    let entry = byDialect.get(dialect);
    if (!entry) {
      const compiled = build(db, (name) => `${PLACEHOLDER}${name}` as never).compile();
      const slots = compiled.parameters.map(
        (v): Slot<P> => (typeof v === 'string' && v.startsWith(PLACEHOLDER) ? { name: v.slice(PLACEHOLDER.length) as P } : { value: v }),
      );
      entry = { compiled, slots };
      byDialect.set(dialect, entry);
      if (!names.has(compiled.sql)) names.set(compiled.sql, `carryover_${names.size + 1}`);
    }
    return entry;
  };

  const run = async (db: Db, params: Record<P, unknown>) => {
    const { compiled, slots } = compile(db);
    const parameters = slots.map((s) => {
      if (!('name' in s)) return s.value;
      const value = params[s.name];
      if (value === undefined) throw new Error(`prepared query: no value for ${s.name}`);
      return value;
    });
    return db.executeQuery<R>({ ...compiled, parameters });
  };

  return {
    all: async (db: Db, params: Record<P, unknown>) => (await run(db, params)).rows,
    first: async (db: Db, params: Record<P, unknown>) => (await run(db, params)).rows[0] as R | undefined,
    run: async (db: Db, params: Record<P, unknown>) => {
      const result = await run(db, params);
      return { rows: result.rows, changed: Number(result.numAffectedRows ?? 0n) };
    },
  };
}
