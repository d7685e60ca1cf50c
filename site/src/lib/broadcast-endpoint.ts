import { isThreat, LOCALES, type Locale } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { broadcastNotices, radioText, smsText, warningText } from './broadcast.ts';
import { getSiteContent } from './content.ts';
import { noticesToList, withoutUnchanged } from './incremental/keyed-paths.ts';
import { BROADCAST_TEXT_FORMS, type BroadcastTextForm, outputPaths } from './outputs/manifest.ts';
import { outputResponse } from './outputs/respond.ts';

/**
 * The text files of the broadcast forms, for each notice that has them in `locales`. The route
 * files that use this sit where outputPaths.broadcastText puts them (checked: a path that differs
 * is refused at build time).
 */
export async function broadcastTextPaths(locales: readonly Locale[]) {
  const content = await getSiteContent();
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
  })).map(({ locale, slug, form }) => ({ params: { lang: locale, slug, form }, props: { locale } }));
}

export const broadcastTextEndpoint: APIRoute = async ({ params, props, url }) => {
  const content = await getSiteContent();
  const locale = (props as { locale: Locale }).locale;
  const form = params.form as BroadcastTextForm;
  const notice = content.versions.get(params.slug ?? '')?.[locale];
  if (!notice || !LOCALES.includes(locale)) return new Response(null, { status: 404 });
  const expected = outputPaths.broadcastText(notice.slug, locale, form);
  // Under a base path (a draft preview is built under /podglad/<token>/) the route ends the same.
  if (!url.pathname.endsWith(expected)) throw new Error(`Tablica: ${url.pathname} should be at ${expected}`);
  const text = { radio: radioText, sms: smsText, warning: warningText }[form](content, notice);
  return outputResponse(url, text);
};
