import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/*
 * SQLite's WAL checkpoints mostly on a thread of their own (decision 034). By default the connection
 * that commits the 1,000th page of the WAL copies it into the database file and fsyncs both, there
 * and then: 20-30 ms on this machine, during which the server answers no one, every ~140 check-ins.
 * Here a second connection to the same file, on a worker thread, makes a PASSIVE checkpoint ten times
 * a second: it never waits for the server's reads or writes, nor they for it. The server still
 * checkpoints itself past 10,000 pages: under a steady stream of writes the WAL only starts again
 * from its beginning after a checkpoint no write overlapped, and the server's own is such a one; by
 * then the thread has copied nearly everything, so it is short. Durability is as before (decision
 * 003): a commit is in the WAL before its answer is sent; a checkpoint fsyncs the WAL and the file
 * as SQLite's own does (synchronous = NORMAL).
 */

export const CHECKPOINT_EVERY_MS = 100;
/** WAL pages past which the server checkpoints itself; SQLite's default (1,000) should the thread stop. */
const SERVER_CHECKPOINT_PAGES = 10_000;
const FALLBACK_CHECKPOINT_PAGES = 1000;

// Plain JavaScript, so the same code runs from the TypeScript in tests and from the build.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the thread and closes its connection (before the server's own, so the last close empties the WAL). */
  close(): Promise<void>;
}

/** Moves the WAL checkpoints of `sqlite` (a file in WAL mode) to a worker thread. */
export function checkpointInBackground(sqlite: SQLite.Database, file: string): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${SERVER_CHECKPOINT_PAGES}`);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  let closing = false;
  // Should the thread ever stop on its own, the server checkpoints as SQLite does by default.
  const fallBack = () => {
    if (!closing && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    close: async () => {
      if (closing) return exited;
      closing = true;
      // Held from here until it has exited: unref'd, a process with nothing else left to do would end
      // while the thread still has its connection open (and the close would never resolve).
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
