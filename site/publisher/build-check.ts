import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
 */
export function checkBuild(directory: string): CheckResult {
  const problems = REQUIRED_FILES.filter((file) => !existsSync(path.join(directory, file))).map(
    (file) => `missing ${file}`,
  );
  if (problems.length > 0) return { ok: false, problems };
  for (const file of jsonFiles(directory)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      problems.push(`${path.relative(directory, file)} is not valid JSON`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const manifest = JSON.parse(readFileSync(path.join(directory, outputPaths.buildManifest), 'utf8')) as BuildManifest;
  if (!Number.isInteger(manifest.notices)) return { ok: false, problems: ['the manifest has no notice count'] };
  return { ok: true, manifest };
}

/** Every file of the build that the outputs manifest says is JSON. */
function jsonFiles(directory: string): string[] {
  return (readdirSync(directory, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.json') && servingRule(`/${file.split(path.sep).join('/')}`).json === true)
    .map((file) => path.join(directory, file));
}

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
