import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { startPublisher } from '../../site/publisher/main.ts';
import { startHoldingProxy } from '../support/holding-proxy.ts';
import { eventually } from './support.ts';

/** Processes whose command line names `text` (the deploy directory: a build's Astro, Pagefind). */
function processesNaming(text: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

/** HTML files written so far under `directory`. */
function renderedPages(directory: string): number {
  if (!existsSync(directory)) return 0;
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

/**
 * A build is stopped when the publisher stops (shutdown, a new deploy) or outlives its timeout.
 * The build script is not alone: Astro renders in a child of it, and Pagefind in a grandchild.
 * The publisher stops the build's whole process group (site-build.ts). Killed alone, the script
 * took Astro with it only at Astro's next line of output (its pipe was closed), which in a
 * silent phase at 10,000 notices (bundling, reading content) is seconds on a core the next
 * build needs.
 */
describe('a stopped build', () => {
  let cms: RunningStrapi;
  const deployDir = mkdtempSync(path.join(tmpdir(), 'tablica-stopped-'));

  beforeAll(async () => {
    cms = await bootStrapi({ seedDemo: true });
  });

  afterAll(async () => {
    await cms?.stop();
    rmSync(deployDir, { recursive: true, force: true });
  });

  /** A publisher on the CMS and the deploy directory, started by the test (autoStart off). */
  const publisherOnDeployDir = (log: (line: string) => void, env: NodeJS.ProcessEnv = {}) =>
    startPublisher(
      {
        ...process.env,
        STRAPI_URL: cms.url,
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        TABLICA_DEPLOY_DIR: deployDir,
        TABLICA_POLL_SECONDS: '3600',
        SITE_REBUILD_SECRET: 'test-webhook-secret-0123456789',
        ...env,
      },
      { autoStart: false, log },
    );

  test('stops all of its processes: nothing keeps rendering for a build nobody will take', async () => {
    const running = await publisherOnDeployDir(() => {});
    running.begin();
    // Astro is rendering the first build: its first pages are written…
    await eventually(async () => expect(renderedPages(path.join(deployDir, 'builds'))).toBeGreaterThan(0), {
      everyMs: 20,
    });
    expect(processesNaming(deployDir).some((line) => /astro/.test(line))).toBe(true);
    // …when the publisher stops.
    await running.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(processesNaming(deployDir)).toEqual([]);
    expect(running.publisher.status().live).toBeNull();
  });

  test('a build that outlives TABLICA_BUILD_TIMEOUT_MINUTES is stopped, all of it, and fails saying why', async () => {
    // The CMS never answers the build's list of notices, so the build cannot finish in time on
    // any machine: with the timeout alone (three seconds), a fast one built the demo within it.
    const cmsNotAnswering = await startHoldingProxy(cms.url, '/api/notice-versions');
    const running = await publisherOnDeployDir(() => {}, {
      STRAPI_URL: cmsNotAnswering.url,
      TABLICA_BUILD_TIMEOUT_MINUTES: '0.05',
      TABLICA_RETRY_SECONDS: '3600',
    });
    try {
      running.begin();
      // Astro has started and waits for the content the build is reading…
      await eventually(async () => {
        expect(cmsNotAnswering.held()).toBeGreaterThan(0);
        expect(processesNaming(deployDir).some((line) => /astro/.test(line))).toBe(true);
      });
      // …when the timeout stops it.
      await eventually(async () => expect(running.publisher.lastBuild?.result).toBe('failed'), { timeoutMs: 60_000 });
      expect(running.publisher.lastBuild?.message).toMatch(/stopped \(timeout/);
      expect(running.publisher.lastBuild?.durationMs).toBeLessThan(20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(processesNaming(deployDir)).toEqual([]);
      expect(running.publisher.status().live).toBeNull();
    } finally {
      await running.stop();
      await cmsNotAnswering.close();
    }
  });

  test.each([
    ['TABLICA_BUILD_TIMEOUT_MINUTES', ['0', '-5', 'half an hour'], 'a number of minutes above 0 (such as 30)'],
    // Unchecked, "2m" was NaN: the publisher polled the CMS without a pause.
    ['TABLICA_POLL_SECONDS', ['2m', '0'], 'a number of seconds above 0 (such as 120)'],
    ['TABLICA_RETRY_SECONDS', ['soon'], 'a number of seconds above 0 (such as 5)'],
    ['SITE_PORT', ['80a', '70000'], 'a port number from 0 to 65535 (such as 4321)'],
  ])('%s that is not what it takes stops the publisher at start, naming the setting', async (name, values, takes) => {
    for (const wrong of values)
      await expect(publisherOnDeployDir(() => {}, { [name]: wrong })).rejects.toThrow(
        `${name} must be ${takes}, not "${wrong}"`,
      );
  });

  test('what a stopped build wrote about itself is removed at the next start; the last good notices stay', async () => {
    // A publisher killed while a build wrote its report (or the file aside before renaming it).
    const leftovers = ['.tablica-report-7.json', '.tablica-report-7.json.published', '.tablica-report-7.json.4242.tmp'];
    for (const name of [...leftovers, 'last-good-notices.json']) writeFileSync(path.join(deployDir, name), '{');
    const lines: string[] = [];
    const running = await publisherOnDeployDir((line) => lines.push(line));
    running.begin();
    await running.stop();
    const left = readdirSync(deployDir);
    for (const name of leftovers) expect(left).not.toContain(name);
    expect(left).toContain('last-good-notices.json');
    expect(lines.find((line) => line.includes('removed unfinished'))).toContain('.tablica-report-7.json.4242.tmp');
  });
});
