/**
 * npm run rollback: the live site goes back to the build before it, at once (the running
 * publisher's server reads the live build per request). The next publish moves forward again.
 */
import path from 'node:path';
import { Deploys } from './deploys.ts';

const deploys = new Deploys(
  path.resolve(process.env.TABLICA_DEPLOY_DIR ?? path.join(import.meta.dirname, '..', '.deploys')),
);
const from = deploys.live();
const to = deploys.rollback();
if (!to) {
  console.error(
    `Tablica: nothing to roll back to (live: ${from ?? 'none'}; builds: ${deploys.list().join(', ') || 'none'}).`,
  );
  process.exit(1);
}
console.log(`Tablica: live site rolled back from ${from} to ${to}.`);
