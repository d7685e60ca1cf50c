import { type Institution, type Notice, suspensionPeriod } from '@tablica/shared';
import { absoluteUrl, routes } from '../routes.ts';

export interface JsonLdContext {
  baseUrl: string;
  institution: Institution | undefined;
  /** The feed readers can subscribe to for this notice's language. */
  feedPath: string;
}

/** schema.org `SpecialAnnouncement` for one notice: what search engines show as a COVID-style alert. */
export function specialAnnouncement(notice: Notice, { baseUrl, institution, feedPath }: JsonLdContext) {
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
    name: notice.title,
    text: notice.summary,
    inLanguage: notice.locale,
    category: notice.category,
    datePosted: notice.publishedAt.toISOString(),
    dateModified: notice.updatedAt.toISOString(),
    ...(notice.effectiveUntil ? { expires: notice.effectiveUntil.toISOString() } : {}),
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
          announcementLocation: notice.suspensions.map((suspension) => {
            const period = suspensionPeriod(suspension, notice);
            return {
              '@type': 'CivicStructure',
              name: suspension.facility,
              ...(period.end ? { description: `${suspension.mode} until ${period.end.toISOString()}` } : {}),
            };
          }),
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
