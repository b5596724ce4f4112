import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db, Dialect } from './db/index.js';
import type { MailTransport } from './email/transport.js';
import type { FileStorage } from './storage/storage.js';

/** What every feature is built from; tests build their own. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Config;
  transport: MailTransport;
  storage: FileStorage;
}
