import { parentPort, workerData } from 'node:worker_threads';
import type { SiteBuildConfig } from '../src/lib/site-config.ts';
import { readAheadInto } from '../src/loaders/read-ahead.ts';

/** The CMS read ahead of Astro (src/loaders/read-ahead.ts), in a thread of its own; retries are told to the script. */
const { file, content, noticeCache } = workerData as {
  file: string;
  content: Extract<SiteBuildConfig['content'], { kind: 'strapi' }>;
  noticeCache: SiteBuildConfig['noticeCache'];
};
await readAheadInto(file, content, noticeCache, (message) => parentPort?.postMessage(message));
