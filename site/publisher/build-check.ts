import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { filesOfBuild } from '../scripts/build-files.ts';
import { sameFile } from '../scripts/link-tree.ts';
import { readWrittenFiles } from '../scripts/written-files.ts';
import { outputPaths, REQUIRED_FILES, servingRule } from '../src/lib/outputs/manifest.ts';

export interface BuildManifest {
  builtFor: string;
  notices: number;
  versions: number;
  nextChangeAt: string | null;
}

export type CheckResult = { ok: true; manifest: BuildManifest } | { ok: false; problems: string[] };

/**
 * Is a freshly written build whole? Every kind of output is there, every JSON file parses, and
 * the manifest says what it publishes. A build that fails this never goes live.
 * `checkedBefore`: a build that passed this check, which an incremental build hard-linked its
 * unchanged files from; only the files it wrote itself are parsed (scripts/written-files.ts: a
 * publish at 10,000 notices parses a few dozen files, not 20,000, and walks none of 100,000), or,
 * in a build that does not list them, those that are not the same inode as there.
 */
export function checkBuild(directory: string, checkedBefore?: string): CheckResult {
  const problems = REQUIRED_FILES.filter((file) => !existsSync(path.join(directory, file))).map(
    (file) => `missing ${file}`,
  );
  if (problems.length > 0) return { ok: false, problems };
  const written = checkedBefore ? readWrittenFiles(directory, checkedBefore) : undefined;
  for (const file of written ? written.filter(isJson) : jsonFiles(directory)) {
    if (!written && checkedBefore && sameFile(path.join(directory, file), path.join(checkedBefore, file))) continue;
    try {
      JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
    } catch {
      problems.push(`${file} is not valid JSON`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const manifest = JSON.parse(readFileSync(path.join(directory, outputPaths.buildManifest), 'utf8')) as BuildManifest;
  if (!Number.isInteger(manifest.notices)) return { ok: false, problems: ['the manifest has no notice count'] };
  return { ok: true, manifest };
}

/** Every file of the build (relative) that the outputs manifest says is JSON. */
function jsonFiles(directory: string): string[] {
  return filesOfBuild(directory).filter(isJson);
}

const isJson = (file: string) => file.endsWith('.json') && servingRule(`/${file}`).json === true;

/**
 * Refuse to go live when the number of published notices drops sharply (by more than a fifth and
 * by at least 3) and the CMS did not report that many unpublished or deleted notices: an API
 * glitch or a wrong token must not empty the site.
 */
export function dropVerdict(live: number, next: number, removalsReported: number): string | undefined {
  const lost = live - next;
  if (lost < 3 || lost <= live / 5 || lost <= removalsReported) return undefined;
  return `the build publishes ${next} notices instead of ${live}, but only ${removalsReported} were unpublished or deleted; not going live (force a rebuild if this is intended)`;
}
