import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveSite } from '../../site/publisher/static-server.ts';
import { routes } from '../../site/src/lib/routes.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { buildSite, type SiteBuild } from '../support/site-build.ts';
import {
  freePort,
  hasWordPress,
  type RunningWordPress,
  startWordPress,
  type WordPressRole,
} from '../support/wordpress.ts';

/**
 * Embeds as newsrooms make them: a real WordPress (Debian's 6.1, Twenty Twenty-Three) fetching
 * from the demo site built for, and served at, its own address on 127.0.0.1 — through WordPress's
 * oEmbed proxy (what the block editor asks when a URL is pasted), in posts saved by each role,
 * and rendered in Chromium on a desktop and on a 390 px phone.
 */
const SEED = 'mops-czestochowa-koronawirus-zmiany-2020';
const ACTIVE = 'awaria-wodociagu-ul-lipowa';

let build: SiteBuild;
let site: StaticServer;
let wp: RunningWordPress;

interface Post {
  id: number;
  link: string;
  content: { raw: string; rendered: string };
}

beforeAll(async () => {
  if (!hasWordPress) return;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  build = await buildSite({ env: { TABLICA_BASE_URL: base } });
  if (!build.ok) throw new Error(build.output);
  site = await serveSite(build.outDir, { port });
  wp = await startWordPress({ sitePort: port });
}, 240_000);

afterAll(async () => {
  await wp?.stop();
  await site?.close();
  if (build) rmSync(build.outDir, { recursive: true, force: true });
});

/** A post saved through the REST API (what the block editor does) by a user of that role. */
async function savePost(as: WordPressRole, title: string, content: string): Promise<Post> {
  const saved = await wp.rest<Post>('/wp/v2/posts?context=edit', {
    as,
    method: 'POST',
    body: {
      title,
      content,
      status: as === 'author' || as === 'editor' || as === 'administrator' ? 'publish' : 'draft',
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  return saved.body;
}

describe.skipIf(!hasWordPress)('WordPress: pasted addresses embed in every language, ended notices too', () => {
  const addresses = () => [
    ['a current notice', `${site.url}${routes.notice(ACTIVE, 'pl')}`],
    ['its Ukrainian page', `${site.url}${routes.notice(ACTIVE, 'uk')}`],
    ['the seed notice, ended in 2020', `${site.url}${routes.notice(SEED, 'pl')}`],
    ['its English page', `${site.url}${routes.notice(SEED, 'en')}`],
    ['an institution, in Ukrainian', `${site.url}${routes.institution('mops-czestochowa', 'uk')}`],
    ['the English home page', `${site.url}${routes.home('en')}`],
  ];

  test("the block editor's oEmbed proxy answers each, for an Author", async () => {
    for (const [name, url] of addresses()) {
      const answer = await wp.rest<{ html?: string; provider_name?: string; code?: string }>(
        `/oembed/1.0/proxy?url=${encodeURIComponent(url ?? '')}`,
        { as: 'author' },
      );
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect(answer.body.html, name).toMatch(new RegExp(`<iframe[^>]+src="${site.url}/`));
    }
  });
});
