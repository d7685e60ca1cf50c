import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInlineHashes } from '../../site/publisher/http/security-headers.ts';
import { nginxSiteConfig } from '../../site/publisher/nginx/nginx-config.ts';
import { freePort } from './free-port.ts';

const NGINX = '/usr/sbin/nginx';

/** Whether Debian's nginx is here (CI installs it; elsewhere its tests say loudly that they skip). */
export function nginxAvailable(): boolean {
  try {
    execFileSync(NGINX, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function accepting(port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - started > timeoutMs) throw new Error(`nginx did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface NginxServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Runs Debian's nginx in the foreground on 127.0.0.1, serving `root` with the configuration the
 * operators' page tells them to generate (npm run nginx-config), in a scratch prefix of its own.
 * One process, as this user, by default; `workers` runs a master and that many workers, which
 * (started as root) run as `nobody`, as an operator's nginx does: the directory served must then
 * be readable by others, as a deploy directory is.
 */
export async function serveWithNginx(
  root: string,
  { upstream, workers }: { upstream?: string; workers?: number | 'auto' } = {},
): Promise<NginxServer> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'tablica-nginx-'));
  for (const scratch of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, scratch));
  const port = await freePort();
  const site = nginxSiteConfig({ root, listen: `127.0.0.1:${port}`, hashes: readInlineHashes(root), upstream });
  writeFileSync(path.join(prefix, 'tablica.conf'), site);
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      ...(workers ? [`worker_processes ${workers};`] : ['master_process off;']),
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '    access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (scratch) => `    ${scratch === 'body' ? 'client_body' : scratch}_temp_path ${prefix}/${scratch};`,
      ),
      `    include ${prefix}/tablica.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await Promise.race([
      accepting(port, 10_000),
      exited.then(() => {
        throw new Error(`nginx stopped: ${errors}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
