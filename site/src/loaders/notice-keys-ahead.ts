import { writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Snapshot } from '@tablica/shared';
import { noticeKey, siteKey } from '../lib/incremental/page-keys.ts';
import { shortCodes } from '../lib/short-links.ts';
import type { SiteBuildConfig } from '../lib/site-config.ts';
import { type HandedOver, type SiteContent, siteContentOf } from '../lib/site-content-of.ts';
import { writeFileWhole } from '../lib/write-file-whole.ts';
import { awaitHandOver, failedMarker } from './hand-over-file.ts';

/**
 * Every notice's key and short code, worked out by the read-ahead process once it has handed the
 * content over (read-ahead.ts) while Astro starts its routes: at 10,000 notices they were half a
 * second of Astro's getStaticPaths, before the first page. The read-ahead makes them from the same
 * snapshot with the same functions as Astro would (site-content-of.ts), so they are the same
 * keys; tests/site/incremental-build.test.ts compares every byte of incremental and full builds.
 */

const keysFile = (readAheadFile: string) => `${readAheadFile}.keys`;

/**
 * The read-ahead process: writes the keys for Astro, or a marker that Astro must work them out
 * itself. First it tells `siteKnown` the site's key (undefined if it cannot be made): the build
 * script compares it with the previous build's to know, before Astro, whether anything of that
 * build is reused.
 */
export function handOverNoticeKeys(
  readAheadFile: string,
  snapshot: Snapshot,
  config: SiteBuildConfig,
  siteKnown: (key: string | undefined) => void,
): void {
  const file = keysFile(readAheadFile);
  // Slower, not wrong: Astro then makes the keys as it did before.
  const failed = (error: unknown) => writeFileSync(failedMarker(file), (error as Error).message);
  let content: SiteContent;
  try {
    content = siteContentOf(snapshot, config);
    siteKnown(siteKey(content));
  } catch (error) {
    siteKnown(undefined);
    failed(error);
    return;
  }
  try {
    const handed: HandedOver = {
      shortCodes: shortCodes(content),
      noticeKeys: new Map(content.slugs.map((slug) => [slug, noticeKey(content, slug)])),
    };
    writeFileWhole(file, serialize(handed));
  } catch (error) {
    failed(error);
  }
}

/**
 * Astro: the keys the read-ahead worked out, once written; undefined when it could not (Astro then
 * makes them itself), or when the content itself failed (the loader has already said so).
 */
export async function takeNoticeKeys(readAheadFile: string): Promise<HandedOver | undefined> {
  const handed = await awaitHandOver(keysFile(readAheadFile), [readAheadFile]);
  return 'file' in handed ? (deserialize(handed.file) as HandedOver) : undefined;
}
