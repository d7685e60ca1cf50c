import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind.ts';

// Telemetry is also turned off through ASTRO_TELEMETRY_DISABLED in every script that runs Astro:
// the config alone did not stop the call (handbook/STACK.md).
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  integrations: [pagefindIndex()],
});
