import { readFileSync } from 'node:fs';
import {
  loadSnapshotKeepingGood,
  type NoticeParses,
  type NoticeProblem,
  type Snapshot,
  SnapshotError,
} from '@tablica/shared';
import { writeBuildReport } from '../lib/build-report.ts';
import type { SiteBuildConfig } from '../lib/site-config.ts';
import { mirrorAttachments } from './attachments.ts';
import { demoSnapshotPath, readSnapshotFile } from './snapshot.ts';
import { readStrapiSnapshot } from './strapi.ts';

/** A line for the build's output: the loader prints it with Astro's logger. */
export interface ContentMessage {
  level: 'info' | 'warn';
  text: string;
}

/** The content read, checked against the rules, its attachments copied and the report written. */
export interface CheckedContent {
  /** Where the content came from, for logs. */
  source: string;
  snapshot: Snapshot;
  /** What the build says about the content, in order (Astro's logger prints them). */
  messages: ContentMessage[];
}

/** The content checked, and what the build keeps of it besides its pages. */
export interface ContentCheck {
  checked: CheckedContent;
  /**
   * Writes the build's report (for the publisher) and the notices read (for the next build's
   * read): no page depends on them, so the read-ahead writes them once Astro has the content
   * (at 10,000 notices, 0.5 to 0.9 s that Astro no longer waits for).
   */
  writeRecords: () => void;
}

/**
 * Reads the content and checks it. It runs in the content loader, or, for the CMS, ahead of Astro
 * in the build script's read-ahead process (read-ahead.ts): so it prints nothing itself and returns its
 * messages; only retries of an unreachable CMS are told as they happen. Broken settings or
 * institutions throw (every page depends on them), with each bad field named.
 */
export async function checkContent(config: SiteBuildConfig, onRetry: (message: string) => void): Promise<ContentCheck> {
  const { content } = config;
  const messages: ContentMessage[] = [];
  const info = (text: string) => messages.push({ level: 'info', text });
  const warn = (text: string) => messages.push({ level: 'warn', text });
  let raw: unknown;
  let source: string;
  let noticesRead: string | undefined;
  let keepRead = () => {};
  let parses: NoticeParses | undefined;
  if (content.kind === 'strapi') {
    source = `Strapi at ${content.url}`;
    const read = await readStrapiSnapshot({ ...content, onRetry }, config.noticeCache);
    raw = read.snapshot;
    noticesRead = read.how;
    keepRead = read.keep;
    parses = read.parses;
    info(`notices: ${read.how}`);
  } else {
    const file = content.kind === 'snapshot' ? content.file : demoSnapshotPath();
    source = content.kind === 'snapshot' ? file : `the demo snapshot (${file})`;
    raw = await readSnapshotFile(file);
  }
  let loaded: { snapshot: Snapshot; problems: NoticeProblem[] };
  try {
    loaded = loadSnapshotKeepingGood(raw, {
      now: config.now,
      source,
      lastGood: () => readLastGood(config),
      // Demo-format files date their notices from today; what editors wrote in the CMS stays as written.
      relativeDates: content.kind !== 'strapi',
      parses,
    });
  } catch (error) {
    // Re-thrown as a plain Error: Astro prints only the first entry of an `errors` list.
    if (error instanceof SnapshotError) throw new Error(error.message);
    throw error;
  }
  const { problems } = loaded;
  let { snapshot } = loaded;
  for (const problem of problems) warn(describeProblem(problem));
  let skippedAttachments: string[] = [];
  if (config.attachmentsDir && content.kind === 'strapi') {
    const baseUrl = config.baseUrl ?? snapshot.siteSettings.baseUrl;
    const mirrored = await mirrorAttachments(snapshot.notices, {
      directory: config.attachmentsDir,
      baseUrl,
      cmsUrl: content.url,
    });
    snapshot = { ...snapshot, notices: mirrored.notices };
    skippedAttachments = mirrored.skipped;
    for (const skipped of skippedAttachments) warn(`attachment left out: ${skipped}`);
    if (mirrored.files > 0) info(`${mirrored.files} attachment file(s) copied into the site`);
  }
  // For the publisher: what could not be published as it is, and what was (the next build's last
  // good; the notice versions that are news, with the institutions and settings its messages name).
  const { reportFile } = config;
  const writeRecords = () => {
    if (reportFile)
      writeBuildReport(reportFile, { problems, skippedAttachments, noticesRead, snapshot, now: config.now });
    keepRead();
  };
  return { checked: { source, snapshot, messages }, writeRecords };
}

function readLastGood(config: SiteBuildConfig): unknown[] {
  if (!config.lastGoodFile) return [];
  try {
    // The previous build's report: its `notices` are what the site published then.
    const report = JSON.parse(readFileSync(config.lastGoodFile, 'utf8')) as { notices?: unknown };
    return Array.isArray(report.notices) ? report.notices : [];
  } catch {
    // No live build yet, or its list is unreadable: a failing notice is then left out.
    return [];
  }
}

function describeProblem(problem: NoticeProblem): string {
  const what =
    problem.kept === 'previous'
      ? `the last good version (revision ${problem.keptRevision}) stays published`
      : 'it is left out (no earlier good version)';
  const errors = problem.errors.map((error) => `${error.location}: ${error.message}`).join('; ');
  return `NOT UPDATED: notice "${problem.slug}" (${problem.locale}) fails the rules, ${what}. ${errors}`;
}
