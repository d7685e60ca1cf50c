import type { Loader, LoaderContext } from 'astro/loaders';
import { readSiteBuildConfig, type SiteBuildConfig } from '../lib/site-config.ts';
import { type CheckedContent, checkContent } from './check-content.ts';
import { takeReadAhead } from './read-ahead.ts';

/** Where reading the content reports what it skipped or could not publish. */
export type ContentLog = Pick<LoaderContext['logger'], 'info' | 'warn'>;

async function readContent(logger: ContentLog): Promise<CheckedContent> {
  const config = readSiteBuildConfig();
  const checked = config.readAheadFile ? await takeReadAhead(config.readAheadFile) : await checkHere(config, logger);
  for (const message of checked.messages) logger[message.level](message.text);
  return checked;
}

/** Without a read-ahead (a snapshot file, the demo): checked here, its records written at once. */
async function checkHere(config: SiteBuildConfig, logger: ContentLog): Promise<CheckedContent> {
  const { checked, writeRecords } = await checkContent(config, (message) => logger.warn(message));
  writeRecords();
  return checked;
}

// The content is one snapshot, read and validated once per build, as a whole, because some rules
// span entries (a notice's institution exists; translations share a period). The loader below
// reads it in Astro's sync step; the pages take the same read (src/lib/content.ts) from another
// instance of this module, bundled for prerendering, in the same process: hence the global.
// Astro's data store is not used: at 10,000 notices its round trip (serialized to a module,
// bundled, imported again) cost more than reading and validating the content itself.
const READ = Symbol.for('tablica.content-read');

/** The build's content: read on the first call in this process, shared by every later one. */
export function loadContentOnce(logger: ContentLog): Promise<CheckedContent> {
  const shared = globalThis as { [READ]?: Promise<CheckedContent> };
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
