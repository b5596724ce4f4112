import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where uploaded photos and videos live; an object store can replace the disk behind this. */
export interface FileStorage {
  /** Writes the stream under key; stops and removes the partial file when it passes maxBytes. */
  put(key: string, body: Readable, maxBytes: number): Promise<{ bytes: number; tooLarge: boolean }>;
  read(key: string): Readable;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
  /** Writes, syncs and removes a small file: throws when the disk is full or read-only (health check). */
  checkWritable(): Promise<void>;
}

export function diskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    const p = normalize(join(root, key));
    if (!p.startsWith(normalize(root))) throw new Error('storage key escapes the root');
    return p;
  };
  return {
    async put(key, body, maxBytes) {
      const target = pathOf(key);
      const partial = `${target}.partial`;
      await mkdir(dirname(target), { recursive: true });
      let bytes = 0;
      let tooLarge = false;
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes && !tooLarge) {
          tooLarge = true;
          body.destroy();
        }
      });
      try {
        await pipeline(body, createWriteStream(partial));
      } catch (err) {
        await rm(partial, { force: true });
        if (tooLarge) return { bytes, tooLarge };
        throw err;
      }
      if (tooLarge) {
        await rm(partial, { force: true });
        return { bytes, tooLarge };
      }
      await rename(partial, target);
      return { bytes, tooLarge: false };
    },
    read: (key) => createReadStream(pathOf(key)),
    size: async (key) => (await stat(pathOf(key))).size,
    remove: (key) => rm(pathOf(key), { force: true }),
    async checkWritable() {
      await mkdir(root, { recursive: true });
      const probe = join(root, `.healthz-${randomUUID()}`);
      try {
        // 4 KB, one disk block: a full disk refuses it even where a tiny write would still fit in a block.
        await writeFile(probe, Buffer.alloc(4096), { flush: true });
      } finally {
        await rm(probe, { force: true });
      }
    },
  };
}
