/**
 * npm run rebuild [-- --force] [--full]: asks the running publisher for a rebuild with a signed
 * request, as the CMS does (SITE_REBUILD_SECRET; PUBLISHER_PORT, default 4322). --force accepts a
 * sharp drop in the number of notices that the publisher would otherwise refuse. --full renders
 * every page again instead of only what changed (say, after a hand edit on the server).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { portSetting } from '@tablica/shared/number-setting';
import { signRebuildRequest } from '@tablica/shared/signing';

const { values } = parseArgs({
  options: { force: { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
});
const secret = process.env.SITE_REBUILD_SECRET ?? '';
if (!secret) {
  console.error(
    "Tablica: set SITE_REBUILD_SECRET to the publisher's key (npm start prints none: give it one to use this).",
  );
  process.exit(1);
}
const body = JSON.stringify({ event: 'manual', model: '' });
const query = new URLSearchParams({ ...(values.force ? { force: '1' } : {}), ...(values.full ? { full: '1' } : {}) });
const url = `http://127.0.0.1:${portSetting(process.env, 'PUBLISHER_PORT', 4322)}/hooks/rebuild${query.size ? `?${query}` : ''}`;
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...signRebuildRequest(secret, randomUUID(), body) },
  body,
});
console.log(`Tablica: the publisher answered ${response.status}: ${await response.text()}`);
process.exit(response.ok ? 0 : 1);
