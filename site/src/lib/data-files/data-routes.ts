import { broadcastTexts, translatedBroadcastTexts } from './broadcast-texts.ts';
import { capMessageFiles } from './cap-message-files.ts';
import type { DataRoute } from './data-route.ts';
import { noticeCalendars } from './notice-calendars.ts';
import { noticeWidgets } from './notice-widgets.ts';
import { oembedAnswers, translatedOembedAnswers } from './oembed-answers.ts';

/**
 * The routes whose files a build writes in one go (data-route.ts): those with a file per notice
 * (or per notice version). Routes with a handful of files (the site's feeds, the widget lists)
 * are rendered by Astro as any page.
 */
export const DATA_ROUTES: readonly DataRoute<unknown>[] = [
  noticeCalendars,
  capMessageFiles,
  broadcastTexts,
  translatedBroadcastTexts,
  oembedAnswers,
  translatedOembedAnswers,
  noticeWidgets,
];
