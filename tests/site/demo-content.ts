import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSnapshot, type Notice, noticeStatus, type Snapshot } from '@tablica/shared';
import { inject } from 'vitest';

/** The instant the shared demo site was built for (global-setup.ts), or now outside the site project. */
export const demoNow = (): Date => {
  const pinned = inject('demoNow');
  return pinned ? new Date(pinned) : new Date();
};

/** The demo snapshot as the site build reads it, for computing what the pages must show. */
export function demoSnapshot(now = demoNow()): Snapshot {
  const file = createRequire(import.meta.url).resolve('@tablica/shared/fixtures/demo.json');
  return loadSnapshot(JSON.parse(readFileSync(file, 'utf8')), { now });
}

export const polishOriginals = (snapshot: Snapshot): Notice[] =>
  snapshot.notices.filter((notice) => notice.locale === 'pl');

export const withStatus = (snapshot: Snapshot, status: ReturnType<typeof noticeStatus>, now = demoNow()) =>
  polishOriginals(snapshot).filter((notice) => noticeStatus(notice, now) === status);
