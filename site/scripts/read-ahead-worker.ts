import { parentPort, workerData } from 'node:worker_threads';
import { readAheadInto } from '../src/loaders/read-ahead.ts';

/**
 * The content read and checked ahead of Astro (src/loaders/read-ahead.ts), in a thread of its own,
 * with Astro's settings. Tells the script, as they happen, the retries of an unreachable CMS
 * (`{ warning }`) and the moment Astro can have the content (`{ handedOver: true }`).
 */
export type ReadAheadMessage = { warning: string } | { handedOver: true };

const { file, env } = workerData as { file: string; env: NodeJS.ProcessEnv };
const tell = (message: ReadAheadMessage) => parentPort?.postMessage(message);
await readAheadInto(file, env, {
  warn: (warning) => tell({ warning }),
  handedOver: () => tell({ handedOver: true }),
});
