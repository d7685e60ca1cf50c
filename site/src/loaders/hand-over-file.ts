import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * A file one thread of the build script writes whole (write-file-whole.ts) and Astro, its child
 * process, waits for: the checked content (read-ahead.ts), the notices' keys
 * (notice-keys-ahead.ts). Either the file comes, or a marker beside it saying why it will not.
 */

/** Where the writer says, instead of the file, why it will not come. */
export const failedMarker = (file: string) => `${file}.failed`;

/** Tells the loader the read failed, and why: it fails the build with this message. */
export function handOverFailure(file: string, message: string): void {
  writeFileSync(failedMarker(file), message);
}

export type HandOver = { file: Buffer } | { failed: string } | { scriptGone: true };

/**
 * Waits for `file`, or for the failure marker of `file` or of any of `alsoFailedIf` (files whose
 * failure means this one will not come either). Astro runs as the build script's child: if the
 * script is gone (killed), nothing will come.
 */
export async function awaitHandOver(file: string, alsoFailedIf: string[] = []): Promise<HandOver> {
  const parent = process.ppid;
  for (;;) {
    if (existsSync(file)) return { file: readFileSync(file) };
    for (const marker of [file, ...alsoFailedIf].map(failedMarker)) {
      if (existsSync(marker)) return { failed: readFileSync(marker, 'utf8') };
    }
    if (process.ppid !== parent) return { scriptGone: true };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
