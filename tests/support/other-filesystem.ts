import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
/** Linux's RAM disk: a filesystem of its own on every Linux machine, CI's among them. */
const RAM_DISK = '/dev/shm';

/**
 * A scratch directory on another filesystem than the code, as a deploy directory on a mounted
 * volume or on shared storage is (docs/operators.md lays out a region so): there a rename from
 * the code's directory into a build fails (EXDEV), where the same filesystem hides it. Without a
 * RAM disk, the usual temporary directory, said loudly; in CI that fails instead.
 */
export function scratchOnAnotherFilesystem(prefix: string): string {
  if (existsSync(RAM_DISK) && statSync(RAM_DISK).dev !== statSync(REPO).dev)
    return mkdtempSync(path.join(RAM_DISK, prefix));
  const message = `\n*** no filesystem other than the code's (${RAM_DISK}): ${prefix} is made on the same one, and what crosses filesystems is NOT tested ***\n`;
  if (process.env.CI) throw new Error(message);
  process.stderr.write(message);
  return mkdtempSync(path.join(tmpdir(), prefix));
}
