import type { Locale } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import {
  type EmbedTarget,
  oembedAnswer,
  oembedPath,
  restOf,
  translatedTargets,
} from '../../../lib/embed/embed-targets.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

/** /en/oembed/…, /uk/oembed/…: an institution's or a notice's oEmbed answer in that language. */
export const getStaticPaths = (async () =>
  translatedTargets(await getSiteContent(), oembedPath)
    .filter(({ target }) => target.kind !== 'site')
    .map(({ locale, target }) => ({
      params: { lang: locale, path: restOf(target) },
      props: { target, locale },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) => {
  const { target, locale } = props as { target: EmbedTarget; locale: Locale };
  return outputResponse(url, JSON.stringify(oembedAnswer(await getSiteContent(), target, locale)));
};
