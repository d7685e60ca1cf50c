// Boots the CMS without its HTTP server for a one-off task (seed, export, token), then stops it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureEnvFile } from './ensure-env.mjs';

const require = createRequire(import.meta.url);
export const APP_DIR = path.resolve(import.meta.dirname, '..');

/** Runs `task(strapi, requireCompiled)`; requireCompiled loads a module of the compiled app. */
export async function withStrapi(task) {
  // Strapi reads cms/.env from the working directory.
  process.chdir(APP_DIR);
  ensureEnvFile(APP_DIR);
  process.env.STRAPI_LOG_LEVEL ??= 'warn';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const context = await compileStrapi({ appDir: APP_DIR });
  const strapi = await createStrapi({ ...context, autoReload: false, serveAdminPanel: false }).load();
  const requireCompiled = (file) => require(path.join(context.distDir, file));
  try {
    return await task(strapi, requireCompiled);
  } finally {
    await strapi.destroy();
  }
}

/** Runs a script's main function, printing a one-line error and exiting 1 on failure. */
export function run(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`\nTablica: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
