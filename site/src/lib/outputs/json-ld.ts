import { type Institution, localIsoDateTime, markedTitle, type Notice } from '@tablica/shared';
import { suspensionPeriodText } from '../format.ts';
import { UI } from '../i18n/ui.ts';
import { absoluteUrl, routes } from '../routes.ts';

export interface JsonLdContext {
  baseUrl: string;
  institution: Institution | undefined;
  /** The feed readers can subscribe to for this notice's language. */
  feedPath: string;
}

/**
 * schema.org `SpecialAnnouncement` for one notice, in the page's language and the notice's local
 * time. Google stopped showing these results in 2025; it stays because it is cheap and other
 * readers of structured data use it.
 */
export function specialAnnouncement(notice: Notice, { baseUrl, institution, feedPath }: JsonLdContext) {
  const local = (instant: Date) => localIsoDateTime(instant, notice.timeZone);
  const ui = UI[notice.locale];
  const url = absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale));
  const organization = institution && {
    '@type': 'GovernmentOrganization',
    name: institution.name,
    ...(institution.website ? { url: institution.website } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'SpecialAnnouncement',
    '@id': url,
    url,
    name: markedTitle(notice),
    text: notice.summary,
    inLanguage: notice.locale,
    category: notice.category,
    datePosted: local(notice.publishedAt),
    dateModified: local(notice.updatedAt),
    ...(notice.effectiveUntil ? { expires: local(notice.effectiveUntil) } : {}),
    ...(organization ? { publisher: organization, author: organization } : {}),
    ...(notice.area
      ? {
          spatialCoverage: {
            '@type': 'AdministrativeArea',
            name: notice.area.description,
            ...(notice.area.teryt.length > 0
              ? {
                  identifier: notice.area.teryt.map((code) => ({
                    '@type': 'PropertyValue',
                    propertyID: 'TERYT',
                    value: code,
                  })),
                }
              : {}),
          },
        }
      : {}),
    ...(notice.suspensions.length > 0
      ? {
          // "Zamknięta, od 16 marca do 25 marca 2020 r.": what the page says, in its words.
          announcementLocation: notice.suspensions.map((suspension) => ({
            '@type': 'CivicStructure',
            name: suspension.facility,
            description: `${ui.suspensionMode[suspension.mode]}, ${suspensionPeriodText(suspension, notice, notice.locale)}`,
          })),
        }
      : {}),
    webFeed: absoluteUrl(baseUrl, feedPath),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: characters that could end the script element
 * or start markup (`<`, `>`, `&`), and the line separators old parsers choke on, are written as
 * `\u` escapes. JSON parsers read them back unchanged, so the data stays exact.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
