import { defineConfig } from 'astro/config';

// Build through `npm run build -w site` (scripts/build.ts): it adds the search index and turns
// telemetry off with ASTRO_TELEMETRY_DISABLED, which the config alone did not (handbook/STACK.md).
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
