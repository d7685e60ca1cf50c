import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Notice, NoticeParses } from '@tablica/shared';
import { writeFileWhole } from '../lib/write-file-whole.ts';
import { getAll, getJson, type StrapiSourceOptions, StrapiUnavailableError } from './strapi-http.ts';

/** The notices a build read, kept for the next build (in the publisher's state directory). */
export interface NoticeReadCache {
  file: string;
  /** False: read every notice (a full build) and keep what was read for the next one. */
  reuse: boolean;
  /**
   * The site's code fingerprint (TABLICA_CODE_FINGERPRINT): notices are kept as the rules parsed
   * them too, and those parses are taken again only by the same code. Empty: never taken again.
   */
  code: string;
}

export interface NoticesRead {
  notices: unknown[];
  /** How they were read, for the build's log. */
  how: string;
  /** Keeps what was read for the next build (the cache file): when the pages no longer wait. */
  keep: () => void;
  /**
   * For checking the notices (loadSnapshotKeepingGood): a notice kept from the last read is
   * known as the rules parsed it then (at 10,000 notices, parsing all 30,000 versions took 1.4 to
   * 2 s that Astro waited for); what is parsed now is kept with it.
   */
  parses: NoticeParses;
}

/** GET /api/notice-versions (cms/src/content/notice-versions.ts). */
interface Listing {
  data: { slug: string; locale: string; version: string }[];
  meta: { shape: string; media: string };
}

/**
 * In V8's serialization, which keeps the parsed notices' dates as dates; notices and their parses
 * in one file, written at once, so that a parse is always of the notice beside it.
 */
interface CacheFile {
  shape: string;
  media: string;
  institutions: string;
  code: string;
  notices: CachedNotice[];
}

interface CachedNotice {
  version: string;
  /** As the CMS answered. */
  notice: unknown;
  /** As the rules parsed it (code `CacheFile.code`), when it passed them on its own. */
  parsed?: Notice | undefined;
}

const ALL_NOTICES = 'api/notices?locale=*';
/** Slugs per request for the changed notices: a URL far below any server's limit. */
const SLUGS_PER_REQUEST = 30;

const keyOf = (slug: unknown, locale: unknown) => `${String(slug)}\u0000${String(locale)}`;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Keeps the last copy of each notice version: a publish during paging can list a notice twice. */
function latestPerSlugAndLocale(notices: unknown[]): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const notice of notices) {
    const { slug, locale } = notice as { slug?: unknown; locale?: unknown };
    byKey.set(keyOf(slug, locale), notice);
  }
  return [...byKey.values()];
}

/**
 * Every published notice. With a cache, only notices whose version the last read did not see
 * are fetched (a publish at 10,000 notices reads one page instead of a hundred); everything is
 * read when the CMS's answers may have changed without a version changing: another shape of
 * answer, the media library, the institutions.
 */
export async function readPublishedNotices(
  options: StrapiSourceOptions,
  institutions: unknown[],
  cache: NoticeReadCache | undefined,
): Promise<NoticesRead> {
  if (!cache) return { notices: await readAll(options), how: 'all read', keep: () => {}, parses: NO_PARSES };
  // Listed before any notice is read: a notice read afterwards is as new as its listed version or
  // newer, so the cache can only make a later build fetch a notice again, never keep an old one.
  const listing = await readListing(options);
  if (!listing) {
    return {
      notices: await readAll(options),
      how: 'all read (the CMS lists no notice versions: update it, or give the token the "versions" permission)',
      keep: () => {},
      parses: NO_PARSES,
    };
  }
  const now = { shape: listing.meta.shape, media: listing.meta.media, institutions: digest(institutions) };
  const previous = cache.reuse ? readCache(cache.file) : undefined;
  const fullBecause = !cache.reuse
    ? 'a full build'
    : !previous
      ? 'no earlier read'
      : previous.shape !== now.shape
        ? "the CMS's answers changed shape"
        : previous.media !== now.media
          ? 'the media library changed'
          : previous.institutions !== now.institutions
            ? 'the institutions changed'
            : undefined;
  const changed = previous && !fullBecause ? await readChanged(listing, previous, options) : undefined;
  let notices: unknown[];
  let kept: CachedNotice[];
  let how: string;
  if (changed) {
    kept = changed.notices;
    notices = kept.map((entry) => entry.notice);
    how = `${changed.fetched.toLocaleString('en')} changed read, ${(listing.data.length - changed.fetched).toLocaleString('en')} kept from the last read`;
  } else {
    notices = await readAll(options);
    kept = withListedVersions(notices, listing);
    how = `all read (${fullBecause ?? 'notices changed while they were read'})`;
  }
  // Parses are taken only of notices kept from the last read: those are the very answers they were
  // made from (a notice read again may answer differently under the same version: new media).
  const known = new Map<unknown, Notice>();
  if (changed && cache.code && previous?.code === cache.code) {
    for (const entry of kept) if (entry.parsed) known.set(entry.notice, entry.parsed);
  }
  const parsedNow = new Map<unknown, Notice>();
  const parses: NoticeParses = {
    known: (given) => known.get(given),
    parsed: (given, notice) => parsedNow.set(given, notice),
  };
  const keep = () => {
    const notices = kept.map(({ version, notice }) => ({
      version,
      notice,
      parsed: known.get(notice) ?? parsedNow.get(notice),
    }));
    writeCache(cache.file, { ...now, code: cache.code, notices });
  };
  return { notices, how, keep, parses };
}

const NO_PARSES: NoticeParses = { known: () => undefined, parsed: () => {} };

const readAll = async (options: StrapiSourceOptions) => latestPerSlugAndLocale(await getAll(ALL_NOTICES, options));

/** Each notice with the version the listing gave it; one published after the listing is not kept, so the next build reads it again. */
function withListedVersions(notices: unknown[], listing: Listing): CachedNotice[] {
  const versionOf = new Map(listing.data.map((entry) => [keyOf(entry.slug, entry.locale), entry.version]));
  return notices.flatMap((notice) => {
    const { slug, locale } = notice as { slug?: unknown; locale?: unknown };
    const version = versionOf.get(keyOf(slug, locale));
    return version ? [{ version, notice }] : [];
  });
}

async function readListing(options: StrapiSourceOptions): Promise<Listing | undefined> {
  try {
    const body = (await getJson('api/notice-versions', options)) as unknown as Partial<Listing>;
    return Array.isArray(body.data) && typeof body.meta?.shape === 'string' ? (body as Listing) : undefined;
  } catch (error) {
    // An older CMS, or a token made before the route existed: the build reads everything.
    const status = error instanceof StrapiUnavailableError ? error.status : undefined;
    if (status === 401 || status === 403 || status === 404 || status === 405) return undefined;
    throw error;
  }
}

/**
 * The listed notices: kept ones from the cache, the others fetched by slug (in every language:
 * a few more than needed, never a row id); undefined when one is gone by the time it is fetched.
 */
async function readChanged(listing: Listing, previous: CacheFile, options: StrapiSourceOptions) {
  const known = new Map(previous.notices.map((entry) => [entry.version, entry]));
  const missing = listing.data.filter((entry) => !known.has(entry.version));
  const slugs = [...new Set(missing.map((entry) => entry.slug))];
  const fetched = new Map<string, unknown>();
  for (let start = 0; start < slugs.length; start += SLUGS_PER_REQUEST) {
    const filters = slugs
      .slice(start, start + SLUGS_PER_REQUEST)
      .map((slug, index) => `filters[slug][$in][${index}]=${encodeURIComponent(slug)}`);
    const notices = (await getAll(`${ALL_NOTICES}&${filters.join('&')}`, options)) as {
      slug?: unknown;
      locale?: unknown;
    }[];
    for (const notice of notices) fetched.set(keyOf(notice.slug, notice.locale), notice);
  }
  const notices: CachedNotice[] = [];
  for (const entry of listing.data) {
    const cached = known.get(entry.version);
    if (cached) {
      notices.push(cached);
      continue;
    }
    const notice = fetched.get(keyOf(entry.slug, entry.locale));
    // Withdrawn since it was listed (one published again is fetched as it is now: newer than its
    // listed version, so the next build fetches it once more).
    if (notice === undefined) return undefined;
    notices.push({ version: entry.version, notice, parsed: undefined });
  }
  return { notices, fetched: missing.length };
}

function readCache(file: string): CacheFile | undefined {
  try {
    const cache = deserialize(readFileSync(file)) as CacheFile;
    return Array.isArray(cache.notices) ? cache : undefined;
  } catch {
    // None yet, or unreadable: everything is read.
    return undefined;
  }
}

/** Whole or not at all: a build killed while writing leaves the previous cache whole. */
function writeCache(file: string, cache: CacheFile): void {
  writeFileWhole(file, serialize(cache));
}
