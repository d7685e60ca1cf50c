import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { strapiSecrets } from '../../cms/test/helpers/boot-strapi.mts';
import { looserThanProduction } from '../support/admin-policy.ts';
import { freePort } from '../support/free-port.ts';
import { eventually } from './support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** `npm <args>` as the operator's shell runs it: npm's own script when the tests run under npm. */
const npm = (args: string[]): [string, string[]] =>
  process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, ...args]] : ['npm', args];

const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };

/**
 * The CMS as the operators' page starts it on each machine of a region: `npm run build -w cms`,
 * then `npm run start -w cms`, from a shell that sets no NODE_ENV. Strapi runs in development
 * when NODE_ENV is unset, and there its admin panel is sent with a looser policy (see
 * looserThanProduction).
 */
describe('npm run start -w cms, from a shell without NODE_ENV', () => {
  let child: ChildProcess;
  let output = '';
  let url = '';
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-cms-start-'));

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...strapiSecrets(),
      // The scripts' `node` is this Node (24), as on a machine where it is the one installed.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_URL: '',
      DATABASE_FILENAME: path.join(scratch, 'data.db'),
      TABLICA_SEED: 'false',
      ADMIN_EMAIL: EDITOR.email,
      ADMIN_PASSWORD: EDITOR.password,
      // As behind the TLS proxy of the operators' page.
      IS_PROXIED: 'true',
      STRAPI_LOG_LEVEL: 'error',
      NO_COLOR: '1',
    };
    // The test runner's own (test) is not the operator's.
    delete env.NODE_ENV;
    child = spawn(...npm(['run', 'start', '-w', 'cms']), {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the CMS stopped:\n${output}`);
        expect((await fetch(`${url}/_health`)).status).toBeLessThan(300);
      },
      { timeoutMs: 120_000, everyMs: 500 },
    );
  });
  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the admin panel allows no inline script and no connection to another host', async () => {
    const response = await fetch(`${url}/admin`);
    expect(response.status, output).toBe(200);
    expect(await response.text()).toContain('<div id="strapi"');
    expect(looserThanProduction(response.headers.get('content-security-policy'))).toEqual([]);
  });

  /** The admin's session cookie (the refresh token) its login sets, as the browser receives it. */
  async function sessionCookie(headers: Record<string, string>) {
    const response = await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(EDITOR),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.headers.getSetCookie().find((cookie) => cookie.startsWith('strapi_admin_refresh=')) ?? '';
  }

  test('an editor signing in through the TLS proxy gets a session cookie that is never sent without TLS', async () => {
    expect(await sessionCookie({ 'x-forwarded-proto': 'https' })).toMatch(/;\s*secure(;|$)/i);
    // Straight to the machine over HTTP (the proxy's own health checks, a local test), it still works.
    const direct = await sessionCookie({});
    expect(direct).not.toBe('');
    expect(direct).not.toMatch(/;\s*secure(;|$)/i);
  });

  test('an attacker behind the proxy cannot pass the sign-in limit by writing another address each time', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const response = await fetch(`${url}/admin/login`, {
        method: 'POST',
        // What reaches the CMS: the address the attacker wrote, then the one the proxy saw.
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${attempt}, 203.0.113.7` },
        body: JSON.stringify({ email: 'sekretariat@example.org', password: `zgadywane-${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
