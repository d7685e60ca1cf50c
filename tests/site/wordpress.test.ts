import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type StaticServer, serveSite } from '../../site/publisher/static-server.ts';
import { iframeSnippet, widgetSnippet } from '../../site/src/lib/embed/snippets.ts';
import { outputPaths } from '../../site/src/lib/outputs/manifest.ts';
import { routes } from '../../site/src/lib/routes.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { freePort } from '../support/free-port.ts';
import { buildSite, type SiteBuild } from '../support/site-build.ts';
import { hasWordPress, type RunningWordPress, startWordPress, type WordPressRole } from '../support/wordpress.ts';

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
      // Authors, Editors and Administrators may publish their own posts.
      status: 'publish',
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

describe.skipIf(!hasWordPress || !hasChromium)('WordPress posts in Chromium, on a desktop and on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  interface Frame {
    width: number;
    height: number;
    shown: boolean;
    title: string;
    ended: string;
    /** Space below the frame's last line (its link), inside the frame WordPress sized. */
    blankBelow: number;
  }

  /** The post as a reader sees it once WordPress has sized the embeds: each frame, and the column. */
  async function readPost(page: Page, link: string, frames: number) {
    await page.goto(link);
    const iframes = page.locator('iframe');
    await expect.poll(() => iframes.count()).toBe(frames);
    // WordPress shows a frame (drops its clipping style) once the frame reports its height.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('iframe')].map((f) => f.getAttribute('style') ?? '').join(' | '),
        ),
      )
      .not.toContain('clip');
    const found: Frame[] = [];
    for (let index = 0; index < frames; index += 1) {
      const frame = page.frameLocator('iframe').nth(index);
      const box = await iframes.nth(index).boundingBox();
      const inside = await frame.locator('body').evaluate((body) => ({
        title: body.querySelector('h1')?.textContent?.trim() ?? '',
        ended: body.querySelector('.ended')?.textContent?.trim() ?? '',
        lastBottom: Math.max(
          ...[...body.querySelectorAll('h1, p, li, a')].map((element) => element.getBoundingClientRect().bottom),
        ),
      }));
      found.push({
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        shown:
          (await iframes.nth(index).isVisible()) &&
          !(await page.locator('blockquote.wp-embedded-content').nth(index).isVisible()),
        title: inside.title,
        ended: inside.ended,
        blankBelow: (box?.height ?? 0) - inside.lastBottom,
      });
    }
    const layout = await page.evaluate(() => ({
      column: document.querySelector('.wp-block-post-content > p')?.getBoundingClientRect().width ?? 0,
      pageWidth: document.documentElement.scrollWidth,
    }));
    return { frames: found, ...layout };
  }

  const VIEWPORTS = [
    ['a desktop', { width: 1280, height: 900 }],
    ['a 390 px phone', { width: 390, height: 844 }],
  ] as const;

  test.each(VIEWPORTS)(
    "an Author's post with pasted addresses, on %s: each notice shown in the theme's column, sized to its content",
    async (_name, viewport) => {
      const current = `${site.url}${routes.notice(ACTIVE, 'pl')}`;
      const seed = `${site.url}${routes.notice(SEED, 'en')}`;
      // An institution with nothing in force: a short frame, below WordPress's 200 px minimum.
      const quiet = `${site.url}${routes.institution('mops-czestochowa', 'pl')}`;
      // As the block editor saves them: a paragraph, addresses alone on a line, an embed block.
      const post = await savePost(
        'author',
        'Brak wody na Lipowej',
        `<!-- wp:paragraph --><p>Wodociągi informują:</p><!-- /wp:paragraph -->\n\n${current}\n\n${quiet}\n\n` +
          `<!-- wp:embed {"url":"${seed}","type":"rich","providerNameSlug":"tablica"} -->\n` +
          `<figure class="wp-block-embed is-type-rich is-provider-tablica wp-block-embed-tablica"><div class="wp-block-embed__wrapper">\n${seed}\n</div></figure>\n<!-- /wp:embed -->`,
      );
      const page = await browser.newPage({ viewport });
      const { frames, column, pageWidth } = await readPost(page, post.link, 3);
      expect(pageWidth, 'nothing wider than the screen').toBeLessThanOrEqual(viewport.width);
      for (const frame of frames) {
        expect(frame.shown).toBe(true);
        expect(frame.width).toBeLessThanOrEqual(column + 1);
        expect(frame.width).toBeGreaterThan(column * 0.9);
        expect(frame.height).toBeLessThanOrEqual(1000);
        expect(frame.blankBelow, 'no empty band below the frame’s content').toBeLessThanOrEqual(24);
      }
      expect(frames[0]?.title).toBe('Awaria sieci wodociągowej — brak wody na ulicach Lipowej, Klonowej i Jesionowej');
      expect(frames[1]?.title).toBe('Miejski Ośrodek Pomocy Społecznej w Częstochowie');
      // The 2020 notice, embedded from its English page: still there, in English, marked as ended.
      expect(frames[2]?.title).toMatch(/^MOPS introduces/);
      expect(frames[2]?.ended).toMatch(/^Ended: from 16 March/);
      await page.close();
    },
  );

  test('the embed code WordPress keeps depends on the role: the pasted address works for an Author, the frame for an Editor', async () => {
    // Exactly what the embed builder gives.
    const frame = iframeSnippet({
      siteUrl: site.url,
      path: outputPaths.embed.institution('pwik-brzozow'),
      title: 'Komunikaty: PWiK',
    });
    const script = widgetSnippet({
      siteUrl: site.url,
      variant: 'list',
      institution: 'pwik-brzozow',
      limit: 3,
      lang: 'pl',
      theme: 'auto',
      fallbackUrl: `${site.url}/`,
      fallbackText: 'Komunikaty',
    });
    const block = (html: string) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;
    // An Author has no unfiltered_html: WordPress removes frames and scripts on save.
    const byAuthor = await savePost('author', 'Ramka od autora', block(frame) + block(script));
    expect(byAuthor.content.raw).not.toContain('<iframe');
    expect(byAuthor.content.raw).not.toContain('<script');
    // An Editor keeps both; the frame sits in the theme's column and sizes itself.
    const byEditor = await savePost(
      'editor',
      'Ramka od redaktora',
      `<!-- wp:paragraph --><p>Komunikaty wodociągów:</p><!-- /wp:paragraph -->\n${block(frame)}`,
    );
    expect(byEditor.content.raw).toContain(`<iframe src="${site.url}/embed/pwik-brzozow/"`);
    for (const [, viewport] of VIEWPORTS) {
      const page = await browser.newPage({ viewport });
      await page.goto(byEditor.link);
      const iframe = page.locator('iframe');
      await expect.poll(async () => (await iframe.boundingBox())?.height).not.toBe(320);
      const box = await iframe.boundingBox();
      const column = await page.evaluate(
        () => document.querySelector('.wp-block-post-content > p')?.getBoundingClientRect().width ?? 0,
      );
      expect(box?.width).toBeLessThanOrEqual(column + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    }
  });
});
