import { readAheadInto } from '../src/loaders/read-ahead.ts';

/**
 * The content read and checked ahead of Astro (src/loaders/read-ahead.ts), in a process of its own
 * with Astro's settings (its environment), started by scripts/build.ts with the file to hand the
 * content over in. Tells the script, as they happen, the retries of an unreachable CMS
 * (`{ warning }`), the moment Astro can have the content (`{ handedOver: true }`), the site's key
 * soon after (`{ siteKey }`, page-keys.ts; null if it could not be made), and why it failed
 * (`{ failed }`). A process, not a thread: the memory of the notices it held goes back to
 * the system when it ends, where a thread's partly stayed with the script, beside Astro and
 * Pagefind (at 10,000 notices the script held 149 MB while Astro rendered, 113 MB since).
 */
export type ReadAheadMessage =
  | { warning: string }
  | { handedOver: true }
  | { siteKey: string | null }
  | { failed: string };

const [file = ''] = process.argv.slice(2);
const tell = (message: ReadAheadMessage) =>
  new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
try {
  await readAheadInto(file, process.env, {
    warn: (warning) => void tell({ warning }),
    handedOver: () => void tell({ handedOver: true }),
    siteKnown: (siteKey) => void tell({ siteKey: siteKey ?? null }),
  });
} catch (error) {
  await tell({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
} finally {
  process.disconnect?.();
}
