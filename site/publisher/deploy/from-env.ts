import path from 'node:path';
import type { DeployTarget } from './deploy-target.ts';
import { DirectoryTarget } from './directory-target.ts';

/** Where builds go unless TABLICA_DEPLOY_DIR says otherwise. */
export const DEFAULT_DEPLOY_DIR = path.join(import.meta.dirname, '..', '..', '.deploys');

/**
 * The deploy target the environment names, for the publisher and `npm run rollback` alike:
 * TABLICA_DEPLOY_TARGET (only `directory` so far) and its settings (TABLICA_DEPLOY_DIR).
 */
export function deployTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DeployTarget {
  const kind = env.TABLICA_DEPLOY_TARGET || 'directory';
  switch (kind) {
    case 'directory':
      return new DirectoryTarget(path.resolve(env.TABLICA_DEPLOY_DIR || DEFAULT_DEPLOY_DIR));
    default:
      throw new Error(`Tablica: TABLICA_DEPLOY_TARGET=${kind} is not a deploy target (known: directory).`);
  }
}
