import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const PREFIX = '.tablica-run-';

/**
 * A working directory of the build's own inside the site (`.tablica-run-<pid>-…`), removed by the
 * build when it ends. Those of builds whose process is gone (killed by the publisher's timeout)
 * are removed here, never those of a build still running beside this one.
 */
export function buildRunDirectory(siteDir: string): string {
  for (const name of readdirSync(siteDir)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (!isRunning(pid)) rmSync(path.join(siteDir, name), { recursive: true, force: true });
  }
  return mkdtempSync(path.join(siteDir, `${PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
