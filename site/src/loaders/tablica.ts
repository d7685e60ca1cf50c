import { readFileSync, writeFileSync } from 'node:fs';
import {
  type Institution,
  InstitutionSchema,
  loadSnapshotKeepingGood,
  type Notice,
  type NoticeProblem,
  PublishedNoticeSchema,
  type SiteSettings,
  SiteSettingsSchema,
  type Snapshot,
  SnapshotError,
} from '@tablica/shared';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readSiteBuildConfig, type SiteBuildConfig } from '../lib/site-config.ts';
import { mirrorAttachments } from './attachments.ts';
import { demoSnapshotPath, readSnapshotFile } from './snapshot.ts';
import { readStrapiSnapshot } from './strapi.ts';

interface LoadedContent {
  /** Where the content came from, for logs. */
  source: string;
  snapshot: Snapshot;
}

// The three collections are one snapshot: it is read and validated once per build, as a whole,
// because some rules span entries (a notice's institution exists; translations share a period).
// A dev server re-reads after a short while so edits show up.
const REUSE_FOR_MS = 30_000;
let cached: { at: number; content: Promise<LoadedContent> } | undefined;

async function readContent(logger: LoaderContext['logger']): Promise<LoadedContent> {
  const config = readSiteBuildConfig();
  const { content } = config;
  let raw: unknown;
  let source: string;
  let noticesRead: string | undefined;
  if (content.kind === 'strapi') {
    source = `Strapi at ${content.url}`;
    const read = await readStrapiSnapshot(
      { ...content, onRetry: (message) => logger.warn(message) },
      config.noticeCache,
    );
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
      lastGood: readLastGood(config),
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
  // good; the notice versions that went live, with the institutions and settings its messages name).
  if (config.reportFile) {
    const { siteSettings, institutions, notices } = snapshot;
    writeFileSync(
      config.reportFile,
      JSON.stringify({ problems, skippedAttachments, noticesRead, siteSettings, institutions, notices }),
    );
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

function loadContentOnce(logger: LoaderContext['logger']): Promise<LoadedContent> {
  if (!cached || Date.now() - cached.at > REUSE_FOR_MS) {
    cached = { at: Date.now(), content: readContent(logger) };
  }
  return cached.content;
}

type EntryOf = {
  notices: Notice;
  institutions: Institution;
  settings: SiteSettings;
};

const ENTRIES: { [Name in keyof EntryOf]: (snapshot: Snapshot) => [id: string, data: EntryOf[Name]][] } = {
  notices: (snapshot) => snapshot.notices.map((notice) => [`${notice.locale}/${notice.slug}`, notice]),
  institutions: (snapshot) => snapshot.institutions.map((institution) => [institution.slug, institution]),
  settings: (snapshot) => [['site', snapshot.siteSettings]],
};

const SCHEMAS = { notices: PublishedNoticeSchema, institutions: InstitutionSchema, settings: SiteSettingsSchema };

/**
 * A content-layer loader for one part of Tablica's content. Entries arrive parsed by the shared
 * schemas (the collection's `schema` gives Astro their types); unchanged entries are skipped by
 * digest and entries that disappeared from the source are removed.
 */
export function tablicaLoader<Name extends keyof EntryOf>(collection: Name): Loader {
  return {
    name: `tablica-${collection}`,
    schema: SCHEMAS[collection],
    async load({ store, logger, generateDigest }) {
      const { source, snapshot } = await loadContentOnce(logger);
      const entries = ENTRIES[collection](snapshot);
      const ids = new Set(entries.map(([id]) => id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const [id, data] of entries) {
        store.set({ id, data: data as Record<string, unknown>, digest: generateDigest(JSON.stringify(data)) });
      }
      logger.info(`${entries.length} ${collection} from ${source}`);
    },
  };
}
