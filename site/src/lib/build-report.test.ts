import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSnapshot, loadSnapshot } from '@tablica/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { liveVersions } from '../../publisher/subscriptions/live-versions.ts';
import { publishedNoticesFile, writeBuildReport } from './build-report.ts';

const DAY = 86_400_000;
const builtAt = new Date('2026-03-10T08:00:00Z');
const snapshot = loadSnapshot(
  generateSnapshot(1_000, 11, { institutions: 8, now: builtAt, locales: ['pl', 'en', 'uk'] }),
  { now: builtAt },
);
const directory = mkdtempSync(path.join(tmpdir(), 'tablica-build-report-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const reportFile = path.join(directory, 'report.json');
writeBuildReport(reportFile, { problems: [], skippedAttachments: [], noticesRead: 'all', snapshot, now: builtAt });
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const published = JSON.parse(readFileSync(publishedNoticesFile(reportFile), 'utf8'));
const everyNotice = JSON.parse(JSON.stringify(snapshot));

describe('what a build reports to the publisher', () => {
  it('the published file keeps every notice, the next build’s last good versions', () => {
    expect(published.notices).toEqual(everyNotice.notices);
    expect(published.institutions).toEqual(everyNotice.institutions);
  });

  it('the report carries only what is still news, and subscribers hear of the same versions, in every language, at any later clock', () => {
    expect(report.notices.length).toBeGreaterThan(0);
    // Old news stays out (at 10,000 notices 85% of them).
    expect(report.notices.length).toBeLessThan(everyNotice.notices.length - 100);
    const languages = new Set(report.notices.map((notice: { locale: string }) => notice.locale));
    expect(languages).toEqual(new Set(['pl', 'en', 'uk']));
    for (const later of [0, 3_600_000, 5 * DAY, 29 * DAY, 45 * DAY, 400 * DAY]) {
      const at = new Date(builtAt.getTime() + later);
      const fromReport = liveVersions(report, 'https://tablica.example.org', at);
      expect(fromReport).toEqual(liveVersions(everyNotice, 'https://tablica.example.org', at));
      if (later < 29 * DAY) expect(fromReport.length).toBeGreaterThan(0);
    }
  });
});
