import type { SiteContent } from '../content.ts';
import { noticeKey, siteKey } from './page-keys.ts';
import { type PageKeys, readPageKeys } from './page-keys-file.ts';

/** A path a route would render, and the notice it belongs to. */
export interface NoticePath<Entry> {
  slug: string;
  /** The URL path the entry renders ("/komunikaty/x/", "/calendar/x.ics"). */
  path: string;
  entry: Entry;
}

/** Every notice's files, as the routes declare them this build: the keys endpoint writes them. */
const filesBySlug = new Map<string, Set<string>>();
const keys = new WeakMap<SiteContent, { site: string; notices: Map<string, string> }>();

/** The file Astro writes for a path: a page's `index.html`, an endpoint's path itself. */
export const fileOf = (urlPath: string) =>
  (urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath).replace(/^\/+/, '');

function keysOf(content: SiteContent) {
  let known = keys.get(content);
  if (!known) {
    known = { site: siteKey(content), notices: new Map() };
    keys.set(content, known);
  }
  return known;
}

export function noticeKeyOf(content: SiteContent, slug: string): string {
  const { notices } = keysOf(content);
  let key = notices.get(slug);
  if (key === undefined) {
    key = noticeKey(content, slug);
    notices.set(slug, key);
  }
  return key;
}

let base: PageKeys | null | undefined;
/** The keys of the build this one starts from (TABLICA_INCREMENTAL_BASE), or null for a full build. */
function baseKeys(): PageKeys | null {
  if (base === undefined) {
    const directory = process.env.TABLICA_INCREMENTAL_BASE;
    base = (directory && readPageKeys(directory)) || null;
  }
  return base;
}

/**
 * A route's notice paths, less those an incremental build takes from the previous build: the
 * site's key and the notice's key are unchanged and the previous build wrote that very file.
 * Every path is recorded (rendered or not), so the keys file lists all of a notice's files.
 */
export function changedOnly<Entry>(content: SiteContent, paths: NoticePath<Entry>[]): Entry[] {
  const previous = baseKeys();
  const sameSite = previous !== null && previous.site === keysOf(content).site;
  return paths.flatMap(({ slug, path: urlPath, entry }) => {
    const file = fileOf(urlPath);
    const files = filesBySlug.get(slug) ?? new Set<string>();
    files.add(file);
    filesBySlug.set(slug, files);
    const before = sameSite ? previous.notices[slug] : undefined;
    const reusable = before?.key === noticeKeyOf(content, slug) && before.files.includes(file);
    return reusable ? [] : [entry];
  });
}

/**
 * This build's keys. Astro calls every route's getStaticPaths before it renders a page, so by
 * the time the keys endpoint renders, every notice's files are known; a notice with none means
 * a route was missed, and the build stops rather than write keys that would drop its files.
 */
export function pageKeys(content: SiteContent): PageKeys {
  const notices: PageKeys['notices'] = {};
  for (const slug of content.slugs) {
    const files = filesBySlug.get(slug);
    if (!files?.size) throw new Error(`Tablica: no route declared the files of notice ${slug}.`);
    notices[slug] = { key: noticeKeyOf(content, slug), files: [...files].sort() };
  }
  return { site: keysOf(content).site, notices };
}

/**
 * `items` less the notices' items an incremental build takes from the previous build.
 * `noticePathOf` names the notice an item belongs to and the URL path it renders; items of no
 * notice (lists, institutions, the site's own) are always rendered.
 */
export function withoutUnchanged<Item>(
  content: SiteContent,
  items: Item[],
  noticePathOf: (item: Item) => { slug: string; path: string } | undefined,
): Item[] {
  const always: Item[] = [];
  const ofNotices: NoticePath<Item>[] = [];
  for (const item of items) {
    const at = noticePathOf(item);
    if (at) ofNotices.push({ ...at, entry: item });
    else always.push(item);
  }
  return [...always, ...changedOnly(content, ofNotices)];
}
