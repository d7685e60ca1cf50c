import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPublisher } from '../../site/publisher/main.ts';
import { tinyDeployDir } from '../support/tiny-build.ts';
import { eventually } from './support.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

describe("the publisher's /status", () => {
  const { deployDir } = tinyDeployDir();
  let running: Awaited<ReturnType<typeof startPublisher>>;
  const log: string[] = [];

  beforeAll(async () => {
    running = await startPublisher(
      {
        ...process.env,
        // The site for everyone; the control server must stay on loopback all the same.
        HOST: '0.0.0.0',
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        SITE_REBUILD_SECRET: 'status-test-secret-0123456789',
        TABLICA_DEPLOY_DIR: deployDir,
        // Nothing listens there: the build fails, and its output is full of this machine's paths.
        STRAPI_URL: 'http://127.0.0.1:9',
        TABLICA_STRAPI_RETRIES: '0',
        TABLICA_RETRY_SECONDS: '3600',
      },
      { log: (message) => log.push(message) },
    );
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(deployDir, { recursive: true, force: true });
  });

  test('listens on loopback only unless PUBLISHER_HOST says otherwise, whatever HOST is', () => {
    expect(new URL(running.control.url).hostname).toBe('127.0.0.1');
    expect(new URL(running.site.url).hostname).toBe('0.0.0.0');
  });

  test("shows why a build failed without naming this machine's directories", async () => {
    const status = await eventually(async () => {
      const body = (await (await fetch(`${running.control.url}/status`)).json()) as {
        lastBuild?: { result: string; message?: string };
      };
      expect(body.lastBuild?.result).toBe('failed');
      return body;
    });
    const text = JSON.stringify(status);
    expect(status.lastBuild?.message).toMatch(/Strapi/);
    for (const place of [deployDir, REPO, tmpdir(), '/work/', '/root/', '/home/']) expect(text).not.toContain(place);
    // The log keeps the whole story for the operator.
    expect(log.join('\n')).toContain('cannot reach Strapi');
  });
});
