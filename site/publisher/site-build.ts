import { spawn } from 'node:child_process';
import path from 'node:path';

const BUILD_SCRIPT = path.resolve(import.meta.dirname, '../scripts/build.ts');
const SEARCH_INDEX_SCRIPT = path.resolve(import.meta.dirname, '../scripts/search-index-later.ts');

export interface BuildRun {
  ok: boolean;
  /** The end of the build's output, for the log and the status page. */
  tail: string;
  killed: boolean;
}

/**
 * Runs the site build (scripts/build.ts) into `outDir` as a child process, with the environment
 * that says where content comes from (STRAPI_URL, STRAPI_TOKEN, TABLICA_BASE_URL…). A build that
 * outlives `timeoutMs` is killed and counts as failed.
 */
export function runSiteBuild(
  outDir: string,
  {
    env,
    timeoutMs,
    onSpawn,
    incrementalFrom,
    recycle,
    searchIndexLater = false,
  }: RunOptions & {
    /** A previous build whose unchanged notices' files this one links instead of rendering. */
    incrementalFrom?: string | undefined;
    /** With incrementalFrom: an old build the target no longer keeps, taken over (`--recycle`). */
    recycle?: string | undefined;
    /** Keep the previous build's search index; it is built afterwards (runSearchIndexBuild). */
    searchIndexLater?: boolean;
  },
): Promise<BuildRun> {
  const incremental = incrementalFrom
    ? [
        '--incrementalFrom',
        incrementalFrom,
        ...(recycle ? ['--recycle', recycle] : []),
        ...(searchIndexLater ? ['--searchIndex', 'later'] : []),
      ]
    : [];
  return runScript([BUILD_SCRIPT, '--outDir', outDir, ...incremental], {
    env,
    timeoutMs,
    ...(onSpawn ? { onSpawn } : {}),
  });
}

/** A copy of `from` (hard links) with its search index built again, into `outDir`, taking over `recycle` if given. */
export function runSearchIndexBuild(
  from: string,
  outDir: string,
  { recycle, ...options }: RunOptions & { recycle?: string | undefined },
): Promise<BuildRun> {
  return runScript(
    [SEARCH_INDEX_SCRIPT, '--from', from, '--outDir', outDir, ...(recycle ? ['--recycle', recycle] : [])],
    options,
  );
}

interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  onSpawn?: (kill: () => void) => void;
}

function runScript(args: string[], { env, timeoutMs, onSpawn }: RunOptions): Promise<BuildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: path.dirname(path.dirname(BUILD_SCRIPT)),
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own, so that stopping a build stops its children too (Astro, Pagefind):
      // killed alone, the script left Astro rendering for a build nobody would take.
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let killed = false;
    const kill = () => {
      killed = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    onSpawn?.(kill);
    const timer = setTimeout(kill, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !killed, tail: output.trim().split('\n').slice(-15).join('\n'), killed });
    });
  });
}
