import { type Locale, markedTitle, TRANSLATION_LOCALES } from '@tablica/shared';
import type { SiteContent } from '../content.ts';
import { institutionPath, noticesToList, withoutUnchanged } from '../incremental/keyed-paths.ts';
import { outputPaths } from '../outputs/manifest.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { oembedResponse } from './oembed.ts';

/**
 * What other sites can embed, in each language: the site's current notices, an institution's,
 * and every notice written in that language — ended ones too, for good: an article from 2020
 * that embedded a notice keeps showing it, marked as ended (WordPress keeps the oEmbed answer
 * and re-fetches it; the frame it names must stay).
 */
export type EmbedTarget = { kind: 'site' } | { kind: 'institution'; slug: string } | { kind: 'notice'; slug: string };

export function embedTargets(
  content: SiteContent,
  locale: Locale,
  slugs: readonly string[] = content.slugs,
): EmbedTarget[] {
  return [
    { kind: 'site' },
    ...content.institutions.map(({ slug }) => ({ kind: 'institution' as const, slug })),
    ...slugs
      .filter((slug) => content.versions.get(slug)?.[locale] !== undefined)
      .map((slug) => ({ kind: 'notice' as const, slug })),
  ];
}

/** The rest of a target's address below `…/embed/` or `…/oembed/` ("notice/<slug>", "<institution>"). */
export const restOf = (target: EmbedTarget): string | undefined =>
  target.kind === 'site' ? undefined : target.kind === 'notice' ? `notice/${target.slug}` : target.slug;

export const embedPath = (target: EmbedTarget, locale: Locale): string =>
  target.kind === 'site'
    ? outputPaths.embed.site(locale)
    : target.kind === 'notice'
      ? outputPaths.embed.notice(target.slug, locale)
      : outputPaths.embed.institution(target.slug, locale);

export const oembedPath = (target: EmbedTarget, locale: Locale): string =>
  target.kind === 'site'
    ? outputPaths.oembed.site(locale)
    : target.kind === 'notice'
      ? outputPaths.oembed.notice(target.slug, locale)
      : outputPaths.oembed.institution(target.slug, locale);

/** The page a pasted address names, and the frame's "more" link. */
export const targetPage = (target: EmbedTarget, locale: Locale): string =>
  target.kind === 'site'
    ? routes.home(locale)
    : target.kind === 'notice'
      ? routes.notice(target.slug, locale)
      : routes.institution(target.slug, locale);

export function targetTitle(content: SiteContent, target: EmbedTarget, locale: Locale): string {
  if (target.kind === 'institution') return content.institutionBySlug.get(target.slug)?.name ?? target.slug;
  if (target.kind === 'notice') {
    const notice = content.versions.get(target.slug)?.[locale];
    return notice ? markedTitle(notice) : target.slug;
  }
  return content.settings.siteName;
}

/** The oEmbed answer for a target in a language. */
export function oembedAnswer(content: SiteContent, target: EmbedTarget, locale: Locale) {
  return oembedResponse({
    siteName: content.settings.siteName,
    baseUrl: content.baseUrl,
    title: targetTitle(content, target, locale),
    pageUrl: absoluteUrl(content.baseUrl, targetPage(target, locale)),
    embedUrl: absoluteUrl(content.baseUrl, embedPath(target, locale)),
  });
}

/**
 * A route's targets in `locale`, less the notices and institutions an incremental build takes from the previous
 * build; `pathOf` is where the route writes a target (embedPath, oembedPath).
 */
export const withoutUnchangedTargets = (
  content: SiteContent,
  locale: Locale,
  pathOf: (target: EmbedTarget, locale: Locale) => string,
): EmbedTarget[] =>
  withoutUnchanged(content, embedTargets(content, locale, noticesToList(content)), (target) =>
    target.kind === 'notice'
      ? { part: target.slug, path: pathOf(target, locale) }
      : target.kind === 'institution'
        ? institutionPath(content, target.slug, pathOf(target, locale))
        : undefined,
  );

/** Static paths for the translations' copies of an embed route (`/[lang]/…`). */
export const translatedTargets = (content: SiteContent, pathOf: (target: EmbedTarget, locale: Locale) => string) =>
  TRANSLATION_LOCALES.flatMap((locale) =>
    withoutUnchangedTargets(content, locale, pathOf).map((target) => ({ locale, target })),
  );
