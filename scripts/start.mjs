#!/usr/bin/env node
// npm start: the whole system with the embedded defaults (SQLite, demo content): the CMS, and the
// publisher, which builds the site from it, serves it, and rebuilds on every publish (Strapi's
// webhook), at every start or end of a notice, and when a poll finds a change. Ctrl-C stops all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { adminBuildIsStale, STRAPI_CLI } from '../cms/scripts/admin-build.mjs';
import { ensureEnvFile } from '../cms/scripts/ensure-env.mjs';
import { startPublisher } from '../site/publisher/main.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CMS = path.join(ROOT, 'cms');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = process.env.PORT ?? '1337';
const CMS_URL = `http://${HOST}:${PORT}`;
const SITE_PORT = Number(process.env.SITE_PORT ?? 4321);
const PUBLISHER_PORT = Number(process.env.PUBLISHER_PORT ?? 4322);
// The webhook's shared secret: yours if set, else a fresh one for this run, given to both sides.
const REBUILD_SECRET = process.env.SITE_REBUILD_SECRET || randomBytes(24).toString('base64url');
const REBUILD_URL = `http://${HOST}:${PUBLISHER_PORT}/hooks/rebuild`;
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

/** Waits for the publisher's first build to finish, printing a dot every few seconds. */
async function firstBuild(publisher) {
  let dots = 0;
  for (;;) {
    const build = publisher.lastBuild;
    if (build && build.result !== 'running') {
      if (dots) process.stdout.write('\n');
      return build;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (++dots % 6 === 0) process.stdout.write('.');
  }
}

function stopAll() {
  for (const child of children) child.kill('SIGINT');
}

let publisher;
const shutDown = async () => {
  say('stopping…');
  await publisher?.stop();
  stopAll();
};
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);

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

// The publisher listens first, so the CMS's webhooks (the demo seed sends some) reach it.
publisher = await startPublisher(
  {
    ...process.env,
    HOST,
    STRAPI_URL: CMS_URL,
    SITE_PORT: String(SITE_PORT),
    PUBLISHER_PORT: String(PUBLISHER_PORT),
    SITE_REBUILD_SECRET: REBUILD_SECRET,
  },
  { autoStart: false },
);

say(`starting the CMS (SQLite in cms/.tmp/data.db; demo content is seeded into an empty database)…`);
const cms = run(process.execPath, [STRAPI_CLI, 'start'], {
  cwd: CMS,
  env: {
    ...process.env,
    HOST,
    PORT,
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    SITE_REBUILD_URL: REBUILD_URL,
    SITE_REBUILD_SECRET: REBUILD_SECRET,
  },
});
if (await waitForHealth(CMS_URL, cms)) {
  say('building the site from the CMS (a few seconds; then it rebuilds on every publish)…');
  publisher.begin();
  const first = await firstBuild(publisher.publisher);
  const site = publisher.site.url;
  if (first.result !== 'live') say(`the first build failed (${first.message}); the publisher retries, see /status.`);
  say('is running:');
  console.log(`
  Site            ${site}/   (English: ${site}/en/, Ukrainian: ${site}/uk/)
  CMS admin       ${CMS_URL}/admin   ${process.env.ADMIN_EMAIL ? `(log in as ${process.env.ADMIN_EMAIL})` : '(first visit: register the administrator, or start with ADMIN_EMAIL and ADMIN_PASSWORD set)'}
  Feeds           ${site}/rss.xml   ${site}/feed.json   ${site}/cap/index.atom   ${site}/calendar/institution/<slug>.ics
  Embed builder   ${site}/osadz/   (widget: ${site}/embed.js)
  Publisher       ${publisher.control.url}/status   (webhook ${REBUILD_URL}; polls the CMS every 2 minutes)

  Publish a notice in the CMS: the site, its feeds and widgets follow within seconds.
  npm run rollback           returns the site to the previous build.
  Press Ctrl-C to stop.
`);
}
const result = await finished(cms);
await publisher?.stop();
stopAll();
process.exit(result.signal === 'SIGINT' || result.code === 130 ? 0 : (result.code ?? 0));
