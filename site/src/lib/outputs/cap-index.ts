import { markedTitle } from '@tablica/shared';
import { absoluteUrl } from '../routes.ts';
import { type CapMessageVersion, capIdentifier, capPath } from './cap.ts';
import { escapeMarkup } from './escape.ts';
import { contentTypeOf, outputPaths } from './manifest.ts';
import { hubLinks } from './websub-links.ts';

/**
 * An Atom feed listing the current CAP messages (the usual way alert aggregators poll a CAP
 * source): one entry per message, linking the CAP XML.
 */
export function capIndexAtom(
  messages: CapMessageVersion[],
  { baseUrl, title, hubs = [] }: { baseUrl: string; title: string; hubs?: readonly string[] },
): string {
  const self = absoluteUrl(baseUrl, outputPaths.capIndex);
  const updated = messages.reduce((latest, { sent }) => Math.max(latest, sent.getTime()), 0);
  const entries = messages.flatMap(({ translations: [notice], sent }) => {
    if (!notice) return [];
    const href = absoluteUrl(baseUrl, capPath(notice));
    // The type the server sends for the file, so the index never declares another.
    const type = contentTypeOf(capPath(notice)).split(';')[0];
    return [
      '<entry>',
      `<id>${escapeMarkup(capIdentifier(baseUrl, notice))}</id>`,
      `<title>${escapeMarkup(markedTitle(notice))}</title>`,
      `<updated>${sent.toISOString()}</updated>`,
      `<summary>${escapeMarkup(notice.summary)}</summary>`,
      `<link rel="alternate" type="${type}" href="${escapeMarkup(href)}"/>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeMarkup(self)}</id>`,
    `<title>${escapeMarkup(title)}</title>`,
    `<updated>${new Date(updated || 0).toISOString()}</updated>`,
    `<author><name>${escapeMarkup(title)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeMarkup(self)}"/>`,
    hubLinks(hubs, 'link'),
    ...entries,
    '</feed>\n',
  ].join('');
}
