import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import {
  type EmbedTarget,
  oembedAnswer,
  oembedPath,
  restOf,
  withoutUnchangedTargets,
} from '../../lib/embed/embed-targets.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';

/** /oembed/<institution>.json and /oembed/notice/<slug>.json: what WordPress embeds for a pasted address. */
export const getStaticPaths = (async () =>
  withoutUnchangedTargets(await getSiteContent(), DEFAULT_LOCALE, oembedPath)
    .filter((target) => target.kind !== 'site')
    .map((target) => ({ params: { path: restOf(target) }, props: { target } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) =>
  outputResponse(
    url,
    JSON.stringify(oembedAnswer(await getSiteContent(), (props as { target: EmbedTarget }).target, DEFAULT_LOCALE)),
  );
