import { deserialize, serialize } from 'node:v8';
import { readSiteBuildConfig, type SiteBuildConfig } from '../lib/site-config.ts';
import { yieldToOtherThreads } from '../lib/thread-priority.ts';
import { writeFileWhole } from '../lib/write-file-whole.ts';
import { type CheckedContent, type ContentCheck, checkContent } from './check-content.ts';
import { awaitHandOver, handOverFailure } from './hand-over-file.ts';
import { handOverNoticeKeys } from './notice-keys-ahead.ts';

/**
 * Reading and checking the CMS's content ahead of Astro. Astro reaches the content loader only
 * after it has started, set up Vite and loaded the content config (3 to 5 s at 10,000 notices);
 * the read from the CMS (about 1 s there) waits on another process and the disk, and checking
 * every notice against the rules and writing the build's report took another 1.5 to 2 s after it,
 * with Astro waiting. So the build script (scripts/build.ts) does all of it (check-content.ts)
 * meanwhile, in a process of its own (scripts/read-ahead-process.ts; the script links the previous
 * build's files once the content is handed over), and hands the loader the result in a file, in
 * V8's serialization, which keeps the checked notices' dates as dates and is read back in a tenth
 * of a second. Either the file or a failure
 * marker with the message is written: the loader then fails as it would have itself. After the
 * hand-over it works out the notices' keys for Astro's routes (notice-keys-ahead.ts), then writes
 * the build's report and the read cache while Astro renders.
 */

/**
 * Reads and checks the content (the build script's read-ahead process) with the settings Astro gets (`env`),
 * TABLICA_NOW pinned by the script so that both see one instant. A failure to read or check is
 * handed over (the loader fails with it); one to write the records afterwards rejects.
 */
export async function readAheadInto(
  file: string,
  env: NodeJS.ProcessEnv,
  {
    warn,
    handedOver,
    siteKnown,
  }: { warn: (message: string) => void; handedOver: () => void; siteKnown: (key: string | undefined) => void },
): Promise<void> {
  let check: ContentCheck;
  let config: SiteBuildConfig;
  try {
    config = readSiteBuildConfig(env);
    check = await checkContent(config, warn);
    // Whole or not at all: the loader waits for the file and must never read half of it.
    writeFileWhole(file, serialize(check.checked));
  } catch (error) {
    handOverFailure(file, (error as Error).message);
    siteKnown(undefined);
    return;
  } finally {
    handedOver();
  }
  // While Astro starts its routes, which wait for them.
  handOverNoticeKeys(file, check.checked.snapshot, config, siteKnown);
  // While Astro renders: nothing waits for them until it is done, so they yield the processor to
  // it. Throws if they cannot be written: the script then fails the build.
  yieldToOtherThreads();
  check.writeRecords();
}

/** The content the build script read and checked (loader): waits for it, or fails with its message. */
export async function takeReadAhead(file: string): Promise<CheckedContent> {
  const handed = await awaitHandOver(file);
  if ('file' in handed) return deserialize(handed.file) as CheckedContent;
  throw new Error('failed' in handed ? handed.failed : 'the build script stopped before the content was read');
}
