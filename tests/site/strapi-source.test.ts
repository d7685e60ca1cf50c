import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { bootStrapi, createApiToken, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { allPagePaths, readPage, text } from '../support/html.ts';
import { buildSite, type SiteBuild } from '../support/site-build.ts';

const demoSite = inject('demoSite');
const demoNow = inject('demoNow');
const DRAFT_SLUG = 'szkic-ktory-nie-moze-wyciec';
const DRAFT_TITLE = 'Szkic: zamknięcie urzędu, jeszcze nieopublikowany';
const UNPUBLISHED_TRANSLATION = 'Branch library 3 closed (unpublished translation)';

async function institutionId(strapi: Core.Strapi, slug: string): Promise<string> {
  const institution = await strapi.documents('api::institution.institution').findFirst({ filters: { slug } } as never);
  if (!institution) throw new Error(`the demo seed lost the institution ${slug}`);
  return institution.documentId;
}

/** Everything a page shows a reader, for comparing two builds of the same content. */
const mainText = (site: string, page: string) => text(readPage(site, page).querySelector('main'));

describe('the site built from a real Strapi', () => {
  let cms: RunningStrapi;
  let build: SiteBuild;
  let token: string;

  beforeAll(async () => {
    // The day the shared demo site was built for: seeded and built for that day too, the two
    // sites agree on every date however long the run takes (a CI run crossed midnight here).
    cms = await bootStrapi({ seedDemo: true, env: { TABLICA_NOW: demoNow } });
    const notices = cms.strapi.documents('api::notice.notice');
    const institution = await institutionId(cms.strapi, 'mops-czestochowa');
    // A draft that was never published …
    await notices.create({
      locale: 'pl',
      data: {
        slug: DRAFT_SLUG,
        title: DRAFT_TITLE,
        summary: 'Ten tekst jest szkicem i nie może pojawić się na stronie.',
        institution,
        category: 'closure',
        severity: 'urgent',
        effectiveFrom: '2026-01-01T00:00:00+01:00',
      } as never,
    });
    // … and an unpublished edit of a published notice.
    const published = await notices.findFirst({
      filters: { slug: 'filia-biblioteki-nr-3-zamknieta' },
      locale: 'pl',
    } as never);
    if (!published) throw new Error('the demo seed lost the library notice');
    await notices.update({
      documentId: published.documentId,
      locale: 'pl',
      data: { title: `${DRAFT_TITLE} (edycja)` } as never,
    });
    // … and a translation saved but never published.
    await notices.update({
      documentId: published.documentId,
      locale: 'en',
      data: {
        slug: 'filia-biblioteki-nr-3-zamknieta',
        title: UNPUBLISHED_TRANSLATION,
        summary: 'This English version is a draft and must not appear on the site.',
      } as never,
    });
    token = await createApiToken(cms.strapi, 'read-only');
    build = await buildSite({ env: { STRAPI_URL: cms.url, STRAPI_TOKEN: token, TABLICA_NOW: demoNow } });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  test('builds, reading every page of the API', () => {
    expect(build.output).toContain(`institutions and the settings from Strapi at ${cms.url}`);
    expect(build.ok).toBe(true);
  });

  // The report the publisher reads (what was published, what failed the rules) is written while
  // Astro renders, after the content was handed over: a report that cannot be written must still
  // fail the build, or the publisher would go live without knowing what it published.
  test('a build whose report cannot be written fails, saying why', async () => {
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-report-')), 'missing-directory', 'report.json');
    const failed = await buildSite({
      env: { STRAPI_URL: cms.url, STRAPI_TOKEN: token, TABLICA_NOW: demoNow, TABLICA_BUILD_REPORT: report },
    });
    expect(failed.ok).toBe(false);
    expect(failed.output).toMatch(/the build's records were not written: .*ENOENT/);
  });

  test('shows the same pages, with the same words, as the build from the snapshot Strapi was seeded with', () => {
    const pages = allPagePaths(build.outDir);
    expect(pages).toEqual(allPagePaths(demoSite));
    for (const page of pages.filter((candidate) => /\/(komunikaty|notices)\//.test(candidate))) {
      expect(mainText(build.outDir, page), page).toBe(mainText(demoSite, page));
    }
  });

  test('drafts, unpublished edits and unpublished translations appear nowhere', () => {
    for (const path of allPagePaths(build.outDir)) {
      const html = readPage(build.outDir, path).documentElement.outerHTML;
      expect(html, path).not.toContain(DRAFT_SLUG);
      expect(html, path).not.toContain(DRAFT_TITLE);
      expect(html, path).not.toContain(UNPUBLISHED_TRANSLATION);
    }
    // Its English address leads to the published Polish original; the English draft is nowhere.
    const english = readPage(build.outDir, '/en/notices/filia-biblioteki-nr-3-zamknieta/');
    expect(english.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(english.querySelector('h1')?.getAttribute('lang')).toBe('pl');
  });

  test('(the unpublished translation really is in the CMS, as a draft)', async () => {
    const draft = await cms.strapi.documents('api::notice.notice').findFirst({
      filters: { slug: 'filia-biblioteki-nr-3-zamknieta' },
      locale: 'en',
      status: 'draft',
    } as never);
    expect(draft?.title).toBe(UNPUBLISHED_TRANSLATION);
  });
});
