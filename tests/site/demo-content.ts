import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSnapshot, type Notice, noticeStatus, type Snapshot } from '@tablica/shared';

/** The demo snapshot as the site build reads it, for computing what the pages must show. */
export function demoSnapshot(now = new Date()): Snapshot {
  const file = createRequire(import.meta.url).resolve('@tablica/shared/fixtures/demo.json');
  return loadSnapshot(JSON.parse(readFileSync(file, 'utf8')), { now });
}

export const polishOriginals = (snapshot: Snapshot): Notice[] =>
  snapshot.notices.filter((notice) => notice.locale === 'pl');

export const withStatus = (snapshot: Snapshot, status: ReturnType<typeof noticeStatus>, now = new Date()) =>
  polishOriginals(snapshot).filter((notice) => noticeStatus(notice, now) === status);
