import type { Notice } from '@tablica/shared';
import { UI } from './i18n/ui.ts';

/**
 * The sections of a notice below its summary and advisories, in the order residents read them.
 * The page (views/NoticeView.astro) and the feed HTML (outputs/notice-html.ts) both render this
 * list, so a feed reader gets the same facts, in the same order, under the same headings; a new
 * section is added here and rendered by both (docs/recipes.md).
 */
export const NOTICE_SECTION_KINDS = ['suspensions', 'channels', 'procedures', 'details', 'links', 'updates'] as const;
export type NoticeSectionKind = (typeof NOTICE_SECTION_KINDS)[number];

export interface NoticeSection {
  kind: NoticeSectionKind;
  heading: string;
}

/** Section headings are h2, under the notice's title (h1). */
export const SECTION_HEADING_LEVEL = 2;

/**
 * The HTML level of a heading inside the notice's body. The editor offers levels 2–4 (1 is the
 * notice's title), so the body's first level sits right below its section's heading: h3, h4, h5.
 */
export const bodyHeadingLevel = (level: number): number => Math.min(6, SECTION_HEADING_LEVEL - 1 + level);

const HAS: Record<NoticeSectionKind, (notice: Notice) => boolean> = {
  suspensions: (notice) => notice.suspensions.length > 0,
  channels: (notice) => notice.channels.length > 0,
  procedures: (notice) => notice.procedures.length > 0,
  details: (notice) => (notice.body?.length ?? 0) > 0,
  links: (notice) => notice.links.length > 0 || notice.attachments.length > 0,
  updates: (notice) => notice.updates.length > 0,
};

/** The sections this notice has, in reading order, headed in its language. */
export function noticeSections(notice: Notice): NoticeSection[] {
  const ui = UI[notice.locale];
  const headings: Record<NoticeSectionKind, string> = {
    suspensions: ui.suspensions,
    channels: ui.channels,
    procedures: notice.proceduresHeading ?? ui.procedures,
    details: ui.details,
    links: ui.links,
    updates: ui.updates,
  };
  return NOTICE_SECTION_KINDS.filter((kind) => HAS[kind](notice)).map((kind) => ({ kind, heading: headings[kind] }));
}
