import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './index.js';
import * as m001 from './migrations/001-foundation.js';
import * as m002 from './migrations/002-library.js';
import * as m003 from './migrations/003-clients.js';
import * as m004 from './migrations/004-homework.js';
import * as m005 from './migrations/005-portal.js';
import * as m006 from './migrations/006-rebooking.js';
import * as m007 from './migrations/007-dashboard-indexes.js';
import * as m008 from './migrations/008-today.js';
import * as m010 from './migrations/010-consent-and-checklist.js';
import * as m011 from './migrations/011-working-hours.js';
import * as m012 from './migrations/012-calendar-subscriptions.js';
import * as m013 from './migrations/013-time-format.js';
import * as m014 from './migrations/014-member-access.js';
import * as m015 from './migrations/015-two-factor.js';
import * as m016 from './migrations/016-handout-files.js';
import * as m017 from './migrations/017-client-page-snapshots.js';
import * as m018 from './migrations/018-dashboard-monthly-counts.js';
import * as m019 from './migrations/019-stored-values-as-columns.js';
import * as m020 from './migrations/020-dashboard-covering-indexes.js';
import * as m021 from './migrations/021-lighter-check-in-triggers.js';
import * as m022 from './migrations/022-kept-pages-freshness-index.js';

// Listed by hand rather than read from disk so bundling and tests see the same set.
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-library': m002,
  '003-clients': m003,
  '004-homework': m004,
  '005-portal': m005,
  '006-rebooking': m006,
  '007-dashboard-indexes': m007,
  '008-today': m008,
  '010-consent-and-checklist': m010,
  '011-working-hours': m011,
  '012-calendar-subscriptions': m012,
  '013-time-format': m013,
  '014-member-access': m014,
  '015-two-factor': m015,
  '016-handout-files': m016,
  '017-client-page-snapshots': m017,
  '018-dashboard-monthly-counts': m018,
  '019-stored-values-as-columns': m019,
  '020-dashboard-covering-indexes': m020,
  '021-lighter-check-in-triggers': m021,
  '022-kept-pages-freshness-index': m022,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
