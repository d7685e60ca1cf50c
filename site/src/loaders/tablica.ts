import {
  type Institution,
  InstitutionSchema,
  loadSnapshot,
  type Notice,
  PublishedNoticeSchema,
  resolveRelativeDates,
  type SiteSettings,
  SiteSettingsSchema,
  type Snapshot,
  SnapshotError,
} from '@tablica/shared';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readSiteBuildConfig } from '../lib/site-config.ts';
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
  if (content.kind === 'strapi') {
    source = `Strapi at ${content.url}`;
    raw = await readStrapiSnapshot({ ...content, onRetry: (message) => logger.warn(message) });
  } else {
    const file = content.kind === 'snapshot' ? content.file : demoSnapshotPath();
    source = content.kind === 'snapshot' ? file : `the demo snapshot (${file})`;
    raw = await readSnapshotFile(file);
  }
  try {
    const snapshot = loadSnapshot(resolveRelativeDates(raw, config.now), { now: config.now, source });
    return { source, snapshot };
  } catch (error) {
    // The message names each bad notice (slug, locale) and field. Re-thrown as a plain Error:
    // Astro prints only the first entry of an error that carries an `errors` list.
    if (error instanceof SnapshotError) throw new Error(error.message);
    throw error;
  }
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
