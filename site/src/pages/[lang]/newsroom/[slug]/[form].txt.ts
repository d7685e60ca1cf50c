import { translatedBroadcastTexts } from '../../../../lib/data-files/broadcast-texts.ts';
import { astroDataRoute } from '../../../../lib/data-files/data-route.ts';

/** Each translation's radio scripts and SMS texts (lib/data-files/broadcast-texts.ts). */
const route = astroDataRoute(translatedBroadcastTexts);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
