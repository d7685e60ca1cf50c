import { defineConfig } from 'astro/config';
// Before Astro builds anything: a build on another filesystem than the code (a mounted volume)
// failed in every Astro process, through scripts/build.ts or `astro build` alone.
import './scripts/rename-across-filesystems.ts';

// Build through `npm run build -w site` (scripts/build.ts): it adds the search index and turns
// telemetry off with ASTRO_TELEMETRY_DISABLED, which the config alone did not (handbook/STACK.md).
export default defineConfig({
  output: 'static',
  // A draft preview is served under its token's path (site/publisher/preview.ts); the site itself at the root.
  base: process.env.TABLICA_PREVIEW_BASE || undefined,
  // Each build gets its own (scripts/build.ts): the content layer's data store is written here and
  // read back by the same build, so two builds at once (a draft preview during a publish) would
  // otherwise read each other's notices.
  cacheDir: process.env.TABLICA_ASTRO_CACHE_DIR || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  // Astro's output without a line per page written (scripts/astro-logger.ts).
  logger: { entrypoint: './scripts/astro-logger.ts' },
  server: { host: '127.0.0.1' },
});
