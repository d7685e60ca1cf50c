import { broadcastTexts } from '../../../lib/data-files/broadcast-texts.ts';
import { astroDataRoute } from '../../../lib/data-files/data-route.ts';

/** The default language's radio scripts and SMS texts (lib/data-files/broadcast-texts.ts). */
const route = astroDataRoute(broadcastTexts);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
