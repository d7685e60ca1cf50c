import { astroDataRoute } from '../../lib/data-files/data-route.ts';
import { noticeCalendars } from '../../lib/data-files/notice-calendars.ts';

/** /calendar/<slug>.ics (lib/data-files/notice-calendars.ts). */
const route = astroDataRoute(noticeCalendars);
export const getStaticPaths = route.getStaticPaths;
export const GET = route.GET;
