import { capMessageFiles } from '../../../lib/data-files/cap-message-files.ts';
import { astroDataRoute } from '../../../lib/data-files/data-route.ts';

/** /cap/<slug>/v<revision>.xml (lib/data-files/cap-message-files.ts). */
const route = astroDataRoute(capMessageFiles);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
