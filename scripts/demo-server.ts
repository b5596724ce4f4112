// The demo practice on a fresh temporary SQLite file, served on a free port: what the screenshots
// and the Lighthouse run look at. The same seeder as `npm start` fills it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, WEB_DIST } from '../src/server/app.js';
import { systemClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/index.js';
import { mailboxTransport } from '../src/server/email/transport.js';
import { DEMO_LOGIN, seedDemoIfEmpty } from '../src/server/seed/demo.js';
import { seedDemoClients } from '../src/server/seed/demo-clients.js';
import { diskStorage } from '../src/server/storage/storage.js';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function startDemoServer() {
  if (!existsSync(`${WEB_DIST}index.html`)) throw new Error('Build the web app first: npm run build:web');
  const dir = mkdtempSync(join(tmpdir(), 'carryover-screenshots-'));
  const database = await openDatabase({ url: `file:${join(dir, 'demo.sqlite')}`, dataDir: dir });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', PUBLIC_URL: url, DATA_DIR: dir });
  const app = await buildApp({
    ...database,
    clock: systemClock,
    config,
    transport: mailboxTransport,
    storage: diskStorage(join(dir, 'files')),
  });
  await seedDemoIfEmpty(database.db, systemClock);
  await seedDemoClients(app.http, database.db, systemClock, DEMO_LOGIN, 'America/New_York');
  await app.http.listen({ port, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.http.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { DEMO_LOGIN };
