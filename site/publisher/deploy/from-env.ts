import path from 'node:path';
import type { DeployTarget } from './deploy-target.ts';
import { DirectoryTarget } from './directory-target.ts';
import { S3Target } from './s3-target.ts';

/** Where builds go unless TABLICA_DEPLOY_DIR says otherwise. */
export const DEFAULT_DEPLOY_DIR = path.join(import.meta.dirname, '..', '..', '.deploys');

/**
 * The deploy target the environment names, for the publisher and `npm run rollback` alike:
 * TABLICA_DEPLOY_TARGET (`directory` or `s3`) and its settings (docs/operators.md). Call its
 * `open()` before anything else.
 */
export function deployTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DeployTarget {
  const kind = env.TABLICA_DEPLOY_TARGET || 'directory';
  const localDirectory = path.resolve(env.TABLICA_DEPLOY_DIR || DEFAULT_DEPLOY_DIR);
  switch (kind) {
    case 'directory':
      return new DirectoryTarget(localDirectory);
    case 's3':
      return s3TargetFromEnv(env, localDirectory);
    default:
      throw new Error(`Tablica: TABLICA_DEPLOY_TARGET=${kind} is not a deploy target (known: directory, s3).`);
  }
}

/**
 * TABLICA_S3_BUCKET (required), TABLICA_S3_PREFIX, TABLICA_S3_ENDPOINT (any S3-compatible store;
 * unset: AWS), TABLICA_S3_REGION, TABLICA_CDN_HOOK_URL and _AUTHORIZATION. Credentials come the
 * AWS SDK's usual way (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
function s3TargetFromEnv(env: NodeJS.ProcessEnv, localDirectory: string): S3Target {
  const bucket = env.TABLICA_S3_BUCKET;
  if (!bucket)
    throw new Error('Tablica: TABLICA_DEPLOY_TARGET=s3 needs TABLICA_S3_BUCKET (the bucket to upload builds to).');
  const prefix = (env.TABLICA_S3_PREFIX ?? '').replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) {
    throw new Error(
      `Tablica: TABLICA_S3_PREFIX=${prefix} must end with "/" (a folder of the bucket, such as "tablica/").`,
    );
  }
  return new S3Target({
    bucket,
    prefix,
    localDirectory,
    client: {
      region: env.TABLICA_S3_REGION || env.AWS_REGION || 'us-east-1',
      // S3-compatible stores (Ceph, MinIO, Garage) are addressed by path, AWS by virtual host.
      ...(env.TABLICA_S3_ENDPOINT ? { endpoint: env.TABLICA_S3_ENDPOINT, forcePathStyle: true } : {}),
    },
    ...(env.TABLICA_CDN_HOOK_URL
      ? {
          cdnHook: {
            url: env.TABLICA_CDN_HOOK_URL,
            ...(env.TABLICA_CDN_HOOK_AUTHORIZATION ? { authorization: env.TABLICA_CDN_HOOK_AUTHORIZATION } : {}),
          },
        }
      : {}),
  });
}
