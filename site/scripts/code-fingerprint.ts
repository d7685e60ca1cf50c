import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
/** What the pages are made from besides content: a change here renders every page again. */
const CODE = ['site/src', 'site/scripts', 'site/public', 'site/astro.config.ts', 'shared/src', 'package-lock.json'];

function filesUnder(full: string): string[] {
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A digest of the site's code, so that an incremental build never reuses a page older code rendered. */
export function codeFingerprint(): string {
  const hash = createHash('sha256');
  const files = CODE.flatMap((relative) => filesUnder(path.join(REPO, relative))).sort();
  for (const file of files) hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file));
  return hash.digest('base64url').slice(0, 22);
}
