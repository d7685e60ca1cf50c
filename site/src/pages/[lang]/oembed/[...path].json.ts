import { astroDataRoute } from '../../../lib/data-files/data-route.ts';
import { translatedOembedAnswers } from '../../../lib/data-files/oembed-answers.ts';

/** /en/oembed/…, /uk/oembed/… (lib/data-files/oembed-answers.ts). */
const route = astroDataRoute(translatedOembedAnswers);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
