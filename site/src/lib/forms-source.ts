import {
  type FormsSource,
  isThreat,
  type Notice,
  noticeStatus,
  type WarningMessage,
  warningMessage,
} from '@tablica/shared';
import type { SiteContent } from './content.ts';
import { absoluteUrl, routes } from './routes.ts';
import { shortUrlOf } from './short-links.ts';

/**
 * What the broadcast forms of a notice are made from: the notice, its institution as messages
 * name it, the site's address and the build's "now". Kept apart from broadcast.ts (which reads
 * the content collection) so that feeds, tested as pure functions, can use it too.
 */
export function formsSource(content: SiteContent, notice: Notice): FormsSource {
  const institution = content.institutionBySlug.get(notice.institution);
  return {
    notice,
    institutionName: institution?.name ?? notice.institution,
    institutionShortName: institution?.shortName,
    institutionArea: institution?.area?.description,
    siteHost: new URL(content.baseUrl).host,
    now: content.now,
    pageUrl: absoluteUrl(content.baseUrl, routes.notice(notice.slug, notice.locale)),
    shortUrl: shortUrlOf(content, notice),
  };
}

/** The withdrawal of a threat's warning message once it is over (lifted or ended), else undefined. */
export function withdrawalOf(content: SiteContent, notice: Notice): WarningMessage | undefined {
  if (!isThreat(notice) || noticeStatus(notice, content.now) !== 'expired') return undefined;
  const message = warningMessage(formsSource(content, notice), notice.locale);
  return message?.kind === 'withdrawal' ? message : undefined;
}
