import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent, type SiteContent } from '../content.ts';
import { outputResponse } from '../outputs/respond.ts';
import { dataFilesDirectory } from './data-files-setting.ts';

/**
 * A route whose files are data made by one function of the content: iCalendar, CAP, oEmbed and
 * widget JSON, the broadcast texts. At 10,000 notices they are ~60,000 of a build's files, and
 * Astro's work around each file it renders (a request, a Response, a module import, a folder made,
 * a check against public/) cost more than making them: ~27 s of an 80 s page phase. So a build
 * through scripts/build.ts writes them in one go (pages/tablica-data-files/[route].json.ts);
 * `astro dev`, or `astro build` run alone, still renders each through its route file, from the
 * same functions.
 */
export interface DataRoute<Entry> {
  /** Names the route in the build's records: pages/tablica-data-files/<name>.json. */
  name: string;
  /** The route file under src/pages, as Astro names its params: `calendar/[slug].ics.ts`. */
  routeFile: string;
  /** This build's files, less those an incremental build takes from the previous one (withoutUnchanged). */
  entries(content: SiteContent): readonly Entry[] | Promise<readonly Entry[]>;
  /** Where an entry's file is (outputs manifest), without the base path. */
  path(entry: Entry): string;
  /** The route file's params for the entry. */
  params(entry: Entry): Record<string, string | undefined>;
  body(content: SiteContent, entry: Entry): string;
}

/**
 * The route file's getStaticPaths and GET: every entry when Astro renders them, none when the
 * build writes them in one go.
 */
export function astroDataRoute<Entry>(route: DataRoute<Entry>) {
  const getStaticPaths = (async () => {
    if (dataFilesDirectory()) return [];
    const content = await getSiteContent();
    return (await route.entries(content)).map((entry) => ({ params: route.params(entry), props: { entry } }));
  }) satisfies GetStaticPaths;
  const GET: APIRoute = async ({ props, url }) => {
    const entry = (props as { entry: Entry }).entry;
    const expected = route.path(entry);
    // Under a base path (a draft preview is built under /podglad/<token>/) the route ends the same.
    if (!url.pathname.endsWith(expected)) throw new Error(`Tablica: ${url.pathname} should be at ${expected}`);
    return outputResponse(url, route.body(await getSiteContent(), entry));
  };
  return { getStaticPaths, GET };
}

/** The address Astro would render the route file at for `params` (a rest param may span folders). */
function routeFilePath(routeFile: string, params: Record<string, string | undefined>): string {
  const filled = routeFile.replace(/\.ts$/, '').replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Tablica: no ${name} for ${routeFile}`);
    return value;
  });
  return `/${filled}`;
}

/**
 * Writes the route's files into `outDir`, as Astro would have rendered them, and returns their
 * paths. An entry whose file is not where its route file would put it stops the build: the two
 * ways of making a file must agree (astro dev serves the route file's).
 */
export function writeDataFiles<Entry>(
  route: DataRoute<Entry>,
  entries: readonly Entry[],
  content: SiteContent,
  outDir: string,
): string[] {
  const made = new Set<string>();
  const files: string[] = [];
  for (const entry of entries) {
    const file = route.path(entry);
    const routed = routeFilePath(route.routeFile, route.params(entry));
    if (routed !== file) throw new Error(`Tablica: ${route.routeFile} renders ${routed}, but the file is ${file}`);
    const target = path.join(outDir, file);
    const directory = path.dirname(target);
    if (!made.has(directory)) {
      mkdirSync(directory, { recursive: true });
      made.add(directory);
    }
    writeFileSync(target, route.body(content, entry));
    files.push(file);
  }
  return files;
}
