/**
 * npm run rollback: the live site goes back to the build before it, at once (the running
 * publisher's server reads the live build per request). The next publish moves forward again.
 */
import { deployTargetFromEnv } from './deploy/from-env.ts';

const target = deployTargetFromEnv();
await target.open?.();
const from = target.live();
const to = await target.rollback();
if (!to) {
  console.error(
    `Tablica: nothing to roll back to in ${target.description} (live: ${from ?? 'none'}; builds: ${target.list().join(', ') || 'none'}).`,
  );
  process.exit(1);
}
console.log(`Tablica: live site rolled back from ${from} to ${to}.`);
