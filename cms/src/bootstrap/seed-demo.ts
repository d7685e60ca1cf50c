import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { loadSnapshot } from '@tablica/shared';
import { importSnapshot } from '../seed/import-snapshot';

/** The demo content, dates relative to today (see shared/fixtures/README.md). */
export function readDemoSnapshot(now = new Date()) {
  const file = require.resolve('@tablica/shared/fixtures/demo.json');
  return loadSnapshot(JSON.parse(readFileSync(file, 'utf8')), { now, source: file });
}

/** A fresh database gets the demo content, so `npm start` shows a working site at once. */
export async function seedDemoIfEmpty(strapi: Core.Strapi) {
  const [notices, institutions] = await Promise.all([
    strapi.db.query('api::notice.notice').count(),
    strapi.db.query('api::institution.institution').count(),
  ]);
  if (notices > 0 || institutions > 0) return;
  const summary = await importSnapshot(strapi, readDemoSnapshot());
  strapi.log.info(
    `Tablica: seeded the demo content (${summary.institutions} institutions, ${summary.notices} notices).`,
  );
}
