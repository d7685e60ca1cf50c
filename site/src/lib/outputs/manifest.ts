import { type Category, DEFAULT_LOCALE, LOCALES, type Locale, singleLanguageOf } from '@tablica/shared';
import { SPARE_SPACE } from '../embed/reserve.ts';
import { routes } from '../routes.ts';
import { SEARCH_INDEX_DIRECTORY, SEARCH_INDEX_PARTS_FILE } from '../search-index-parts.ts';
import { PUSH_WORKER } from '../subscription-paths.ts';

/**
 * The outputs manifest: where every file of a build that is not a page lives (pages are in
 * routes.ts), and how each kind is served — content type, caching, CORS, framing, whether a
 * complete build must have it. The static server, the build check, the endpoints and embed.js
 * (generated from it at build time) all read this one module. Adding an output: a path here, a
 * serving rule below, a route in src/pages and its pure function in lib/outputs (docs/recipes.md).
 */

/**
 * The broadcast forms served as text files (the banner and the post are on the newsroom page);
 * `warning` only for a notice of a threat (the 2025 regulation's warning message or withdrawal).
 */
export const BROADCAST_TEXT_FORMS = ['radio', 'sms', 'warning'] as const;
export type BroadcastTextForm = (typeof BROADCAST_TEXT_FORMS)[number];

const feedPair = (directory: string) => ({ rss: `${directory}rss.xml`, json: `${directory}feed.json` });
/** The default language's file at `path`; a translation's under its prefix, as its pages are. */
const inLanguage = (locale: Locale, path: string) => (locale === DEFAULT_LOCALE ? path : `/${locale}${path}`);

export const outputPaths = {
  /** The site's feeds, one pair per language. */
  feed: (locale: Locale) => feedPair(routes.home(locale)),
  institutionFeed: (slug: string) => feedPair(routes.institution(slug, singleLanguageOf('institution-feeds'))),
  categoryFeed: (category: Category) => feedPair(`/kategorie/${category}/`),
  /** One calendar per notice, and one per institution; single-language (the same file for every page). */
  noticeCalendar: (slug: string) => `/calendar/${slug}.ics`,
  institutionCalendar: (slug: string) => `/calendar/institution/${slug}.ics`,
  capMessage: (slug: string, revision: number) => `/cap/${slug}/v${revision}.xml`,
  capIndex: '/cap/index.atom',
  /** What embed.js fetches: per language, per institution and language, one notice. */
  widget: (locale: Locale, institution?: string) =>
    institution ? `/widget/${institution}/${locale}.json` : `/widget/${locale}.json`,
  noticeWidget: (slug: string) => `/widget/notice/${slug}.json`,
  /** What a page's oEmbed discovery link names, in the page's language (WordPress embeds it). */
  oembed: {
    site: (locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, '/oembed.json'),
    notice: (slug: string, locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, `/oembed/notice/${slug}.json`),
    institution: (slug: string, locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, `/oembed/${slug}.json`),
  },
  /** The pages other sites frame, in each language. */
  embed: {
    site: (locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, '/embed/'),
    notice: (slug: string, locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, `/embed/notice/${slug}/`),
    institution: (slug: string, locale: Locale = DEFAULT_LOCALE) => inLanguage(locale, `/embed/${slug}/`),
  },
  /** A notice's broadcast forms as plain text, per language: the radio scripts and the SMS texts. */
  broadcastText: (slug: string, locale: Locale, form: BroadcastTextForm) =>
    `${routes.newsroom(locale)}${slug}/${form}.txt`,
  /** A notice page's short address, for SMS (lib/short-links.ts); its file is `${shortLink(code)}.html`. */
  shortLink: (code: string) => `/k/${code}`,
  /** Every short address and its page, from which the build writes the /k/ files. */
  shortLinks: '/k/index.json',
  /** Link preview images (og:image): the site's, and each institution's (its notices use it too). */
  card: (institution?: string) => (institution ? `/og/instytucje/${institution}.png` : '/og/site.png'),
  embedScript: '/embed.js',
  embedFrameScript: '/embed-frame.js',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  notFound: '/404.html',
  /** What the publisher reads of a build (public and harmless). */
  buildManifest: '/tablica-build.json',
  /** The hashes of what the build inlined, for the Content-Security-Policy. */
  inlineHashes: '/tablica-csp.json',
  search: `/${SEARCH_INDEX_DIRECTORY}/pagefind.js`,
  /** The search index's other parts, for a large archive (search-index-parts.ts). */
  searchParts: `/${SEARCH_INDEX_DIRECTORY}/${SEARCH_INDEX_PARTS_FILE}`,
  /** Attachments, mirrored from the CMS under the hash of their content. */
  attachments: '/zalaczniki/',
  /** Astro's hashed scripts and styles. */
  assets: '/_astro/',
} as const;

/** How long browsers and CDNs may keep a file. */
export const CACHE_CONTROL = {
  /** Carries notices: revalidated (ETag → 304) on every use, so a publish or an end is seen at once. */
  revalidate: 'public, no-cache',
  /** The embed scripts and the icon: a few minutes. */
  short: 'public, max-age=300',
  /** Named by the hash of their content. */
  immutable: 'public, max-age=31536000, immutable',
} as const;
export type CachePolicy = keyof typeof CACHE_CONTROL;

export interface ServingRule {
  /** What the files are, for the docs and for test names. */
  output: string;
  /**
   * The paths it covers: a regular expression both JavaScript and nginx's PCRE read the same way,
   * so the nginx configuration is generated from these rules (site/publisher/nginx).
   */
  pattern: RegExp;
  /** Unset: by the file's extension (FILE_TYPES). */
  contentType?: string;
  cache: CachePolicy;
  /** Read by other sites' pages (the widget, oEmbed consumers): `Access-Control-Allow-Origin: *`. */
  crossOrigin?: boolean;
  /** Framed by other sites: `frame-ancestors *` instead of `'none'`. */
  framable?: boolean;
  /** Saved, never shown as a page (`Content-Disposition: attachment`). */
  download?: boolean;
  /** JSON the build check parses before a build may go live. */
  json?: boolean;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const exactly = (...paths: string[]) => new RegExp(`^(${paths.map(literal).join('|')})$`);
const under = (prefix: string) => new RegExp(`^${literal(prefix)}`);
/** Under a prefix in any language ("/embed/", "/en/embed/"). */
const underInAnyLanguage = (prefix: (locale: Locale) => string) =>
  new RegExp(`^(${LOCALES.map((locale) => literal(prefix(locale))).join('|')})`);
const OEMBED_FILE = new RegExp(`^(/(${LOCALES.join('|')}))?/oembed(\\.json$|/)`);

/** The first rule that matches a path decides; the last matches everything (pages and the rest). */
export const SERVING_RULES: readonly ServingRule[] = [
  { output: 'hashed assets', pattern: under(outputPaths.assets), cache: 'immutable' },
  {
    output: 'attachments a browser shows (a PDF or an image)',
    pattern: new RegExp(`^${literal(outputPaths.attachments)}.*\\.(pdf|png|jpe?g|webp|gif)$`),
    cache: 'immutable',
  },
  {
    output: 'attachments (anything else is saved)',
    pattern: under(outputPaths.attachments),
    cache: 'immutable',
    download: true,
  },
  { output: 'the widget script', pattern: exactly(outputPaths.embedScript), cache: 'short', crossOrigin: true },
  // Browsers check a service worker for updates themselves; it must never be cached for long.
  { output: 'the push notifications’ service worker', pattern: exactly(PUSH_WORKER), cache: 'revalidate' },
  {
    output: 'the embed frames’ script and the icon',
    pattern: exactly(outputPaths.embedFrameScript, '/favicon.svg'),
    cache: 'short',
  },
  { output: 'widget data', pattern: under('/widget/'), cache: 'revalidate', crossOrigin: true, json: true },
  { output: 'oEmbed answers', pattern: OEMBED_FILE, cache: 'revalidate', crossOrigin: true, json: true },
  {
    output: 'embed frames',
    pattern: underInAnyLanguage(outputPaths.embed.site),
    cache: 'revalidate',
    framable: true,
  },
  {
    output: 'RSS feeds',
    pattern: /\/rss\.xml$/,
    contentType: 'application/rss+xml; charset=utf-8',
    cache: 'revalidate',
  },
  {
    output: 'CAP messages',
    pattern: /^\/cap\/.*\.xml$/,
    // The type the CAP index declares for its links (the one CAP aggregators expect).
    contentType: 'application/cap+xml; charset=utf-8',
    cache: 'revalidate',
    crossOrigin: true,
  },
  { output: 'JSON files', pattern: /\.json$/, cache: 'revalidate', json: true },
  { output: 'pages and everything else', pattern: /^\//, cache: 'revalidate' },
];

export const servingRule = (pathname: string): ServingRule =>
  SERVING_RULES.find((rule) => rule.pattern.test(pathname)) as ServingRule;

/**
 * Content types by file extension, for what a rule leaves to the extension; the rest is sent as
 * bytes. Extensions, not patterns, so nginx's `types` block is generated from the same list.
 */
export const FILE_TYPES: readonly (readonly [extensions: readonly string[], type: string])[] = [
  [['atom'], 'application/atom+xml; charset=utf-8'],
  [['xml'], 'application/xml; charset=utf-8'],
  [['ics'], 'text/calendar; charset=utf-8'],
  [['json'], 'application/json; charset=utf-8'],
  [['js', 'mjs'], 'text/javascript; charset=utf-8'],
  [['html'], 'text/html; charset=utf-8'],
  [['css'], 'text/css; charset=utf-8'],
  [['svg'], 'image/svg+xml'],
  [['png'], 'image/png'],
  [['jpg', 'jpeg'], 'image/jpeg'],
  [['webp'], 'image/webp'],
  [['ico'], 'image/x-icon'],
  [['txt'], 'text/plain; charset=utf-8'],
  [['wasm'], 'application/wasm'],
  [['pdf'], 'application/pdf'],
  [['gif'], 'image/gif'],
  [['docx'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  [['xlsx'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [['doc'], 'application/msword'],
  [['xls'], 'application/vnd.ms-excel'],
  [['odt'], 'application/vnd.oasis.opendocument.text'],
  [['ods'], 'application/vnd.oasis.opendocument.spreadsheet'],
  // Pagefind's index and fragments.
  [['pf_meta', 'pf_index', 'pf_fragment', 'pagefind'], 'application/octet-stream'],
];
const TYPE_BY_EXTENSION = new Map(FILE_TYPES.flatMap(([extensions, type]) => extensions.map((name) => [name, type])));

/**
 * The content type of a file: its output's, or by its name. `file` is the file on disk, which
 * for a page is `<path>/index.html` when `pathname` ends in a slash.
 */
export function contentTypeOf(pathname: string, file = pathname): string {
  return (
    servingRule(pathname).contentType ??
    TYPE_BY_EXTENSION.get(/\.([^./]+)$/.exec(file)?.[1] ?? '') ??
    'application/octet-stream'
  );
}

/** Files every complete build has (relative to the build directory): each kind of output is there. */
export const REQUIRED_FILES: readonly string[] = [
  ...LOCALES.map((locale) => `${routes.home(locale)}index.html`),
  ...LOCALES.map((locale) => outputPaths.feed(locale).rss),
  ...LOCALES.map((locale) => outputPaths.feed(locale).json),
  ...LOCALES.map((locale) => outputPaths.widget(locale)),
  outputPaths.notFound,
  outputPaths.sitemap,
  outputPaths.robots,
  outputPaths.capIndex,
  outputPaths.embedScript,
  outputPaths.search,
  outputPaths.searchParts,
  outputPaths.buildManifest,
  outputPaths.inlineHashes,
  outputPaths.shortLinks,
].map((file) => file.replace(/^\//, ''));

/**
 * What embed.js needs of this manifest and the locale registry, written into it at build time:
 * a language added to the registry gets its widget without touching the script.
 */
export const widgetScriptConfig = (): WidgetScriptConfig => ({
  languages: [...LOCALES],
  defaultLanguage: DEFAULT_LOCALE,
  spare: SPARE_SPACE,
});

export interface WidgetScriptConfig {
  /** The languages with widget data files (`lang=` of the element); any other gets the default. */
  languages: string[];
  defaultLanguage: string;
  /** A reserved list item's height, a summary line's and a call line's, in em (embed/reserve.ts). */
  spare: { item: number; line: number; call: number };
}
