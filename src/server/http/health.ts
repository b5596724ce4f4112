import { databaseWritable } from '../db/health.js';
import type { AppDeps } from '../deps.js';

const CHECK_TIMEOUT_MS = 2000;

type Check = 'ok' | 'failed' | 'timed out';

async function within(check: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then((r) => (r === false ? 'failed' : 'ok') as Check), timeout]);
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What /healthz reports: the database answers a read, would take a write, and the disk takes a file.
 * 200 only when all three hold, so a load balancer stops sending work to a full disk or a locked file.
 */
export async function checkHealth(deps: Pick<AppDeps, 'db' | 'dialect' | 'storage'>) {
  const [databaseReads, databaseWrites, diskWrites] = await Promise.all([
    within(() => deps.db.selectFrom('practices').select('id').limit(1).execute()),
    within(() => databaseWritable(deps.db, deps.dialect)),
    within(() => deps.storage.checkWritable()),
  ]);
  const ok = databaseReads === 'ok' && databaseWrites === 'ok' && diskWrites === 'ok';
  return { status: ok ? 200 : 503, body: { ok, database: { reads: databaseReads, writes: databaseWrites }, disk: { writes: diskWrites } } };
}
