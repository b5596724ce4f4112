import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Why Carryover cannot keep its files in DATA_DIR, naming the variable and the full path, or
 * undefined when it can. The default folder is made on first start; one set on purpose must
 * already exist, so a mistyped volume path does not quietly fill a throwaway folder.
 */
export function dataDirProblem(dir: string, setOnPurpose: boolean): string | undefined {
  const path = resolve(dir);
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    return `DATA_DIR: ${path} cannot be reached (${(err as NodeJS.ErrnoException).code}). Set DATA_DIR to a writable folder.`;
  }
  if (!stat && setOnPurpose)
    return `DATA_DIR: ${path} does not exist. Create it, writable by Carryover, or point DATA_DIR at the right folder.`;
  if (!stat) {
    try {
      mkdirSync(path, { recursive: true });
      stat = statSync(path);
    } catch (err) {
      return `DATA_DIR: ${path} could not be created (${(err as NodeJS.ErrnoException).code}). Set DATA_DIR to a writable folder.`;
    }
  }
  if (!stat.isDirectory()) return `DATA_DIR: ${path} is not a folder. Set DATA_DIR to a writable folder.`;
  // Permission bits do not show a read-only mount (or a full disk), so write a small file and remove it.
  const probe = join(path, `.carryover-write-check-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (err) {
    return `DATA_DIR: ${path} is not writable (${(err as NodeJS.ErrnoException).code}). Carryover keeps its database and photos there.`;
  }
  return undefined;
}
