import type { Core } from '@strapi/strapi';
import { expect } from 'vitest';
import type { Publisher } from '../../site/publisher/publisher.ts';
import { parseXmlStrict } from '../support/xml.ts';

/** What a reader, a feed reader and a widget see of the live site at this moment. */
export async function liveView(siteUrl: string, slug: string) {
  const page = await fetch(`${siteUrl}/komunikaty/${slug}/`);
  const rss = parseXmlStrict(await (await fetch(`${siteUrl}/rss.xml`)).text(), 'rss.xml');
  const items = [...rss.getElementsByTagName('item')].map((item) => ({
    title: item.getElementsByTagName('title')[0]?.textContent ?? '',
    link: item.getElementsByTagName('link')[0]?.textContent ?? '',
  }));
  const widget = (await (await fetch(`${siteUrl}/widget/pl.json`)).json()) as {
    notices: { slug: string; title: string }[];
  };
  const html = page.ok ? await page.text() : '';
  return {
    pageStatus: page.status,
    pageTitle: html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1],
    rssItem: items.find((item) => item.link.includes(`/komunikaty/${slug}/`)),
    widgetItem: widget.notices.find((notice) => notice.slug === slug),
  };
}

/** Polls until `check` passes (it throws until then), or fails with its last error. */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 90_000, everyMs = 250 } = {}): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw last;
}

export async function institutionId(strapi: Core.Strapi, slug: string): Promise<string> {
  const institution = await strapi.documents('api::institution.institution').findFirst({ filters: { slug } } as never);
  if (!institution) throw new Error(`the demo seed lost the institution ${slug}`);
  return institution.documentId;
}

/** A notice as an editor would fill it in, published at once. */
export async function publishNotice(
  strapi: Core.Strapi,
  data: { slug: string; title: string; effectiveFrom: Date; effectiveUntil?: Date },
) {
  const notices = strapi.documents('api::notice.notice');
  const created = await notices.create({
    locale: 'pl',
    status: 'published',
    data: {
      slug: data.slug,
      title: data.title,
      summary: 'Komunikat utworzony przez test publikacji.',
      institution: await institutionId(strapi, 'pwik-brzozow'),
      category: 'service-change',
      severity: 'urgent',
      effectiveFrom: data.effectiveFrom.toISOString(),
      ...(data.effectiveUntil ? { effectiveUntil: data.effectiveUntil.toISOString() } : {}),
    } as never,
  } as never);
  expect(created?.documentId).toBeTruthy();
  return created.documentId as string;
}

/** Waits until a publisher has nothing running or queued and its last build is live; its status then. */
export function publisherIdle(publisher: { status(): ReturnType<Publisher['status']> }) {
  return eventually(async () => {
    const now = publisher.status();
    if (now.queue.running || now.queue.queued || now.lastBuild?.result !== 'live') {
      throw new Error(`not live: ${now.lastBuild?.result} ${JSON.stringify(now.lastBuild?.message)}`);
    }
    return now;
  });
}
