import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileWhole } from '../../src/lib/write-file-whole.ts';
import { readInlineHashes } from '../http/security-headers.ts';
import { nginxSiteConfig } from './nginx-config.ts';

/**
 * Keeps nginx's configuration in step with the live build (docs/operators.md):
 *
 *   TABLICA_NGINX_CONFIG   the file nginx includes (e.g. /etc/nginx/sites-enabled/tablica)
 *   TABLICA_NGINX_ROOT     what nginx serves: the deploy directory's `current` symlink
 *   TABLICA_NGINX_LISTEN   default 80; TABLICA_NGINX_SERVER_NAME; TABLICA_NGINX_UPSTREAM (the
 *                          publisher's site server, for the subscriptions)
 *   TABLICA_NGINX_RELOAD   default `nginx -s reload` (graceful: requests under way finish)
 *
 * The switch itself needs nothing from nginx (it follows `current` per request). Only the
 * Content-Security-Policy lives in the configuration: after a switch to a build whose inline
 * code differs, the file is written again and nginx reloaded. Until the reload (well under a
 * second) the new pages are served with the old policy.
 */
export function nginxConfigKeeper(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): ((previous: string | undefined, directory: string) => Promise<void>) | undefined {
  const file = env.TABLICA_NGINX_CONFIG;
  if (!file) return undefined;
  const root = env.TABLICA_NGINX_ROOT;
  if (!root)
    throw new Error('Tablica: TABLICA_NGINX_CONFIG needs TABLICA_NGINX_ROOT (the deploy directory’s current).');
  const reload = env.TABLICA_NGINX_RELOAD || 'nginx -s reload';
  return async (_previous, directory) => {
    const config = nginxSiteConfig({
      root,
      listen: env.TABLICA_NGINX_LISTEN || '80',
      serverName: env.TABLICA_NGINX_SERVER_NAME || undefined,
      upstream: env.TABLICA_NGINX_UPSTREAM || undefined,
      hashes: readInlineHashes(directory),
    });
    if (existsSync(file) && readFileSync(file, 'utf8') === config) return;
    writeFileWhole(file, config);
    await new Promise<void>((resolve) =>
      execFile('/bin/sh', ['-c', reload], (error, _stdout, stderr) => {
        if (error)
          log(
            `WARNING: nginx's configuration was written to ${file} but "${reload}" failed: ${stderr || error.message}`,
          );
        else log(`nginx's configuration written to ${file} (the build's inline code changed) and reloaded`);
        resolve();
      }),
    );
  };
}
