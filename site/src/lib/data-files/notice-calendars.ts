import { DEFAULT_LOCALE } from '@tablica/shared';
import { replacementOf } from '../feeds.ts';
import { noticeCalendar } from '../outputs/ical.ts';
import { outputPaths } from '../outputs/manifest.ts';
import type { DataRoute } from './data-route.ts';
import { perNoticeFile } from './per-notice-file.ts';

/** /calendar/<slug>.ics: one notice's calendar event, in the original language. */
export const noticeCalendars: DataRoute<string> = {
  name: 'notice-calendars',
  routeFile: 'calendar/[slug].ics.ts',
  ...perNoticeFile(outputPaths.noticeCalendar),
  body(content, slug) {
    const notice = content.versions.get(slug)?.[DEFAULT_LOCALE];
    if (!notice) throw new Error(`Tablica: no notice ${slug} for its calendar`);
    return noticeCalendar({ notice, replacement: replacementOf(content, notice.slug) }, content);
  },
};
