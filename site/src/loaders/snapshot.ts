import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Reads a snapshot file as JSON; a missing file or broken JSON fails with the file's name. */
export async function readSnapshotFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Tablica: cannot read the content snapshot ${file} (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Tablica: the content snapshot ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The demo content shipped with @tablica/shared: what a fresh clone builds. */
export function demoSnapshotPath(): string {
  return createRequire(import.meta.url).resolve('@tablica/shared/fixtures/demo.json');
}
