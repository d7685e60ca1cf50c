import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes a file that someone may read at any moment (the next build, the loader, nginx): the text
 * goes to a file aside, named by this process so two writers never share one, and is renamed over
 * the old file, which rename(2) does in one step. A reader sees the old file or the new one, never
 * half of one, and a process killed while writing leaves the old file whole.
 */
export function writeFileWhole(file: string, contents: string | Uint8Array): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, file);
}
