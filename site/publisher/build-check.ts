import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuildManifest {
  builtFor: string;
  notices: number;
  versions: number;
  nextChangeAt: string | null;
}

/** Files every complete build has: pages, feeds, widget data, search, and the manifest. */
const REQUIRED = [
  'index.html',
  '404.html',
  'en/index.html',
  'uk/index.html',
  'sitemap.xml',
  'robots.txt',
  'rss.xml',
  'feed.json',
  'cap/index.atom',
  'widget/pl.json',
  'embed.js',
  'pagefind/pagefind.js',
  'tablica-build.json',
  'tablica-csp.json',
];

export type CheckResult = { ok: true; manifest: BuildManifest } | { ok: false; problems: string[] };

/**
 * Is a freshly written build whole? Every kind of output is there, every JSON file parses, and
 * the manifest says what it publishes. A build that fails this never goes live.
 */
export function checkBuild(directory: string): CheckResult {
  const problems = REQUIRED.filter((file) => !existsSync(path.join(directory, file))).map((file) => `missing ${file}`);
  if (problems.length > 0) return { ok: false, problems };
  for (const file of jsonFiles(directory)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      problems.push(`${path.relative(directory, file)} is not valid JSON`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const manifest = JSON.parse(readFileSync(path.join(directory, 'tablica-build.json'), 'utf8')) as BuildManifest;
  if (!Number.isInteger(manifest.notices)) return { ok: false, problems: ['the manifest has no notice count'] };
  return { ok: true, manifest };
}

function jsonFiles(directory: string): string[] {
  return ['feed.json', 'tablica-build.json', 'tablica-csp.json', 'oembed.json', ...listJson(directory, 'widget')]
    .map((file) => path.join(directory, file))
    .filter((file) => existsSync(file));
}

const listJson = (directory: string, folder: string) =>
  (readdirSync(path.join(directory, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(folder, file));

/**
 * Refuse to go live when the number of published notices drops sharply (by more than a fifth and
 * by at least 3) and the CMS did not report that many unpublished or deleted notices: an API
 * glitch or a wrong token must not empty the site.
 */
export function dropVerdict(live: number, next: number, removalsReported: number): string | undefined {
  const lost = live - next;
  if (lost < 3 || lost <= live / 5 || lost <= removalsReported) return undefined;
  return `the build publishes ${next} notices instead of ${live}, but only ${removalsReported} were unpublished or deleted; not going live (force a rebuild if this is intended)`;
}
