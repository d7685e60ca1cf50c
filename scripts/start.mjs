#!/usr/bin/env node
// npm start: the whole system with the embedded defaults (SQLite, demo content): the CMS, then the
// site built from it and served. Rebuilds on publish arrive with the publisher. Ctrl-C stops all.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { adminBuildIsStale, STRAPI_CLI } from '../cms/scripts/admin-build.mjs';
import { ensureEnvFile } from '../cms/scripts/ensure-env.mjs';
import { serveSite } from '../site/scripts/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CMS = path.join(ROOT, 'cms');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = process.env.PORT ?? '1337';
const CMS_URL = `http://${HOST}:${PORT}`;
const SITE = path.join(ROOT, 'site');
const SITE_PORT = Number(process.env.SITE_PORT ?? 4321);
const children = new Set();
// Strapi's CLI (STRAPI_CLI) runs directly on this Node 24 binary, not through `npm run`, so
// that Ctrl-C reaches it and it can shut down cleanly.

const say = (message) => console.log(`\x1b[1mTablica\x1b[0m ${message}`);

function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function finished(child) {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

async function waitForHealth(url, child, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204 || response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function stopAll() {
  for (const child of children) child.kill('SIGINT');
}

process.on('SIGINT', () => {
  say('stopping…');
  stopAll();
});
process.on('SIGTERM', stopAll);

const env = ensureEnvFile(CMS);
if (env.created) say(`created ${path.relative(ROOT, env.file)} with fresh random secrets`);

if (adminBuildIsStale()) {
  say('building the CMS admin panel (first run or sources changed; about a minute)…');
  const build = await finished(
    run(process.execPath, [STRAPI_CLI, 'build'], {
      cwd: CMS,
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    }),
  );
  if (build.code !== 0) {
    say('the admin build failed; see the output above.');
    process.exit(1);
  }
}

say(`starting the CMS (SQLite in cms/.tmp/data.db; demo content is seeded into an empty database)…`);
const cms = run(process.execPath, [STRAPI_CLI, 'start'], {
  cwd: CMS,
  env: {
    ...process.env,
    HOST,
    PORT,
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  },
});
let site;
if (await waitForHealth(CMS_URL, cms)) {
  say('building the site from the CMS…');
  const build = await finished(
    run(process.execPath, [path.join(SITE, 'scripts/build.ts')], {
      cwd: SITE,
      env: { ...process.env, STRAPI_URL: CMS_URL, TABLICA_BASE_URL: `http://${HOST}:${SITE_PORT}` },
    }),
  );
  if (build.code === 0) site = await serveSite(path.join(SITE, 'dist'), { host: HOST, port: SITE_PORT });
  else say('the site build failed; see the output above. The CMS keeps running.');
  say('is running:');
  console.log(`
  Site          ${site ? `${site.url}/   (English: ${site.url}/en/, Ukrainian: ${site.url}/uk/)` : '(not built)'}
  CMS admin     ${CMS_URL}/admin   ${process.env.ADMIN_EMAIL ? `(log in as ${process.env.ADMIN_EMAIL})` : '(first visit: register the administrator, or start with ADMIN_EMAIL and ADMIN_PASSWORD set)'}
  Notices API   ${CMS_URL}/api/notices?locale=*
  Institutions  ${CMS_URL}/api/institutions
  Settings      ${CMS_URL}/api/site-setting

  After publishing in the CMS, rebuild the site: npm run build -w site (with STRAPI_URL=${CMS_URL}).
  Press Ctrl-C to stop.
`);
}
const result = await finished(cms);
await site?.close();
stopAll();
process.exit(result.signal === 'SIGINT' || result.code === 130 ? 0 : (result.code ?? 0));
