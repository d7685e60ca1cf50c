import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, LOCALES } from '@tablica/shared';
import { outputPaths } from '../src/lib/outputs/manifest.ts';

/**
 * The feed files of a build (relative to it): each language's RSS and JSON Feed, each
 * institution's and each category's, and the CAP index, named as outputs/manifest.ts names them.
 * Looked up, not found by walking the build: at 10,000 notices a walk of its 100,000 files took
 * 0.3 s of the publisher's event loop at every switch. tests/site/feeds.test.ts checks that a walk
 * finds no feed besides these.
 */
export function feedFilesOf(build: string): string[] {
  const pair = ({ rss, json }: { rss: string; json: string }) => [rss, json];
  // The institutions are the directories where their pages are (the same folder as their feeds).
  const institutionsFolder = path.dirname(path.dirname(outputPaths.institutionFeed('_').rss));
  const institutions = existsSync(path.join(build, institutionsFolder))
    ? readdirSync(path.join(build, institutionsFolder), { withFileTypes: true }).filter((entry) => entry.isDirectory())
    : [];
  return [
    ...LOCALES.flatMap((locale) => pair(outputPaths.feed(locale))),
    ...institutions.flatMap((entry) => pair(outputPaths.institutionFeed(entry.name))),
    ...CATEGORIES.flatMap((category) => pair(outputPaths.categoryFeed(category))),
    outputPaths.capIndex,
  ]
    .map((sitePath) => sitePath.slice(1))
    .filter((file) => existsSync(path.join(build, file)));
}

/**
 * The site paths of the feeds whose bytes differ between the build that was live and the one that
 * is live now (all of them when there was none): the feeds WebSub hubs need to hear about.
 */
export function changedFeeds(previous: string | undefined, current: string): string[] {
  const files = feedFilesOf(current);
  return files
    .filter((file) => {
      if (!previous) return true;
      try {
        return !readFileSync(path.join(previous, file)).equals(readFileSync(path.join(current, file)));
      } catch {
        return true;
      }
    })
    .map((file) => `/${file}`)
    .sort();
}

/**
 * Tells each WebSub hub that these feeds changed (`hub.mode=publish`, one `hub.url` per request,
 * as hubs commonly accept), once the build carrying them is live. A hub that does not answer
 * within ten seconds or refuses is logged and tried once more a little later; the site is live
 * either way, and readers' own polling still finds the change.
 */
export async function pingHubs(
  hubs: readonly string[],
  feedUrls: readonly string[],
  log: (message: string) => void,
  retryDelayMs = 5_000,
): Promise<void> {
  const ping = async (hub: string, url: string) => {
    const response = await fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (response.status >= 300) throw new Error(`answered ${response.status}`);
  };
  await Promise.all(
    hubs.flatMap((hub) =>
      feedUrls.map(async (url) => {
        try {
          await ping(hub, url);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
          await ping(hub, url).catch((error: Error) =>
            log(`WebSub: the hub ${new URL(hub).host} was not told of ${url}: ${error.message}`),
          );
        }
      }),
    ),
  );
}
