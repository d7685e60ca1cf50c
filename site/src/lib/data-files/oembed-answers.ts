import { DEFAULT_LOCALE, type Locale } from '@tablica/shared';
import type { SiteContent } from '../content.ts';
import {
  type EmbedTarget,
  oembedAnswer,
  oembedPath,
  restOf,
  translatedTargets,
  withoutUnchangedTargets,
} from '../embed/embed-targets.ts';
import type { DataRoute } from './data-route.ts';

type Answer = { locale: Locale; target: EmbedTarget };

const answers = {
  path: ({ locale, target }: Answer) => oembedPath(target, locale),
  body: (content: SiteContent, { locale, target }: Answer) => JSON.stringify(oembedAnswer(content, target, locale)),
};

/** /oembed/<institution>.json and /oembed/notice/<slug>.json: what WordPress embeds for a pasted address. */
export const oembedAnswers: DataRoute<Answer> = {
  ...answers,
  name: 'oembed',
  routeFile: 'oembed/[...path].json.ts',
  entries: (content) =>
    withoutUnchangedTargets(content, DEFAULT_LOCALE, oembedPath)
      .filter((target) => target.kind !== 'site')
      .map((target) => ({ locale: DEFAULT_LOCALE, target })),
  params: ({ target }) => ({ path: restOf(target) }),
};

/** /en/oembed/…, /uk/oembed/…: an institution's or a notice's oEmbed answer in that language. */
export const translatedOembedAnswers: DataRoute<Answer> = {
  ...answers,
  name: 'oembed-translations',
  routeFile: '[lang]/oembed/[...path].json.ts',
  entries: (content) => translatedTargets(content, oembedPath).filter(({ target }) => target.kind !== 'site'),
  params: ({ locale, target }) => ({ lang: locale, path: restOf(target) }),
};
