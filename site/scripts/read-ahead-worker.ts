import { parentPort, workerData } from 'node:worker_threads';
import { readAheadInto } from '../src/loaders/read-ahead.ts';

/**
 * The content read and checked ahead of Astro (src/loaders/read-ahead.ts), in a thread of its own,
 * with Astro's settings; retries of an unreachable CMS are told to the script as they happen.
 */
const { file, env } = workerData as { file: string; env: NodeJS.ProcessEnv };
await readAheadInto(file, env, (message) => parentPort?.postMessage(message));
