// Fresh handouts render in worker threads, so a PDF being laid out never holds up the requests
// around it (decision 026). One pool per process, made on the first fresh handout: one thread per
// core but the one the server answers on, at least one.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Handout } from './handout.js';

// Tests run the TypeScript through tsx; production runs the build, where the worker is its own file.
const fromTypeScript = import.meta.url.endsWith('.ts');

let pool: Piscina<Handout, Uint8Array> | undefined;

const handoutWorkers = () =>
  (pool ??= new Piscina({
    filename: new URL(`./handout.worker.${fromTypeScript ? 'ts' : 'js'}`, import.meta.url).href,
    // Not the parent's flags: a worker refuses process-wide ones such as --max-old-space-size.
    execArgv: fromTypeScript ? ['--import', 'tsx'] : [],
    minThreads: 1,
    maxThreads: Math.max(1, availableParallelism() - 1),
    // A worker's fonts take a moment to parse; keep it for the next visit rather than a second.
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 96 },
  }));

/** The printable handout (see `renderHandout`), laid out on a worker thread. */
export async function renderHandoutOffThread(h: Handout): Promise<Buffer> {
  rendering++;
  try {
    const pdf = await handoutWorkers().run(h);
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    rendering--;
  }
}

let rendering = 0;
/** Handouts being laid out or queued right now, and how many the worker threads have finished. */
export const handoutWorkerStats = () => ({ rendering, threads: pool?.threads.length ?? 0, completed: pool?.completed ?? 0 });

/** Ends the workers (at shutdown); the next fresh handout would start them again. */
export async function closeHandoutWorkers() {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
