import type { Notice } from '../schemas/notice.ts';

/**
 * The one instant a notice's current version was sent, in its language: when the CMS recorded
 * that version's publication (a later correction of a typo keeps it), or, for content published
 * before that record existed, its last update. Every output that dates a version — RSS `pubDate`,
 * JSON Feed `date_published`, CAP `sent` and the CAP index — uses this, so they all agree.
 */
export function versionSentAt(notice: Pick<Notice, 'revision' | 'publications' | 'updatedAt'>): Date {
  return notice.publications.find((entry) => entry.revision === notice.revision)?.sent ?? notice.updatedAt;
}
