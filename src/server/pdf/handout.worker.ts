// Runs in a worker thread (handout-pool.ts): a fresh handout is about 60 ms of CPU, which the
// thread answering requests should not spend (decision 026).
import { type Handout, parsedFonts, renderHandout } from './handout.js';

// The fonts are parsed as the worker starts, so its first handout is as quick as the others.
parsedFonts();

/** One handout's PDF bytes. The QR code arrives as a plain Uint8Array (structured clone). */
export default function renderInWorker(h: Handout): Promise<Buffer> {
  return renderHandout({ ...h, qrPng: Buffer.from(h.qrPng) });
}
