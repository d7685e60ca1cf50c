/**
 * Static serving throughput: the publisher's Node server (what `npm start` serves) against Debian's
 * nginx with the generated configuration (what the operators' page tells a city to run), on the
 * same built demo site, measured with wrk in the same run.
 *
 *   npm run bench:serve            (also part of npm run bench)
 *   TABLICA_BENCH_SECONDS=10 TABLICA_BENCH_CONNECTIONS=50
 *
 * Three files a reader or a newsroom fetches most: a notice page, the widget's JSON and embed.js.
 * nginx is measured twice: one worker (the same one process as Node) and `worker_processes auto`
 * (as deployed). Every response must be 200: a server that answers fast with errors is not fast.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveSite } from '../site/publisher/static-server.ts';
import { nginxAvailable, serveWithNginx } from '../tests/support/nginx.ts';
import { buildSite } from '../tests/support/site-build.ts';

const SECONDS = Number(process.env.TABLICA_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.TABLICA_BENCH_CONNECTIONS ?? 50);

if (spawnSync('wrk', ['--version']).error) {
  console.log('SERVE BENCH NOT RUN: `wrk` is not installed (apt-get install wrk).');
  process.exit(0);
}
if (!nginxAvailable()) {
  console.log('SERVE BENCH NOT RUN: nginx is not installed (apt-get install nginx).');
  process.exit(0);
}

interface WrkResult {
  requestsPerSecond: number;
  p99: string;
}

/**
 * One wrk run; fails on any non-2xx answer or socket error, which would flatter the figure. Not
 * execFileSync: the Node server runs in this process, and a blocked event loop serves nothing.
 */
async function wrk(url: string): Promise<WrkResult> {
  const { stdout: output } = await promisify(execFile)(
    'wrk',
    ['--threads', '2', '--connections', String(CONNECTIONS), '--duration', `${SECONDS}s`, '--latency', url],
    { encoding: 'utf8' },
  );
  if (/Non-2xx or 3xx responses|Socket errors/.test(output)) throw new Error(`errors while serving ${url}:\n${output}`);
  const requestsPerSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)?.[1] ?? '?';
  return { requestsPerSecond, p99 };
}

console.log(`Tablica static serving benchmark: wrk, ${CONNECTIONS} connections, ${SECONDS} s per URL`);
const build = await buildSite();
if (!build.ok) throw new Error(`the demo site did not build:\n${build.output}`);
// A scratch directory is private; nginx's workers run as another user (as deployed).
chmodSync(build.outDir, 0o755);
const firstNotice = readdirSync(path.join(build.outDir, 'komunikaty'), { withFileTypes: true }).find((entry) =>
  entry.isDirectory(),
)?.name;
const paths = [`/komunikaty/${firstNotice}/`, '/widget/pl.json', '/embed.js'];

const nodeName = 'Node (npm start)';
const servers: { name: string; start: () => Promise<{ url: string; close: () => Promise<void> }> }[] = [
  { name: nodeName, start: () => serveSite(build.outDir) },
  { name: 'nginx, 1 worker', start: () => serveWithNginx(build.outDir) },
  { name: 'nginx, workers auto', start: () => serveWithNginx(build.outDir, { workers: 'auto' }) },
];
const results = new Map<string, Map<string, WrkResult>>();
for (const server of servers) {
  const running = await server.start();
  try {
    const byPath = new Map<string, WrkResult>();
    for (const pathname of paths) byPath.set(pathname, await wrk(`${running.url}${pathname}`));
    results.set(server.name, byPath);
  } finally {
    await running.close();
  }
}

const node = results.get(nodeName);
const rows = paths.map((pathname) => {
  const row: Record<string, string> = { path: pathname };
  for (const [name, byPath] of results) {
    const result = byPath.get(pathname);
    if (!result) continue;
    const ratio = result.requestsPerSecond / (node?.get(pathname)?.requestsPerSecond ?? Number.NaN);
    row[name] =
      `${Math.round(result.requestsPerSecond).toLocaleString('en')} req/s, p99 ${result.p99}` +
      (name === nodeName ? '' : ` (${ratio.toFixed(1)}× Node)`);
  }
  return row;
});
console.table(rows);
rmSync(build.outDir, { recursive: true, force: true });
process.exit(0);
