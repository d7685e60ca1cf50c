/**
 * Build benchmark (issue budgets: 10,000 notices in ≤ 60 s, within 3× a minimal Hugo site of the
 * same notices built in the same run, and ≤ 1.2 GB peak, on a 2-core machine).
 *
 *   npm run bench -w site                       10,000 notices
 *   TABLICA_BENCH_NOTICES=2000 npm run bench -w site
 *
 * Measures, in the same run: the floor (read + validate the snapshot, render the same pages from
 * a template string, write them with fs), Debian's `hugo` building a minimal site of the same
 * notices (bench/hugo-site.ts), and the real `astro build` (content layer, every page,
 * sitemap, calendars, search index), with the peak memory of the build's whole process tree.
 * Then publishes as the publisher makes them: one notice edited, and an institution renamed (every
 * page rendered again), each going live before its search index is made.
 * Also what the broadcast forms cost (issue budget: ≤ 10 % of the build): the text files they add,
 * and the time to compose them for every notice that has them, measured in the same run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { broadcastForms, generateSnapshot, isStillNews, loadSnapshot } from '@tablica/shared';
import type { SiteContent } from '../src/lib/content.ts';
import { shortCodes } from '../src/lib/short-links.ts';
import { writeFloorSite } from './floor.ts';
import { buildHugoSite, hugoAvailable, writeHugoSite } from './hugo-site.ts';
import { measuredRun } from './process-tree-memory.ts';

const NOTICES = Number(process.env.TABLICA_BENCH_NOTICES ?? 10_000);
const BUDGET_SECONDS = 60;
const BUDGET_BYTES = 1.2 * 1024 ** 3;
const BUDGET_HUGO_RATIO = 3;
const SITE_DIR = path.resolve(import.meta.dirname, '..');
const BUILD_SCRIPT = path.join(SITE_DIR, 'scripts/build.ts');
const SEARCH_INDEX_LATER = path.join(SITE_DIR, 'scripts/search-index-later.ts');

const scratch = await mkdtemp(path.join(tmpdir(), 'tablica-bench-'));
const snapshotFile = path.join(scratch, 'snapshot.json');
const now = new Date();
writeFileSync(snapshotFile, JSON.stringify(generateSnapshot(NOTICES, 1, { now })));
console.log(`Tablica site build benchmark: ${NOTICES.toLocaleString('en')} notices (pl), 3 languages`);

async function floor() {
  const started = performance.now();
  const snapshot = loadSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), { now });
  const pages = await writeFloorSite(snapshot, path.join(scratch, 'floor'), now);
  return { seconds: (performance.now() - started) / 1000, pages };
}

/** The minimal Hugo site of the same snapshot, or why it was not built. */
async function hugo() {
  if (!hugoAvailable()) return 'not measured: `hugo` is not installed (apt-get install hugo)';
  const dir = path.join(scratch, 'hugo');
  await writeHugoSite(loadSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), { now }), dir);
  const built = await buildHugoSite(dir);
  const pages = (readdirSync(path.join(dir, 'public'), { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.html'),
  ).length;
  return { ...built, pages };
}

async function astroBuild({
  name = 'astro',
  content = snapshotFile,
  incrementalFrom,
  recycle,
  searchIndexLater = false,
}: {
  name?: string;
  content?: string;
  incrementalFrom?: string;
  recycle?: string;
  searchIndexLater?: boolean;
} = {}) {
  const outDir = path.join(scratch, name);
  const incremental = incrementalFrom
    ? [
        '--incrementalFrom',
        incrementalFrom,
        ...(recycle ? ['--recycle', recycle] : []),
        ...(searchIndexLater ? ['--searchIndex', 'later'] : []),
      ]
    : [];
  const run = await measuredRun('astro build', process.execPath, [BUILD_SCRIPT, '--outDir', outDir, ...incremental], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      TABLICA_CONTENT: content,
      TABLICA_NOW: now.toISOString(),
      STRAPI_URL: '',
    },
  });
  const pages = (readdirSync(outDir, { recursive: true }) as string[]).filter(
    // The SMS short addresses (k/) are counted apart.
    (file) => file.endsWith('.html') && !file.startsWith('pagefind') && !file.startsWith('k/'),
  ).length;
  return { ...run, pages };
}

/** Composes every form of every notice that has them (still news), as the build does. */
function broadcastFormsCost() {
  const snapshot = loadSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), { now });
  const institutions = new Map(snapshot.institutions.map((institution) => [institution.slug, institution]));
  const started = performance.now();
  const withForms = snapshot.notices.filter((notice) => isStillNews(notice, now));
  for (const notice of withForms) {
    const institution = institutions.get(notice.institution);
    broadcastForms(
      {
        notice,
        institutionName: institution?.name ?? notice.institution,
        institutionShortName: institution?.shortName,
        siteHost: 'tablica.example.org',
        now,
        pageUrl: `https://tablica.example.org/komunikaty/${notice.slug}/`,
      },
      notice.locale,
    );
  }
  return { seconds: (performance.now() - started) / 1000, notices: withForms.length };
}

/** The SMS short addresses: a code for every notice version (its /k/ file is one line of HTML). */
function shortLinksCost() {
  const snapshot = loadSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), { now });
  const versions = new Map<string, Record<string, unknown>>();
  for (const notice of snapshot.notices)
    versions.set(notice.slug, { ...versions.get(notice.slug), [notice.locale]: notice });
  const content = { slugs: [...versions.keys()], versions, baseUrl: 'https://tablica.example.org' };
  const started = performance.now();
  const codes = shortCodes(content as unknown as SiteContent);
  return { seconds: (performance.now() - started) / 1000, links: codes.size };
}

/** A copy of the snapshot, changed by `change` (as an editor's publish changes it), in a file named `name`. */
function snapshotChanged(name: string, change: (raw: SnapshotJson) => void): string {
  const raw = JSON.parse(readFileSync(snapshotFile, 'utf8')) as SnapshotJson;
  change(raw);
  const file = path.join(scratch, name);
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

/** The snapshot file's JSON, as far as the changes below read it. */
interface SnapshotJson {
  notices: { title: string; revision?: number }[];
  institutions: { name: string }[];
}

/** The snapshot with one notice edited. */
const snapshotWithOneEdit = () =>
  snapshotChanged('snapshot-edited.json', (raw) => {
    const notice = raw.notices[Math.floor(raw.notices.length / 2)] as SnapshotJson['notices'][number];
    notice.title = `${notice.title} (zmiana)`;
    notice.revision = Number(notice.revision ?? 1) + 1;
  });

/** The snapshot with an institution renamed: every page names institutions, so all are rendered. */
const snapshotWithInstitutionRenamed = () =>
  snapshotChanged('snapshot-renamed.json', (raw) => {
    const institution = raw.institutions[0] as SnapshotJson['institutions'][number];
    institution.name = `${institution.name} (nowa nazwa)`;
  });

try {
  const base = await floor();
  const minimalHugo = await hugo();
  const astro = await astroBuild();
  // Issue 18: a publish renders what it changed and links the rest from the live build.
  const incremental = await astroBuild({
    name: 'incremental',
    content: snapshotWithOneEdit(),
    incrementalFrom: path.join(scratch, 'astro'),
  });
  // The same edit as the publisher makes it: live with the previous search index, then indexed,
  // taking over an older build (the one above) as the publisher does with the spare it keeps.
  const deferred = await astroBuild({
    name: 'deferred',
    content: path.join(scratch, 'snapshot-edited.json'),
    incrementalFrom: path.join(scratch, 'astro'),
    recycle: path.join(scratch, 'incremental'),
    searchIndexLater: true,
  });
  const indexStarted = performance.now();
  const indexOutput = execFileSync(
    process.execPath,
    [SEARCH_INDEX_LATER, '--from', path.join(scratch, 'deferred'), '--outDir', path.join(scratch, 'indexed')],
    { cwd: SITE_DIR, encoding: 'utf8' },
  );
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  // A publish the editor waits for that renders every page again: live with the previous index.
  const renamed = await astroBuild({
    name: 'renamed',
    content: snapshotWithInstitutionRenamed(),
    incrementalFrom: path.join(scratch, 'astro'),
    searchIndexLater: true,
  });
  const forms = broadcastFormsCost();
  const shortLinks = shortLinksCost();
  const shortFiles = (readdirSync(path.join(scratch, 'astro', 'k')) as string[]).length;
  const phasesOf = (output: string) =>
    [...output.matchAll(/^.*(?:Completed in|built in|search index|short addresses|policy|linked).*$/gm)].map(
      (line) => line[0],
    );
  const phases = phasesOf(astro.output);
  const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
  console.log(`  floor (template + fs):  ${base.seconds.toFixed(1)} s for ${base.pages.toLocaleString('en')} pages`);
  console.log(
    `  astro build:            ${astro.seconds.toFixed(1)} s for ${astro.pages.toLocaleString('en')} pages, peak ${mb(astro.peakBytes)}`,
  );
  console.log(
    `  peak by program:        ${[...astro.peakByProgram].map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', ')}`,
  );
  console.log(`  ratio to floor:         ${(astro.seconds / base.seconds).toFixed(1)}×`);
  if (typeof minimalHugo === 'string') console.log(`  minimal Hugo site:      ${minimalHugo.toUpperCase()}`);
  else {
    const ratio = astro.seconds / minimalHugo.seconds;
    console.log(
      `  minimal Hugo site:      ${minimalHugo.seconds.toFixed(1)} s for ${minimalHugo.pages.toLocaleString('en')} pages, peak ${mb(minimalHugo.peakBytes)}; ` +
        `astro ${ratio.toFixed(1)}× its time, ${(astro.peakBytes / minimalHugo.peakBytes).toFixed(1)}× its memory ` +
        `(budget ${ratio <= BUDGET_HUGO_RATIO ? 'within' : 'OVER'} ${BUDGET_HUGO_RATIO}×)`,
    );
  }
  const linked = /incremental build: .*$/m.exec(incremental.output)?.[0] ?? 'no incremental build';
  const rendered = /(\d+) page\(s\) built in/.exec(incremental.output)?.[1] ?? '?';
  console.log(
    `  one notice edited:      ${incremental.seconds.toFixed(1)} s incrementally (${(incremental.seconds / astro.seconds).toFixed(2)}× the full build), peak ${mb(incremental.peakBytes)}; Astro rendered ${rendered} routes`,
  );
  console.log(`                          ${linked.replace(/ from \S+/, '')}`);
  console.log(
    `  … search index later:   ${deferred.seconds.toFixed(1)} s to live (${(deferred.seconds / astro.seconds).toFixed(2)}× the full build), then ${indexSeconds.toFixed(1)} s to index and swap`,
  );
  console.log(
    `                          ${(/incremental build: .*$/m.exec(deferred.output)?.[0] ?? 'no incremental build').replace(/ from \S+/, '')}`,
  );
  // Its parts whose notices are unchanged are linked from the index it went live with.
  console.log(`                          ${/search index: .*$/m.exec(indexOutput)?.[0] ?? 'no search index made'}`);
  console.log(
    `  institution renamed:    ${renamed.seconds.toFixed(1)} s to live, every page rendered again, search index later (${(renamed.seconds / astro.seconds).toFixed(2)}× the full build), peak ${mb(renamed.peakBytes)}`,
  );
  console.log(
    `  budget:                 ${astro.seconds <= BUDGET_SECONDS ? 'within' : 'OVER'} ${BUDGET_SECONDS} s, ` +
      `${astro.peakBytes <= BUDGET_BYTES ? 'within' : 'OVER'} ${mb(BUDGET_BYTES)}`,
  );
  console.log(
    `  broadcast forms:        ${forms.notices.toLocaleString('en')} notice versions have them; composing all takes ${forms.seconds.toFixed(2)} s = ${((forms.seconds / astro.seconds) * 100).toFixed(1)} % of the build (budget 10 %)`,
  );
  console.log(
    `  SMS short addresses:    ${shortLinks.links.toLocaleString('en')} codes in ${shortLinks.seconds.toFixed(2)} s; ${shortFiles.toLocaleString('en')} /k/ files in the build`,
  );
  console.log(`  phases:\n    ${phases.join('\n    ')}`);
  console.log(`  phases (incremental):\n    ${phasesOf(incremental.output).join('\n    ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
