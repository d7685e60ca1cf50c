import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadSnapshot } from '@tablica/shared';
import { importSnapshot } from '../seed/import-snapshot';

const demoFile = () => require.resolve('@tablica/shared/fixtures/demo.json');

/** The demo content, dates relative to today (see shared/fixtures/README.md). */
export function readDemoSnapshot(now = new Date()) {
  const file = demoFile();
  return loadSnapshot(JSON.parse(readFileSync(file, 'utf8')), { now, source: file });
}

/** The files of the demo's attachments. */
export const demoFilesDirectory = () => path.join(path.dirname(demoFile()), 'files');

/** A fresh database gets the demo content, so `npm start` shows a working site at once. */
export async function seedDemoIfEmpty(strapi: Core.Strapi) {
  const [notices, institutions] = await Promise.all([
    strapi.db.query('api::notice.notice').count(),
    strapi.db.query('api::institution.institution').count(),
  ]);
  if (notices > 0 || institutions > 0) return;
  // TABLICA_NOW (as the site's): tests pin "today", so that the CMS's demo and a site built from
  // the demo file agree on every date even when a run crosses midnight.
  const today = process.env.TABLICA_NOW ? new Date(process.env.TABLICA_NOW) : new Date();
  const summary = await importSnapshot(strapi, readDemoSnapshot(today), { filesDirectory: demoFilesDirectory() });
  strapi.log.info(
    `Tablica: seeded the demo content (${summary.institutions} institutions, ${summary.notices} notices).`,
  );
}
