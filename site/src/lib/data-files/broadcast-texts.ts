import { DEFAULT_LOCALE, isThreat, type Locale, TRANSLATION_LOCALES } from '@tablica/shared';
import { broadcastNotices, radioText, smsText, warningText } from '../broadcast.ts';
import type { SiteContent } from '../content.ts';
import { noticesToList, withoutUnchanged } from '../incremental/keyed-paths.ts';
import { BROADCAST_TEXT_FORMS, type BroadcastTextForm, outputPaths } from '../outputs/manifest.ts';
import type { DataRoute } from './data-route.ts';

type BroadcastText = { locale: Locale; slug: string; form: BroadcastTextForm };

/** The text files of the broadcast forms, for each notice that has them in `locales`. */
function broadcastTextsIn(content: SiteContent, locales: readonly Locale[]): BroadcastText[] {
  const texts = locales.flatMap((locale) =>
    broadcastNotices(content, locale, noticesToList(content)).flatMap((notice) =>
      // A warning (or its withdrawal) exactly for a notice of a threat: asked of the notice, not
      // by composing every notice's forms here (2.3 s for 10,000 notices on every build).
      BROADCAST_TEXT_FORMS.filter((form) => form !== 'warning' || isThreat(notice)).map((form) => ({
        locale,
        slug: notice.slug,
        form,
      })),
    ),
  );
  return withoutUnchanged(content, texts, ({ slug, locale, form }) => ({
    part: slug,
    path: outputPaths.broadcastText(slug, locale, form),
  }));
}

const texts = {
  path: ({ slug, locale, form }: BroadcastText) => outputPaths.broadcastText(slug, locale, form),
  body(content: SiteContent, { slug, locale, form }: BroadcastText) {
    const notice = content.versions.get(slug)?.[locale];
    if (!notice) throw new Error(`Tablica: no ${locale} version of ${slug} for its ${form}.txt`);
    return { radio: radioText, sms: smsText, warning: warningText }[form](content, notice);
  },
};

/** The default language's radio scripts and SMS texts (routes.newsroom: /dla-mediow/). */
export const broadcastTexts: DataRoute<BroadcastText> = {
  ...texts,
  name: 'broadcast-texts',
  routeFile: 'dla-mediow/[slug]/[form].txt.ts',
  entries: (content) => broadcastTextsIn(content, [DEFAULT_LOCALE]),
  params: ({ slug, form }) => ({ slug, form }),
};

/** Each translation's radio scripts and SMS texts, under its prefix (/en/newsroom/…). */
export const translatedBroadcastTexts: DataRoute<BroadcastText> = {
  ...texts,
  name: 'broadcast-texts-translations',
  routeFile: '[lang]/newsroom/[slug]/[form].txt.ts',
  entries: (content) => broadcastTextsIn(content, TRANSLATION_LOCALES),
  params: ({ locale, slug, form }) => ({ lang: locale, slug, form }),
};
