import { astroDataRoute } from '../../lib/data-files/data-route.ts';
import { oembedAnswers } from '../../lib/data-files/oembed-answers.ts';

/** /oembed/…json (lib/data-files/oembed-answers.ts). */
const route = astroDataRoute(oembedAnswers);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
