import {
  DEFAULT_LOCALE,
  ENDED_STAYS_NEWS_DAYS,
  effectiveEnd,
  isStillNews,
  LOCALES,
  type Locale,
  type Notice,
  suspensionPeriod,
} from '@tablica/shared';
import { withdrawalOf } from '../forms-source.ts';
import { outputPaths } from '../outputs/manifest.ts';
import { singleNoticeWidgetData } from '../outputs/widget-data.ts';
import { routes } from '../routes.ts';
import type { DataRoute } from './data-route.ts';
import { perNoticeFile } from './per-notice-file.ts';

const stillNewsUntil = (notice: Notice) => {
  const end = effectiveEnd(notice);
  return end && new Date(end.getTime() + ENDED_STAYS_NEWS_DAYS * 86_400_000);
};

/** The latest of the versions' edits and of the instants they passed by `now` (start, end, a period's bounds). */
function lastChangeOf(versions: Notice[], now: Date): Date {
  const instants = versions.flatMap((notice) => [
    notice.effectiveFrom,
    notice.effectiveUntil,
    notice.liftedAt,
    // No longer news (the withdrawal's summary goes back to the notice's own).
    stillNewsUntil(notice),
    ...notice.suspensions.flatMap((suspension) => {
      const period = suspensionPeriod(suspension, notice);
      return [period.start, period.end];
    }),
  ]);
  const passed = instants.filter((instant): instant is Date => instant !== undefined && instant <= now);
  return new Date(Math.max(...versions.map((notice) => notice.updatedAt.getTime()), ...passed.map(Number)));
}

/** /widget/notice/<slug>.json: one notice in all its languages, for the single-notice widget. */
export const noticeWidgets: DataRoute<string> = {
  name: 'notice-widgets',
  routeFile: 'widget/notice/[slug].json.ts',
  // Every notice, ended ones too: a page that embedded one keeps showing it, marked as ended.
  ...perNoticeFile(outputPaths.noticeWidget),
  body(content, slug) {
    const byLocale = content.versions.get(slug);
    if (!byLocale) throw new Error(`Tablica: no notice ${slug} for its widget data`);
    // The original first: the widget falls back to it when the reader's language is missing.
    const order: Locale[] = [DEFAULT_LOCALE, ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)];
    const versions = order.flatMap((locale): Notice[] => {
      const version = byLocale[locale];
      return version ? [version] : [];
    });
    // A threat that is over says its warning is withdrawn (the archive's old notices keep their summary).
    const withdrawals = new Map<Notice, string>();
    for (const version of versions) {
      const withdrawal = isStillNews(version, content.now) ? withdrawalOf(content, version) : undefined;
      if (withdrawal) withdrawals.set(version, withdrawal.lead);
    }
    const data = singleNoticeWidgetData(versions, {
      withdrawals,
      baseUrl: content.baseUrl,
      // Not the build's time: the file is rebuilt only when the notice changes (lib/incremental), so
      // it says when what it holds last changed, which every build that writes it agrees on.
      now: lastChangeOf(versions, content.now),
      locale: DEFAULT_LOCALE,
      listPath: routes.current(DEFAULT_LOCALE),
      title: content.settings.siteName,
    });
    return JSON.stringify(data);
  },
};
