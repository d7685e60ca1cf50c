// How long a built CMS takes from process start to a healthy /_health, on a fresh SQLite
// database, next to a baseline measured in the same run: a bare Node HTTP server doing the same.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { APP_DIR, ensureAdminBuild, STRAPI_CLI } from '../scripts/admin-build.mjs';
import { ensureEnvFile } from '../scripts/ensure-env.mjs';

const RUNS = Number(process.env.TABLICA_BENCH_RUNS ?? 3);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function timeToHealthy(command, args, env, cwd) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/_health`);
        if (response.status < 300) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

ensureEnvFile(APP_DIR);
ensureAdminBuild({ stdio: 'inherit' });
const bare = "require('http').createServer((q,s)=>{s.statusCode=204;s.end()}).listen(process.env.PORT,'127.0.0.1')";
const rows = [];
for (let run = 0; run < RUNS; run++) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-boot-'));
  const baseline = await timeToHealthy(process.execPath, ['-e', bare], {}, APP_DIR);
  const cms = await timeToHealthy(
    process.execPath,
    [STRAPI_CLI, 'start'],
    {
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      STRAPI_LOG_LEVEL: 'error',
      TABLICA_SEED: 'true',
      DATABASE_FILENAME: path.join(scratch, 'data.db'),
    },
    APP_DIR,
  );
  rows.push({
    run: run + 1,
    'CMS to healthy': `${(cms / 1000).toFixed(2)} s`,
    'bare Node server': `${baseline.toFixed(0)} ms`,
    ratio: `${(cms / baseline).toFixed(0)}×`,
  });
  rmSync(scratch, { recursive: true, force: true });
}
console.table(rows);
console.log('Budget: a built CMS boots to healthy in ≤ 10 s (fresh database, demo seed included).');
process.exit(0);
