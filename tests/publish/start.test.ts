import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { looserThanProduction } from '../support/admin-policy.ts';
import { freePort } from '../support/free-port.ts';
import { linkIn, signUp } from './subscription-support.ts';
import { eventually } from './support.ts';

const START = path.resolve(import.meta.dirname, '../../scripts/start.mjs');

/**
 * `npm start` as a newcomer runs it (scripts/start.mjs, on a fresh database), then the CMS and
 * the publisher each die as a process can: the site must keep answering while the CMS is down,
 * and each comes back on its own, saying so in the terminal.
 */
describe('npm start survives its parts dying', () => {
  let child: ChildProcess;
  let output = '';
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-start-'));
  const ports = { cms: 0, site: 0, publisher: 0, mail: 0, inbox: 0 };
  const site = () => `http://127.0.0.1:${ports.site}`;
  const pids = (name: string) =>
    [...output.matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));

  beforeAll(async () => {
    ports.cms = await freePort();
    ports.site = await freePort();
    ports.publisher = await freePort();
    ports.mail = await freePort();
    ports.inbox = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(ports.cms),
      SITE_PORT: String(ports.site),
      PUBLISHER_PORT: String(ports.publisher),
      MAIL_SMTP_PORT: String(ports.mail),
      MAIL_WEB_PORT: String(ports.inbox),
      SMTP_URL: '',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_URL: '',
      DATABASE_FILENAME: path.join(scratch, 'data.db'),
      TABLICA_DEPLOY_DIR: path.join(scratch, 'deploys'),
      STRAPI_LOG_LEVEL: 'error',
      NO_COLOR: '1',
    };
    // A newcomer's shell sets no NODE_ENV; the test runner's (test) would change what Strapi sends.
    delete env.NODE_ENV;
    child = spawn(process.execPath, [START], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await eventually(async () => expect(output).toContain('is running:'), { timeoutMs: 240_000, everyMs: 500 });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the terminal stays quiet: no line per request, the summary of addresses readable at the end', async () => {
    // Residents' and the publisher's requests reach the CMS; none of them is a line in the terminal.
    for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${ports.cms}/api/notices?locale=pl`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(output).not.toMatch(/\bhttp: (GET|POST) /);
    const after = output.slice(output.indexOf('is running:'));
    expect(after.split('\n').length, after).toBeLessThan(40);
    expect(after).toContain('Press Enter to see this again');
  });

  test('the admin panel is sent as in production: no inline script, no connection to another host', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.cms}/admin`);
    expect(response.status).toBe(200);
    expect(looserThanProduction(response.headers.get('content-security-policy'))).toEqual([]);
  });

  test('a newcomer signs up on the site and reads the confirmation in the local inbox it printed (MailDev)', async () => {
    const inbox = `http://127.0.0.1:${ports.inbox}`;
    expect(output).toContain(`mails sent: ${inbox}/`);
    expect((await signUp(site(), { email: 'nowa.osoba@example.org' })).status).toBe(202);
    const mails = await eventually(async () => {
      const list = (await (await fetch(`${inbox}/api/email`)).json()) as { subject: string; text: string }[];
      if (list.length === 0) throw new Error('the inbox is empty');
      return list;
    });
    expect(mails[0]?.subject).toBe('Potwierdź zapis na powiadomienia — Tablica — komunikaty dla mieszkańców');
    // The link in it leads to this machine's site (the public address npm start serves).
    const link = linkIn(mails[0]?.text ?? '', subscriptionPaths.confirm, site());
    expect((await fetch(`${site()}${link}`)).status).toBe(200);
  });

  test('the site keeps answering while the CMS is dead, and the CMS is restarted', async () => {
    expect((await fetch(`${site()}/`)).status).toBe(200);
    const [cmsPid] = pids('CMS');
    process.kill(cmsPid ?? 0, 'SIGKILL');
    await eventually(async () => expect(output).toMatch(/CMS stopped \(killed by SIGKILL\); restarting in 1 s/));
    // For the next 25 s (longer than the start script used to survive a dead CMS), every look works.
    for (let i = 0; i < 25; i++) {
      expect((await fetch(`${site()}/`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await eventually(async () => expect(pids('CMS')).toHaveLength(2), { timeoutMs: 60_000 });
    await eventually(
      async () => expect((await fetch(`http://127.0.0.1:${ports.cms}/_health`)).status).toBeLessThan(300),
      { timeoutMs: 120_000 },
    );
  });

  test('a dead publisher is restarted and serves the last good build again', async () => {
    const [publisherPid] = pids('publisher');
    process.kill(publisherPid ?? 0, 'SIGKILL');
    await eventually(async () => expect(output).toMatch(/publisher stopped \(killed by SIGKILL\); restarting in/));
    await eventually(async () => expect((await fetch(`${site()}/`)).status).toBe(200), { timeoutMs: 60_000 });
    expect(pids('publisher')).toHaveLength(2);
  });

  test('Ctrl-C stops everything', async () => {
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    for (const pid of [...pids('CMS'), ...pids('publisher'), ...pids('mail catcher')]) {
      expect(() => process.kill(pid, 0)).toThrow();
    }
  });
});
