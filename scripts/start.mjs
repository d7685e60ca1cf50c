#!/usr/bin/env node
// npm start: the whole system with the embedded defaults (SQLite, demo content): the CMS, and the
// publisher, which builds the site from it, serves it, and rebuilds on every publish (the CMS's
// signed rebuild requests), at every start or end of a notice, and when a poll finds a change.
// Each runs in its own process, restarted if it dies: a dead CMS never takes the site down (the
// publisher keeps serving the last good build), and a dead publisher comes back serving it.
// Ctrl-C stops all.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { adminBuildIsStale, buildAdminPanel, STRAPI_CLI } from '../cms/scripts/admin-build.mjs';
import { ensureEnvFile } from '../cms/scripts/ensure-env.mjs';
import { supervise } from './supervise.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CMS = path.join(ROOT, 'cms');
const PUBLISHER = path.join(ROOT, 'site', 'publisher', 'main.ts');
const HOST = process.env.HOST ?? '127.0.0.1';
const PORT = process.env.PORT ?? '1337';
const CMS_URL = `http://${HOST}:${PORT}`;
const SITE_PORT = Number(process.env.SITE_PORT ?? 4321);
const PUBLISHER_PORT = Number(process.env.PUBLISHER_PORT ?? 4322);
const SITE_URL = `http://${HOST}:${SITE_PORT}`;
const CONTROL_URL = `http://127.0.0.1:${PUBLISHER_PORT}`;
// The signing key of rebuild requests: yours if set, else a fresh one for this run, given to both sides.
const REBUILD_SECRET = process.env.SITE_REBUILD_SECRET || randomBytes(24).toString('base64url');
const REBUILD_URL = `${CONTROL_URL}/hooks/rebuild`;
// E-mail: your SMTP server if SMTP_URL is set; else MailDev, a local mail catcher with a web inbox,
// so that the sign-up's confirmation and the notifications can be read without sending anything.
const MAIL_SMTP_PORT = Number(process.env.MAIL_SMTP_PORT ?? 1025);
const MAIL_WEB_PORT = Number(process.env.MAIL_WEB_PORT ?? 1080);
const MAILDEV = path.join(ROOT, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
const SMTP_URL = process.env.SMTP_URL || `smtp://127.0.0.1:${MAIL_SMTP_PORT}`;
const MAIL_INBOX = process.env.SMTP_URL ? undefined : `http://127.0.0.1:${MAIL_WEB_PORT}`;
// Strapi's CLI (STRAPI_CLI) and the publisher run directly on this Node 24 binary, not through
// `npm run`, so that Ctrl-C reaches them and they can shut down cleanly.

const say = (message) => console.log(`\x1b[1mTablica\x1b[0m ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status < 500 ? response : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the publisher's first build after the CMS is up, printing a dot every few seconds. */
async function firstBuild() {
  for (let dots = 1; ; dots++) {
    const status = await (await answers(`${CONTROL_URL}/status`))?.json().catch(() => undefined);
    const build = status?.lastBuild;
    if (build && build.result !== 'running') {
      if (dots > 6) process.stdout.write('\n');
      return build;
    }
    await sleep(500);
    if (dots % 6 === 0) process.stdout.write('.');
  }
}

const env = ensureEnvFile(CMS);
if (env.created) say(`created ${path.relative(ROOT, env.file)} with fresh random secrets`);

if (adminBuildIsStale()) {
  say('building the CMS admin panel (first run, or its sources or dependencies changed; about a minute)…');
  try {
    buildAdminPanel({ stdio: 'inherit' });
  } catch {
    say('the admin build failed; see the output above.');
    process.exit(1);
  }
}

// Loopback only, in memory, quiet: a catcher for this machine's eyes, not a relay.
const mailCatcher =
  MAIL_INBOX &&
  supervise({
    name: 'mail catcher',
    command: process.execPath,
    args: [
      MAILDEV,
      '--smtp',
      String(MAIL_SMTP_PORT),
      '--ip',
      '127.0.0.1',
      '--web',
      String(MAIL_WEB_PORT),
      '--web-ip',
      '127.0.0.1',
      '--silent',
    ],
    say,
    options: { env: { ...process.env } },
  });

// The publisher first: it serves the last good build at once (if there is one) and builds as
// soon as the CMS answers.
const publisher = supervise({
  name: 'publisher',
  command: process.execPath,
  args: [PUBLISHER],
  say,
  options: {
    env: {
      ...process.env,
      HOST,
      STRAPI_URL: CMS_URL,
      SITE_PORT: String(SITE_PORT),
      PUBLISHER_PORT: String(PUBLISHER_PORT),
      SITE_REBUILD_SECRET: REBUILD_SECRET,
      TABLICA_WAIT_FOR_CMS: '1',
      SMTP_URL,
    },
  },
});

say('starting the CMS (SQLite in cms/.tmp/data.db; demo content is seeded into an empty database)…');
const cms = supervise({
  name: 'CMS',
  command: process.execPath,
  args: [STRAPI_CLI, 'start'],
  say,
  options: {
    cwd: CMS,
    env: {
      ...process.env,
      HOST,
      PORT,
      STRAPI_TELEMETRY_DISABLED: 'true',
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      SITE_REBUILD_URL: REBUILD_URL,
      SITE_REBUILD_SECRET: REBUILD_SECRET,
      // "Podgląd" in the admin: drafts rendered by the publisher (site/publisher/preview.ts).
      SITE_PREVIEW_URL: CONTROL_URL,
      SITE_PUBLIC_URL: SITE_URL,
    },
  },
});

let stopping = false;
const shutDown = async () => {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all([cms.stop(), publisher.stop(), mailCatcher?.stop()]);
  process.exit(0);
};
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);

while (!stopping && !(await answers(`${CMS_URL}/_health`))) await sleep(500);
say('building the site from the CMS (a few seconds; then it rebuilds on every publish)…');
const first = await firstBuild();
if (first.result !== 'live') say(`the first build failed (${first.message}); the publisher retries, see /status.`);
const summary = `
  Site            ${SITE_URL}/   (English: ${SITE_URL}/en/, Ukrainian: ${SITE_URL}/uk/)
  CMS admin       ${CMS_URL}/admin   ${process.env.ADMIN_EMAIL ? `(log in as ${process.env.ADMIN_EMAIL})` : '(first visit: register the administrator, or start with ADMIN_EMAIL and ADMIN_PASSWORD set)'}
  Feeds           ${SITE_URL}/rss.xml   ${SITE_URL}/feed.json   ${SITE_URL}/cap/index.atom   ${SITE_URL}/calendar/institution/<slug>.ics
  Embed builder   ${SITE_URL}/osadz/   (widget: ${SITE_URL}/embed.js)
  Publisher       ${CONTROL_URL}/status   (rebuild requests ${REBUILD_URL}, signed; polls the CMS every 2 minutes)
  E-mail          sign-up ${SITE_URL}/powiadomienia/   ${MAIL_INBOX ? `mails sent: ${MAIL_INBOX}/ (local inbox; nothing leaves this machine)` : `sent through ${new URL(SMTP_URL).host}`}

  Publish a notice in the CMS: the site, its feeds and widgets follow within seconds.
  If the CMS or the publisher stops, it is restarted; the site keeps serving the last good build.
  npm run rollback           returns the site to the previous build.
  Press Enter to see this again, Ctrl-C to stop.
`;
say('is running:');
console.log(summary);
// The summary stays findable: Enter prints it again, whatever the CMS and the publisher logged since.
if (process.stdin.isTTY) {
  process.stdin.on('data', () => console.log(summary));
  process.stdin.unref?.();
}
