import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

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

/** Carryover itself, as its own process, as it runs in production (compiled by `npm run build`). */
export async function startCarryover(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
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

/**
 * A bare node:http server answering each path with the bytes Carryover answered: the ceiling
 * to compare with. Bodies are base64 (a PDF is served byte for byte) and go through a file,
 * because the environment has a size limit.
 */
export async function startBare(responses: Record<string, { status: number; type: string; body: string }>) {
  const port = await freePort();
  const file = join(mkdtempSync(join(tmpdir(), 'carryover-bare-')), 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const script = `
    const http = require('node:http');
    const responses = JSON.parse(require('node:fs').readFileSync(process.env.RESPONSES_FILE, 'utf8'));
    for (const r of Object.values(responses)) r.body = Buffer.from(r.body, 'base64');
    http.createServer((req, res) => {
      const r = responses[req.url.split('?')[0]] ?? responses['*'];
      req.resume();
      req.on('end', () => { res.writeHead(r.status, { 'content-type': r.type, 'content-length': r.body.length }); res.end(r.body); });
    }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, RESPONSES_FILE: file },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
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
