import { type NoticeProblem, type Snapshot, slugsStillNews } from '@tablica/shared';
import { writeFileWhole } from './write-file-whole.ts';

/**
 * What a build tells the publisher, in two files. The report is read on the publisher's event
 * loop the moment the build goes live, while that loop also serves the site: at 10,000 notices
 * parsing and checking every published notice there held the first requests to the new build
 * back by about a second. So the report carries only what is still news (what subscribers and
 * newsrooms may hear of); every published notice goes to the file beside it, which the publisher
 * only renames (it becomes the next build's last good versions, TABLICA_LAST_GOOD).
 */
export interface BuildReportContent {
  problems: NoticeProblem[];
  skippedAttachments: string[];
  noticesRead: string | undefined;
  snapshot: Pick<Snapshot, 'siteSettings' | 'institutions' | 'notices'>;
  now: Date;
}

/** Every file of a build's report starts so: what a stopped build left is found by it. */
const REPORT_PREFIX = '.tablica-report-';

/** The report file of build `id`, in the publisher's state directory. */
export const reportFileName = (id: string) => `${REPORT_PREFIX}${id}.json`;

/** A report, its published notices, or what a build killed while writing them left aside. */
export const isReportFile = (name: string) => name.startsWith(REPORT_PREFIX);

/** The file with every notice a build published, beside its report. */
export function publishedNoticesFile(reportFile: string): string {
  return `${reportFile}.published`;
}

/**
 * Writes the report and the published notices. A notice is news while its version in the default
 * language is (lists.ts slugsStillNews): it stops being news only by time passing, and becomes news
 * again only by an edit, which makes a new build; so news at the build's clock is all a later
 * clock can find.
 */
export function writeBuildReport(
  reportFile: string,
  { problems, skippedAttachments, noticesRead, snapshot, now }: BuildReportContent,
): void {
  const { siteSettings, institutions, notices } = snapshot;
  writeFileWhole(publishedNoticesFile(reportFile), JSON.stringify({ siteSettings, institutions, notices }));
  const newsSlugs = slugsStillNews(notices, now);
  const news = notices.filter((notice) => newsSlugs.has(notice.slug));
  writeFileWhole(
    reportFile,
    JSON.stringify({ problems, skippedAttachments, noticesRead, siteSettings, institutions, notices: news }),
  );
}
