import { LOCALES } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { capMessageNotices } from '../../../lib/feeds.ts';
import { capMessage } from '../../../lib/outputs/cap.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return capMessageNotices(content).map((notice) => ({
    params: { slug: notice.slug, version: `v${notice.revision}` },
    props: { slug: notice.slug },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) => {
  const content = await getSiteContent();
  const versions = content.versions.get(props.slug) ?? {};
  const translations = LOCALES.flatMap((locale) => versions[locale] ?? []);
  const original = translations[0];
  const superseded = original?.supersedes ? content.versions.get(original.supersedes)?.pl : undefined;
  const xml = capMessage(translations, {
    baseUrl: content.baseUrl,
    institution: original && content.institutionBySlug.get(original.institution),
    superseded,
  });
  return outputResponse(url, xml);
};
