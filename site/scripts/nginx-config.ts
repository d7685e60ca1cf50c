/**
 * Prints (or writes) the nginx server block that serves the live site (docs/operators.md):
 *
 *   npm run nginx-config -w site -- --root /srv/tablica/current --listen 80 \
 *     [--server-name tablica.example.org] [--upstream http://127.0.0.1:4321] [--out /etc/nginx/sites-enabled/tablica]
 *
 * The policy's inline-code hashes come from the live build's tablica-csp.json (--root).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readInlineHashes } from '../publisher/http/security-headers.ts';
import { nginxSiteConfig } from '../publisher/nginx/nginx-config.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    listen: { type: 'string', default: '80' },
    'server-name': { type: 'string' },
    upstream: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.root) {
  console.error('Tablica: --root <the deploy directory>/current is required (the live build nginx serves).');
  process.exit(1);
}
const config = nginxSiteConfig({
  root: values.root,
  listen: values.listen,
  serverName: values['server-name'],
  upstream: values.upstream,
  hashes: readInlineHashes(values.root),
});
if (values.out) writeFileSync(values.out, config);
else process.stdout.write(config);
