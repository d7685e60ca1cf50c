import type { Category } from '@tablica/shared';
import type { SiteContent } from '../content.ts';
import { type GroupOf, groupKey, noticeKey, siteKey } from './page-keys.ts';
import { type PageKeys, readPageKeys } from './page-keys-file.ts';

/**
 * A path a route would render, and the part of the site it belongs to: a notice (its slug, whose
 * key is the notice's) or another part with a key of its own (a page of a list: `key` says what
 * it shows).
 */
export interface KeyedPath<Entry> {
  part: string;
  /** The URL path the entry renders ("/komunikaty/x/", "/calendar/x.ics"). */
  path: string;
  entry: Entry;
  /** The part's key, when it is not a notice. */
  key?: () => string;
}

/** Every part's files, as the routes declare them this build: the keys endpoint writes them. */
const filesByPart = new Map<string, Set<string>>();
const keyMakers = new Map<string, () => string>();
const keys = new WeakMap<SiteContent, { site: string; parts: Map<string, string> }>();

/** The file Astro writes for a path: a page's `index.html`, an endpoint's path itself. */
export const fileOf = (urlPath: string) => {
  // Without a regular expression: called for every path of every route (300,000 at 30,000 notices).
  let start = 0;
  while (urlPath.charCodeAt(start) === SLASH) start += 1;
  const file = start === 0 ? urlPath : urlPath.slice(start);
  return urlPath.charCodeAt(urlPath.length - 1) === SLASH ? `${file}index.html` : file;
};
const SLASH = 47;

function keysOf(content: SiteContent) {
  let known = keys.get(content);
  if (!known) {
    known = { site: siteKey(content), parts: new Map() };
    keys.set(content, known);
  }
  return known;
}

/** A part's key, made once per build: a notice's (noticeKey, or as the read-ahead made it), or what its route said. */
export function keyOf(content: SiteContent, part: string): string {
  const { parts } = keysOf(content);
  let key = parts.get(part);
  if (key === undefined) {
    key = keyMakers.get(part)?.() ?? content.handedOver?.noticeKeys.get(part) ?? noticeKey(content, part);
    parts.set(part, key);
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
 * The previous build's files of a part whose key is unchanged since (an incremental build of the
 * same site), or undefined: the part is rendered.
 */
function filesTakenWhole(content: SiteContent, part: string): readonly string[] | undefined {
  const previous = baseKeys();
  if (previous === null || previous.site !== keysOf(content).site) return undefined;
  const before = previous.parts[part];
  return before?.key === keyOf(content, part) ? before.files : undefined;
}

/**
 * A route's keyed paths, less those an incremental build takes from the previous build: the
 * site's key and the part's key are unchanged and the previous build wrote that very file.
 * Every path is recorded (rendered or not), so the keys file lists all of a part's files.
 */
function changedOnly<Entry>(content: SiteContent, paths: KeyedPath<Entry>[]): Entry[] {
  const changed: Entry[] = [];
  // A loop, not flatMap, and a part's key compared once for each run of its paths (a route lists
  // a part's paths together): this runs for every path of every route.
  let part: string | undefined;
  let files: Set<string> = new Set();
  let filesBefore: readonly string[] | undefined;
  for (const { part: partOfPath, path: urlPath, entry, key } of paths) {
    if (partOfPath !== part) {
      part = partOfPath;
      files = filesByPart.get(part) ?? new Set<string>();
      filesByPart.set(part, files);
      if (key) keyMakers.set(part, key);
      filesBefore = filesTakenWhole(content, part);
    }
    const file = fileOf(urlPath);
    files.add(file);
    if (!filesBefore?.includes(file)) changed.push(entry);
  }
  return changed;
}

const listed = new WeakMap<SiteContent, readonly string[]>();

/**
 * The notices whose paths the routes list: all of them in a full build; in an incremental one,
 * those whose key changed. A notice's files follow from its key (its versions, their state, the
 * notices its pages name) and the site's, so an unchanged notice has the very files the previous
 * build has of it: partsToList records those. Listing and checking the 100,000 paths of unchanged
 * notices took about a second of a 10,000-notice publish.
 * Not for a route whose files for a notice hang on other notices: CAP messages are kept along a
 * chain of replacements, so that route decides each build which notices have them, as parts of
 * their own (partsToList, lib/data-files/cap-message-files.ts).
 */
export function noticesToList(content: SiteContent): readonly string[] {
  let slugs = listed.get(content);
  if (!slugs) {
    slugs = partsToList(content, content.slugs, (slug) => ({ part: slug }));
    listed.set(content, slugs);
  }
  return slugs;
}

/**
 * Of the parts a route has (each item one part; `key` when it is not a notice), those whose paths
 * it must list: the files of a part whose key is unchanged since the previous build are recorded
 * as that build had them, without listing them.
 */
export function partsToList<Item>(
  content: SiteContent,
  items: readonly Item[],
  partOf: (item: Item) => { part: string; key?: () => string },
): Item[] {
  return items.filter((item) => {
    const { part, key } = partOf(item);
    if (key) keyMakers.set(part, key);
    const whole = filesTakenWhole(content, part);
    if (whole) {
      const files = filesByPart.get(part) ?? new Set<string>();
      for (const file of whole) files.add(file);
      filesByPart.set(part, files);
    }
    return whole === undefined;
  });
}

/**
 * `items` less those an incremental build takes from the previous build. `keyedPathOf` names the
 * part an item belongs to and the URL path it renders; items of no part (the home page, feeds,
 * institutions…) are always rendered.
 */
export function withoutUnchanged<Item>(
  content: SiteContent,
  items: readonly Item[],
  keyedPathOf: (item: Item) => Omit<KeyedPath<Item>, 'entry'> | undefined,
): Item[] {
  const always: Item[] = [];
  const keyed: KeyedPath<Item>[] = [];
  for (const item of items) {
    const at = keyedPathOf(item);
    if (at) keyed.push({ ...at, entry: item });
    else always.push(item);
  }
  return [...always, ...changedOnly(content, keyed)];
}

/**
 * This build's keys. Astro calls every route's getStaticPaths before it renders a page, so by
 * the time the keys endpoint renders, every part's files are known: those the routes listed, and
 * the previous build's of each part they left out (partsToList). A notice with none means a
 * route was missed, and the build stops rather than write keys that would drop its files.
 */
export function pageKeys(content: SiteContent): PageKeys {
  for (const slug of content.slugs) {
    if (!filesByPart.get(slug)?.size) throw new Error(`Tablica: no route declared the files of notice ${slug}.`);
  }
  const parts: PageKeys['parts'] = {};
  for (const part of [...filesByPart.keys()].sort()) {
    parts[part] = { key: keyOf(content, part), files: [...(filesByPart.get(part) ?? [])].sort() };
  }
  return { site: keysOf(content).site, parts };
}

/** A file of a group of notices (groupKey): rendered when a notice joins, leaves or changes. */
const groupPath = (content: SiteContent, group: GroupOf, urlPath: string) => {
  const part = `${group.field}:${group.value}`;
  return { part, path: urlPath, key: () => groupKey(content, part, group, (other) => keyOf(content, other)) };
};

/** An institution's own file (its page, frame, oEmbed answer, feeds, calendar). */
export const institutionPath = (content: SiteContent, slug: string, urlPath: string) =>
  groupPath(content, { field: 'institution', value: slug }, urlPath);

/** A category's feed. */
export const categoryPath = (content: SiteContent, category: Category, urlPath: string) =>
  groupPath(content, { field: 'category', value: category }, urlPath);

/**
 * A file made from the site's key alone (an institution's link preview image: its name, the
 * site's name): rendered only when everything is.
 */
export const sitePath = (part: string, urlPath: string) => ({ part, path: urlPath, key: () => 'site' });
