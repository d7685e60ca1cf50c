import { realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';

export interface ResolvedFile {
  file: string;
  stats: Stats;
}

const realRoots = new Map<string, string>();
function realRoot(root: string): string | undefined {
  let real = realRoots.get(root);
  if (real) return real;
  try {
    real = realpathSync(root);
  } catch {
    return undefined;
  }
  if (realRoots.size > 8) realRoots.clear();
  realRoots.set(root, real);
  return real;
}

/** A regular file that really lies inside `realRootDir` (after every symlink is followed). */
function inside(candidate: string, realRootDir: string): ResolvedFile | undefined {
  try {
    const real = realpathSync(candidate);
    if (real !== realRootDir && !real.startsWith(realRootDir + path.sep)) return undefined;
    const stats = statSync(real);
    return stats.isFile() ? { file: real, stats } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file a URL path names in a built site, as static hosts resolve it: the file itself, then
 * `<path>.html`, then `<path>/index.html`. Refused (undefined): undecodable or NUL-bearing paths,
 * dot-segments, dot-files (the build's own records, such as its incremental keys; `.well-known`
 * excepted), and anything whose real path — symlinks followed — is outside the build.
 */
export function resolveFile(root: string, pathname: string): ResolvedFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment.startsWith('.') && segment !== '.well-known')) return undefined;
  const realRootDir = realRoot(root);
  if (!realRootDir) return undefined;
  const base = path.join(realRootDir, ...segments);
  const candidates = decoded.endsWith('/')
    ? [path.join(base, 'index.html')]
    : [base, `${base}.html`, path.join(base, 'index.html')];
  for (const candidate of candidates) {
    const found = inside(candidate, realRootDir);
    if (found) return found;
  }
  return undefined;
}
