import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPeriod, LOCALES, plainTextOfBlocks, type Snapshot } from '@tablica/shared';
import { measuredRun } from './process-tree-memory.ts';

/**
 * The comparison the issue names for a full build: a minimal Hugo site of the same notices (a
 * page per notice and language, the list per language and per institution, RSS for each), built
 * by Debian's `hugo` in the same run. What a static generator written for speed spends on the same
 * content; Tablica's budget is 3× its wall time.
 */

const CONFIG = `baseURL = "https://tablica.example.org/"
defaultContentLanguage = "pl"
disableKinds = ["sitemap", "robotsTXT", "404"]
buildFuture = true
[taxonomies]
institution = "institutions"
${LOCALES.map((locale, index) => `[languages.${locale}]\ncontentDir = "content/${locale}"\nweight = ${index + 1}`).join('\n')}
`;

const SINGLE = `<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Params.period }}</p><p>{{ .Summary }}</p>{{ .Content }}</main></body></html>
`;

const LIST = `<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.period }}</li>{{ end }}</ul></main></body></html>
`;

/** Front matter as JSON (Hugo reads it), so no text needs escaping by hand. */
const page = (frontMatter: Record<string, unknown>, body: string) =>
  `${JSON.stringify(frontMatter, null, 1)}\n${body}\n`;

/** Writes the Hugo project for `snapshot` into `dir`; returns the number of content files. */
export async function writeHugoSite(snapshot: Snapshot, dir: string): Promise<number> {
  const institutions = new Map(snapshot.institutions.map((institution) => [institution.slug, institution.name]));
  const files: [string, string][] = [
    ['hugo.toml', CONFIG],
    ['layouts/_default/single.html', SINGLE],
    ['layouts/_default/list.html', LIST],
    ['layouts/_default/terms.html', LIST],
    ['layouts/index.html', LIST],
  ];
  for (const notice of snapshot.notices) {
    const period = formatPeriod(
      { start: notice.effectiveFrom, end: notice.effectiveUntil, timeZone: notice.timeZone },
      notice.locale,
    );
    files.push([
      `content/${notice.locale}/notices/${notice.slug}.md`,
      page(
        {
          title: notice.title,
          date: notice.effectiveFrom.toISOString(),
          summary: notice.summary,
          period,
          institutions: [institutions.get(notice.institution) ?? notice.institution],
        },
        plainTextOfBlocks(notice.body ?? []),
      ),
    ]);
  }
  for (const [file, text] of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return snapshot.notices.length;
}

/** Whether Debian's `hugo` is here (the bench says so loudly when it is not). */
export const hugoAvailable = (): boolean => spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

/** Builds the Hugo project in `dir`; wall time, the process's peak memory and what it printed. */
export function buildHugoSite(dir: string) {
  return measuredRun('hugo', 'hugo', ['--quiet', '--destination', 'public'], {
    cwd: dir,
    // No Hugo modules and no theme: nothing to fetch from the internet.
    env: { ...process.env, HUGO_ENVIRONMENT: 'production' },
  });
}
