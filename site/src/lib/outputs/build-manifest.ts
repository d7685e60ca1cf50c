import { nextChangeAt } from '@tablica/shared';
import type { SiteContent } from '../content.ts';

/**
 * What the publisher needs to know of a build, written with it: when it was computed for, how
 * many notices it publishes (to refuse a sharp, unexplained drop) and when the next notice
 * starts or ends (to rebuild then). Public and harmless: everything here is on the site anyway.
 */
export function buildManifest(content: SiteContent) {
  const notices = [...content.versions.values()].flatMap((byLocale) => Object.values(byLocale));
  return {
    builtFor: content.now.toISOString(),
    notices: content.slugs.length,
    versions: notices.length,
    nextChangeAt: nextChangeAt(notices, content.now)?.toISOString() ?? null,
  };
}
