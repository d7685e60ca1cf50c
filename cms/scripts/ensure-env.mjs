// Creates cms/.env with fresh random secrets on first use, so a fresh clone runs without anyone
// inventing secrets, and none are ever committed (.env is git-ignored; .env.example has none).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const secret = () => randomBytes(24).toString('base64url');

export function ensureEnvFile(appDir) {
  const file = path.join(appDir, '.env');
  if (existsSync(file)) return { file, created: false };
  const example = readFileSync(path.join(appDir, '.env.example'), 'utf8');
  const filled = example
    .replace(/^APP_KEYS=.*$/m, `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`)
    .replace(new RegExp(`^(${SECRETS.join('|')})=.*$`, 'gm'), (_line, name) => `${name}=${secret()}`);
  writeFileSync(file, filled, { mode: 0o600 });
  return { file, created: true };
}
