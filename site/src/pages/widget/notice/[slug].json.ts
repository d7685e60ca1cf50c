import { astroDataRoute } from '../../../lib/data-files/data-route.ts';
import { noticeWidgets } from '../../../lib/data-files/notice-widgets.ts';

/** /widget/notice/<slug>.json (lib/data-files/notice-widgets.ts). */
const route = astroDataRoute(noticeWidgets);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
