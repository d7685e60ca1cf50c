/**
 * The site build: `astro build` (pages, sitemap, calendars), then the search index.
 *
 *   npm run build -w site [-- --outDir <dir>] [--incrementalFrom <previous build>] [--recycle <old build>] [--searchIndex later]
 *
 * With --incrementalFrom (the publisher passes its live build), a notice whose keys are unchanged
 * is not rendered again: its files are linked from that build (src/lib/incremental/). With
 * --recycle, an older build of the site no longer kept becomes this one, where most links are
 * already in place (scripts/link-tree.ts); an incremental build moves it in, so it is gone after.
 *
 * Content comes from TABLICA_CONTENT, STRAPI_URL or the demo snapshot (src/lib/site-config.ts).
 * Exits non-zero, having written nothing usable, when the content is invalid or unreachable.
 */
import { fork, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { numberSetting } from '@tablica/shared/number-setting';
import { DATA_FILES_DIR_ENV, DATA_FILES_ROUTE } from '../src/lib/data-files/data-files-setting.ts';
import { PAGE_KEYS_FILE, readPageKeys } from '../src/lib/incremental/page-keys-file.ts';
import { readSiteBuildConfig } from '../src/lib/site-config.ts';
import { yieldToOtherThreads } from '../src/lib/thread-priority.ts';
import { ATTACHMENTS_PATH } from '../src/loaders/attachments.ts';
import { handOverFailure } from '../src/loaders/hand-over-file.ts';
import { allocatorDefaults, BUNDLER_ALLOCATOR } from './allocator-settings.ts';
import { filesOfBuild } from './build-files.ts';
import { buildRunDirectory } from './build-run-directory.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import type { ReadAheadMessage } from './read-ahead-process.ts';
import { noticesPerSearchIndexPart } from './search-index-setting.ts';
import { writeWrittenFiles } from './written-files.ts';

// What runs after Astro (or beside it, in an incremental build) is imported when needed: those
// modules bring the shared package and its schemas, 40 MB that this process would otherwise hold
// beside Astro's for the whole of a full build, whose memory peaks there (site/bench). Called
// again, it waits for the same modules (Node loads a module once).
const afterAstro = () =>
  Promise.all([
    import('./inline-hashes.ts'),
    import('./reuse-unchanged.ts'),
    import('./search-index.ts'),
    import('./search-index-later.ts'),
    import('./short-link-pages.ts'),
  ]);

const SITE_DIR = path.resolve(import.meta.dirname, '..');
// Astro's CLI entry, wherever npm placed the package (its exports do not expose the bin file).
const ASTRO_CLI = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json', { paths: [SITE_DIR] })),
  'bin/astro.mjs',
);

const { values } = parseArgs({
  options: {
    outDir: { type: 'string', default: 'dist' },
    incrementalFrom: { type: 'string' },
    recycle: { type: 'string' },
    // `later`: an incremental build keeps the previous search index (search-index-later.ts).
    searchIndex: { type: 'string', default: 'now' },
  },
});
const outDir = path.resolve(SITE_DIR, values.outDir);
// Read now: a setting that is wrong stops the build before Astro renders for minutes.
const noticesPerPart = noticesPerSearchIndexPart();
const incrementalFrom = values.incrementalFrom && path.resolve(SITE_DIR, values.incrementalFrom);
// An incremental build links the previous build's files beside Astro, and a publish waits for
// that as much as for Astro: loaded at once, while Astro starts, not after the content is handed
// over (that way, one-notice edits of 10,000 took 6.0 s each instead of 4.7–5.4 in one pair of runs).
if (incrementalFrom) void afterAstro();

// V8 grows the heap lazily when memory is plentiful: uncapped, a 10,000-notice build peaked
// anywhere from 1.3 to 1.75 GB on the same input. Capped, it collects instead. The cap is not the
// whole of the process: at 10,000 notices Astro's process still peaked at 1.33–1.41 GB with 1,280
// MB, 1.32 GB with 1,024 and 1.25 GB with 768 (and 15 s slower), so a lower cap buys little.
// Large sites raise it with TABLICA_BUILD_HEAP_MB.
const heapMb = numberSetting(process.env, 'TABLICA_BUILD_HEAP_MB', {
  fallback: 1280,
  what: 'a whole number of megabytes',
  whole: true,
});
// The loader copies attachments here; they join the site once Astro has written it.
const attachments = mkdtempSync(path.join(path.dirname(outDir), '.tablica-attachments-'));
// Nothing of one build may be shared with another running at the same time (the publisher's and
// a draft preview's). Astro's cache directory holds the notices it read, and Astro writes its
// prerender code to `.astro/.prerender` under its working directory (which must be inside the
// project, for the code's imports to find node_modules) and deletes it when done, under the other
// build's feet. So each build runs in a directory of its own, with its cache there too.
const run = buildRunDirectory(SITE_DIR);
// The content (from the CMS, or a snapshot file) is read and checked here while Astro starts, and
// the notices' keys worked out (src/loaders/read-ahead.ts): one path, whatever the source.
// A setting that does not parse is left for the loader to report, as it does without this.
const config = (() => {
  try {
    return readSiteBuildConfig();
  } catch {
    return undefined;
  }
})();
const readAheadFile = config ? path.join(run, 'content-read.v8') : undefined;
// What Astro and the read ahead of it are told. One instant for the whole build: the content is
// checked in one thread and the pages rendered in another process, and a notice ending between
// the two would be news in the report and ended on its page.
const buildEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...allocatorDefaults(process.env, BUNDLER_ALLOCATOR),
  TABLICA_NOW: process.env.TABLICA_NOW || new Date().toISOString(),
  // The config option alone did not stop Astro's telemetry call (handbook/STACK.md).
  ASTRO_TELEMETRY_DISABLED: '1',
  TABLICA_ASTRO_CACHE_DIR: path.join(run, 'cache'),
  TABLICA_ATTACHMENTS_DIR: attachments,
  TABLICA_CODE_FINGERPRINT: codeFingerprint(),
  // The data files (calendars, CAP, oEmbed, widget data, broadcast texts) written in one go, not by
  // Astro one request at a time (src/lib/data-files/data-route.ts).
  [DATA_FILES_DIR_ENV]: outDir,
  TABLICA_INCREMENTAL_BASE: incrementalFrom ?? '',
  TABLICA_READ_AHEAD: readAheadFile ?? '',
};
let readAheadFailure: string | undefined;
/** Resolved once Astro can have the content (or the read ahead failed, or there is none). */
const handedOver = Promise.withResolvers<void>();
/** The site's key as the read-ahead made it (page-keys.ts), or undefined when it could not say. */
const siteKeyKnown = Promise.withResolvers<string | undefined>();
const readingAhead = readAheadFile
  ? new Promise<void>((resolve) => {
      const reader = fork(path.join(import.meta.dirname, 'read-ahead-process.ts'), [readAheadFile], {
        env: buildEnv,
      });
      const failed = (message: string) => {
        if (readAheadFailure !== undefined) return;
        // Before the hand-over the loader fails with it; after it (writing the report), this does.
        readAheadFailure = message;
        handOverFailure(readAheadFile, message);
      };
      const ended = () => {
        handedOver.resolve();
        siteKeyKnown.resolve(undefined);
        resolve();
      };
      reader.on('message', (message: ReadAheadMessage) => {
        if ('warning' in message) console.warn(`[tablica-content] ${message.warning}`);
        else if ('failed' in message) failed(message.failed);
        else if ('siteKey' in message) siteKeyKnown.resolve(message.siteKey ?? undefined);
        else handedOver.resolve();
      });
      // It could not start: no exit follows.
      reader.on('error', (error) => {
        failed(error.message);
        ended();
      });
      reader.on('exit', (code, signal) => {
        if (code !== 0) failed(`the content read-ahead stopped (${signal ?? `exit code ${code}`})`);
        ended();
      });
    })
  : undefined;
if (!readingAhead) {
  handedOver.resolve();
  siteKeyKnown.resolve(undefined);
}
const astro = spawn(
  process.execPath,
  [`--max-old-space-size=${heapMb}`, ASTRO_CLI, 'build', '--root', SITE_DIR, '--outDir', outDir],
  {
    cwd: run,
    env: buildEnv,
    stdio: 'inherit',
  },
);
let astroFailed = false;
const astroDone = new Promise<number>((resolve) =>
  astro.on('close', (exitCode) => {
    astroFailed = exitCode !== 0;
    resolve(exitCode ?? 1);
  }),
);
// While Astro renders, the previous build's files are linked beside it (reuse-unchanged.ts). Not
// before the content is handed over: until then Astro waits for the read-ahead process (4 to 5 s
// at 10,000 notices), and a third busy thread on two cores would slow the one Astro waits for.
// Not when the read-ahead says the site's key changed (the code, settings, institutions or options):
// every page is rendered again, nothing of the previous build is reused, and the spare is left for
// the next publish. They were linked and then deleted: an institution renamed at 10,000 notices
// went live in 0.90× the time of a full build with a peak of 1,151 MB; 0.83× and 1,067 MB without.
const baseKeys = incrementalFrom ? readPageKeys(incrementalFrom) : undefined;
const prelinking =
  incrementalFrom && baseKeys
    ? Promise.all([handedOver.promise, siteKeyKnown.promise]).then(async ([, siteKey]) => {
        if (siteKey !== undefined && siteKey !== baseKeys.site) {
          console.log(
            `[tablica] the site's key changed: every page is rendered again, nothing linked from ${incrementalFrom}`,
          );
          return undefined;
        }
        // This thread, from here to its end: Astro has its own process, and once Astro is done
        // nothing is left to yield to.
        yieldToOtherThreads();
        const [, { prelinkParts }, , { linkPreviousSearchIndex }] = await afterAstro();
        const started = performance.now();
        const prelinked = await prelinkParts(
          incrementalFrom,
          baseKeys,
          mkdtempSync(path.join(path.dirname(outDir), '.tablica-reused-')),
          { spare: values.recycle && path.resolve(SITE_DIR, values.recycle), stopped: () => astroFailed },
        );
        // The live build's search index too, when this build goes live with it (search-index-later.ts):
        // 10,000 links that were a quarter of a second after Astro. Dropped with the rest if the
        // build turns out to be a full one.
        const searchIndexLinked =
          values.searchIndex === 'later' &&
          !astroFailed &&
          linkPreviousSearchIndex(prelinked.directory, incrementalFrom);
        return { ...prelinked, searchIndexLinked, ms: Math.round(performance.now() - started) };
      })
    : undefined;
const [astroCode, prelinked] = await Promise.all([astroDone, prelinking, readingAhead]);
rmSync(run, { recursive: true, force: true });
if (astroCode === 0 && readAheadFailure)
  console.error(`[tablica] the build's records were not written: ${readAheadFailure}`);
const code = astroCode !== 0 ? astroCode : readAheadFailure ? 1 : 0;
if (code !== 0) {
  rmSync(attachments, { recursive: true, force: true });
  if (prelinked) rmSync(prelinked.directory, { recursive: true, force: true });
  process.exit(code);
}
// The data files' record: what Astro rendered for their route, not a file of the site.
rmSync(path.join(outDir, DATA_FILES_ROUTE), { recursive: true, force: true });
if (readdirSync(attachments).length > 0) {
  // mkdtemp makes it private (0700); served, it must be readable as any directory of the build
  // is: nginx's workers run as another user, and answered 404 for every attachment.
  chmodSync(attachments, 0o777 & ~process.umask());
  renameSync(attachments, path.join(outDir, ATTACHMENTS_PATH));
} else rmSync(attachments, { recursive: true, force: true });

const [
  { INLINE_HASH_FILES, writeInlineHashes },
  { reuseUnchanged },
  { buildSearchIndex, searchIndexMade },
  { linkPreviousSearchIndex },
  { writeShortLinkPages },
] = await afterAstro();
const reuseStarted = performance.now();
// What Astro wrote, listed before anything is linked in: an incremental build's few hundred files,
// where a walk after linking would read all 100,000 (the CSP step needs every HTML file).
const rendered = filesOfBuild(outDir);
const reuse = reuseUnchanged(outDir, incrementalFrom, prelinked);
console.log(
  reuse.fullBecause
    ? `[tablica] full build: ${reuse.fullBecause}`
    : `[tablica] incremental build: ${reuse.parts} unchanged part(s) (notices, pages of lists), ${reuse.linked.size} file(s) linked from ${incrementalFrom} ` +
        `(${prelinked?.ms ?? 0} ms beside Astro${prelinked?.recycled ? `, ${prelinked.kept} already in place in the recycled build${prelinked.recorded ? ', as its records said' : ''}` : ''}, ` +
        `${Math.round(performance.now() - reuseStarted)} ms after it)`,
);

// The search index: the previous build's, when this one goes live with it (search-index-later.ts),
// or built now. Now is before the short addresses and the hashes, which read every page of the
// build and leave this script holding 150 MB more (10,000 notices): that would sit beside
// Pagefind's 900 MB. Neither reads the index, nor the index their files.
// A publish that renders everything (an institution or the settings changed) goes live with the
// previous index too: it is as stale as after any publish until the index is made, and making it
// first kept the editor waiting 10–12 s more of a 70 s build (10,000 notices). Linked here when
// nothing else of the previous build is.
const searchIndexLater =
  values.searchIndex === 'later' &&
  incrementalFrom &&
  ((!reuse.fullBecause && prelinked?.searchIndexLinked) || linkPreviousSearchIndex(outDir, incrementalFrom));
if (!searchIndexLater) {
  const started = performance.now();
  // Parts of the previous build's index whose notices are unchanged are linked, not made again.
  const index = await buildSearchIndex(outDir, { noticesPerPart, previous: incrementalFrom });
  console.log(`[tablica] ${searchIndexMade(index, performance.now() - started)}`);
}

// Before the hashes: the CSP must cover every HTML file the build writes.
const shortStarted = performance.now();
const shortLinks = writeShortLinkPages(
  outDir,
  reuse.fullBecause || !incrementalFrom
    ? undefined
    : { directory: incrementalFrom, entries: prelinked?.shortLinks, prelinked: prelinked !== undefined },
);
console.log(
  `[tablica] short addresses: ${shortLinks.files.size} page(s) written or linked in ${Math.round(performance.now() - shortStarted)} ms`,
);
const hashesStarted = performance.now();
const hashes = writeInlineHashes(outDir, {
  baseDirectory: incrementalFrom,
  reused: reuse.linked,
  alike: shortLinks,
  files: [...rendered, ...reuse.linked, ...shortLinks.files],
});
console.log(
  `[tablica] content security policy: ${hashes.scripts.length} inline script(s), ${hashes.styles.length} inline style(s) allowed by hash (${Math.round(performance.now() - hashesStarted)} ms)`,
);

if (searchIndexLater && incrementalFrom) {
  console.log(`[tablica] search index: the previous build's, linked; it is built again once this build is live`);
  // Everything else is linked from incrementalFrom (reuse-unchanged.ts, search-index-later.ts).
  // What Astro wrote and is no longer there was moved (its keys route became the keys dot-file).
  const written = [...rendered, ...shortLinks.files, ...INLINE_HASH_FILES, PAGE_KEYS_FILE];
  writeWrittenFiles(
    outDir,
    incrementalFrom,
    written.filter((file) => existsSync(path.join(outDir, file))),
  );
}
