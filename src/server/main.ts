import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { dataDirProblem } from './data-dir.js';
import { openDatabase } from './db/index.js';
import { mailboxTransport, smtpTransport } from './email/transport.js';
import { scheduleLapseSweep } from './features/appointments/lapsed.js';
import { scheduleCalendarSweep } from './features/calendar-import/sweep.js';
import { keepPagesReady } from './features/portal/page-refresh.js';
import { DEMO_LOGIN, seedDemoIfEmpty } from './seed/demo.js';
import { seedDemoClients } from './seed/demo-clients.js';
import { diskStorage } from './storage/storage.js';

const config = loadConfig();
const dataDirStop = dataDirProblem(config.DATA_DIR, process.env.DATA_DIR !== undefined);
if (dataDirStop) {
  console.error(`Carryover cannot start. ${dataDirStop}`);
  process.exit(1);
}
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
if (config.production && !config.SMTP_URL) throw new Error('SMTP_URL is required in production: Carryover must not pretend to send mail.');
const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : mailboxTransport;
const storage = diskStorage(resolve(config.DATA_DIR));
const app = await buildApp({ ...database, clock: systemClock, config, transport, storage });

const seeded = !config.production && config.SEED_DEMO === 'auto' && (await seedDemoIfEmpty(database.db, systemClock));
if (seeded) {
  // The demo clients are made through the API: their hundreds of requests are not worth a log line each.
  const level = app.http.log.level;
  app.http.log.level = 'warn';
  await seedDemoClients(app.http, database.db, systemClock, DEMO_LOGIN, 'America/New_York');
  app.http.log.level = level;
}
await app.http.listen({ port: config.PORT, host: config.HOST });
await scheduleLapseSweep(database.db, systemClock);
await scheduleCalendarSweep(database.db, systemClock);
app.jobs.start();
// Kept client pages made again after a change or the client's midnight, before the client asks (decision 036).
const pagesReady = keepPagesReady({ db: database.db, clock: systemClock, config }, app.http.log);

const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${(app.http.server.address() as { port: number }).port}`;
console.log(`\nCarryover is running at ${url}  (database: ${database.dialect})`);
if (seeded) console.log(`A demo practice was created. Sign in with ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
if (transport.kind === 'mailbox')
  console.log(`No SMTP_URL: mail is kept in the local mailbox at ${url}/mailbox, readable only from this machine (not through a proxy)`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    pagesReady.stop();
    await app.http.close();
    transport.close();
    await database.close();
    process.exit(0);
  });
}
