import { readFileSync } from 'node:fs';
import { loadSnapshotKeepingGood, type NoticeProblem, type Snapshot, SnapshotError } from '@tablica/shared';
import type { Loader, LoaderContext } from 'astro/loaders';
import { writeBuildReport } from '../lib/build-report.ts';
import { readSiteBuildConfig, type SiteBuildConfig } from '../lib/site-config.ts';
import { mirrorAttachments } from './attachments.ts';
import { takeReadAhead } from './read-ahead.ts';
import { demoSnapshotPath, readSnapshotFile } from './snapshot.ts';
import { readStrapiSnapshot } from './strapi.ts';

export interface LoadedContent {
  /** Where the content came from, for logs. */
  source: string;
  snapshot: Snapshot;
}

/** Where reading the content reports what it skipped or could not publish. */
export type ContentLog = Pick<LoaderContext['logger'], 'info' | 'warn'>;

async function readContent(logger: ContentLog): Promise<LoadedContent> {
  const config = readSiteBuildConfig();
  const { content } = config;
  let raw: unknown;
  let source: string;
  let noticesRead: string | undefined;
  if (content.kind === 'strapi') {
    source = `Strapi at ${content.url}`;
    const read = config.readAheadFile
      ? await takeReadAhead(config.readAheadFile)
      : await readStrapiSnapshot({ ...content, onRetry: (message) => logger.warn(message) }, config.noticeCache);
    raw = read.snapshot;
    noticesRead = read.how;
    logger.info(`notices: ${read.how}`);
  } else {
    const file = content.kind === 'snapshot' ? content.file : demoSnapshotPath();
    source = content.kind === 'snapshot' ? file : `the demo snapshot (${file})`;
    raw = await readSnapshotFile(file);
  }
  let loaded: { snapshot: Snapshot; problems: NoticeProblem[] };
  try {
    loaded = loadSnapshotKeepingGood(raw, {
      now: config.now,
      source,
      lastGood: () => readLastGood(config),
      // Demo-format files date their notices from today; what editors wrote in the CMS stays as written.
      relativeDates: content.kind !== 'strapi',
    });
  } catch (error) {
    // Settings or institutions are broken: every page depends on them. The message names each
    // bad field. Re-thrown as a plain Error: Astro prints only the first entry of an `errors` list.
    if (error instanceof SnapshotError) throw new Error(error.message);
    throw error;
  }
  const { problems } = loaded;
  let { snapshot } = loaded;
  for (const problem of problems) logger.warn(describeProblem(problem));
  let skippedAttachments: string[] = [];
  if (config.attachmentsDir && content.kind === 'strapi') {
    const baseUrl = config.baseUrl ?? snapshot.siteSettings.baseUrl;
    const mirrored = await mirrorAttachments(snapshot.notices, {
      directory: config.attachmentsDir,
      baseUrl,
      cmsUrl: content.url,
    });
    snapshot = { ...snapshot, notices: mirrored.notices };
    skippedAttachments = mirrored.skipped;
    for (const skipped of skippedAttachments) logger.warn(`attachment left out: ${skipped}`);
    if (mirrored.files > 0) logger.info(`${mirrored.files} attachment file(s) copied into the site`);
  }
  // For the publisher: what could not be published as it is, and what was (the next build's last
  // good; the notice versions that are news, with the institutions and settings its messages name).
  if (config.reportFile) {
    writeBuildReport(config.reportFile, { problems, skippedAttachments, noticesRead, snapshot, now: config.now });
  }
  return { source, snapshot };
}

function readLastGood(config: SiteBuildConfig): unknown[] {
  if (!config.lastGoodFile) return [];
  try {
    // The previous build's report: its `notices` are what the site published then.
    const report = JSON.parse(readFileSync(config.lastGoodFile, 'utf8')) as { notices?: unknown };
    return Array.isArray(report.notices) ? report.notices : [];
  } catch {
    // No live build yet, or its list is unreadable: a failing notice is then left out.
    return [];
  }
}

function describeProblem(problem: NoticeProblem): string {
  const what =
    problem.kept === 'previous'
      ? `the last good version (revision ${problem.keptRevision}) stays published`
      : 'it is left out (no earlier good version)';
  const errors = problem.errors.map((error) => `${error.location}: ${error.message}`).join('; ');
  return `NOT UPDATED: notice "${problem.slug}" (${problem.locale}) fails the rules, ${what}. ${errors}`;
}

// The content is one snapshot, read and validated once per build, as a whole, because some rules
// span entries (a notice's institution exists; translations share a period). The loader below
// reads it in Astro's sync step; the pages take the same read (src/lib/content.ts) from another
// instance of this module, bundled for prerendering, in the same process: hence the global.
// Astro's data store is not used: at 10,000 notices its round trip (serialized to a module,
// bundled, imported again) cost more than reading and validating the content itself.
const READ = Symbol.for('tablica.content-read');

/** The build's content: read on the first call in this process, shared by every later one. */
export function loadContentOnce(logger: ContentLog): Promise<LoadedContent> {
  const shared = globalThis as { [READ]?: Promise<LoadedContent> };
  shared[READ] ??= readContent(logger);
  return shared[READ];
}

/**
 * The content loader: reads and checks the content while Astro syncs, so that bad content stops
 * the build before anything is rendered, with the loader's messages. It stores nothing.
 */
export function tablicaContentLoader(): Loader {
  return {
    name: 'tablica-content',
    async load({ logger }) {
      const { source, snapshot } = await loadContentOnce(logger);
      logger.info(
        `${snapshot.notices.length} notices, ${snapshot.institutions.length} institutions and the settings from ${source}`,
      );
    },
  };
}
