import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateInstitutions, generateNotices } from '@tablica/shared';
import { expect, test } from 'vitest';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { buildSiteFromSnapshot } from '../support/site-build.ts';

/**
 * The publisher builds the public site while the admin's draft previews build their own
 * (publisher/preview.ts), so two builds run at once. They shared Astro's working files: the one
 * that finished first deleted the prerender code the other was still running (the publish failed
 * with `Cannot find module …/.astro/.prerender/chunks/…`), and the content layer's data store,
 * which a build reads back after writing it, was one file for both (a preview's draft could have
 * been read into the public site). Here a small "preview" build and a larger "public" one start
 * together, and the preview ends while the public build is still rendering; each must succeed
 * with its own content only. (Before the fix this failed every time it was run: started together,
 * the two always meet; one started later sometimes slipped by.)
 */
const DRAFT_TITLE = 'Szkic podglądu: tego nie ma na stronie publicznej';

test('a preview build during a publish build: both succeed, and neither shows the other’s notices', async () => {
  const published = demoSnapshotRaw();
  published.institutions.push(...(generateInstitutions(3) as unknown as (typeof published.institutions)[number][]));
  published.notices.push(
    ...(generateNotices(1000, 11, { institutions: 3 }) as unknown as (typeof published.notices)[number][]),
  );
  const preview = demoSnapshotRaw();
  const draft = preview.notices.find((notice) => notice.locale === 'pl');
  if (!draft) throw new Error('the demo snapshot has no Polish notice');
  draft.title = DRAFT_TITLE;

  const publicBuild = buildSiteFromSnapshot(published);
  let publicEnded = false;
  void publicBuild.then(() => {
    publicEnded = true;
  });
  const previewBuild = await buildSiteFromSnapshot(preview);
  const publicEndedFirst = publicEnded;
  const publicSite = await publicBuild;

  expect(previewBuild.ok, previewBuild.output.slice(-3000)).toBe(true);
  expect(publicSite.ok, publicSite.output.slice(-3000)).toBe(true);
  // The overlap this test is about: the preview ended while the public build was still rendering.
  expect(publicEndedFirst, 'the public build ended before the preview did: the builds did not overlap').toBe(false);

  const noticePages = (outDir: string) => readdirSync(path.join(outDir, 'komunikaty'));
  const publicSlugs = new Set(published.notices.map((notice) => notice.slug));
  const previewSlugs = new Set(preview.notices.map((notice) => notice.slug));
  expect(new Set(noticePages(publicSite.outDir))).toEqual(publicSlugs);
  expect(new Set(noticePages(previewBuild.outDir))).toEqual(previewSlugs);

  const draftPage = (outDir: string) =>
    readFileSync(path.join(outDir, 'komunikaty', draft.slug as string, 'index.html'), 'utf8');
  expect(draftPage(previewBuild.outDir)).toContain(DRAFT_TITLE);
  expect(draftPage(publicSite.outDir)).not.toContain(DRAFT_TITLE);
  expect(readFileSync(path.join(publicSite.outDir, 'feed.json'), 'utf8')).not.toContain(DRAFT_TITLE);
});
