// npm run seed -w cms [-- <snapshot.json>]: idempotent import (by slug and locale) of the demo
// content or of a snapshot exported with `npm run export -w cms`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { run, withStrapi } from './with-strapi.mjs';

const require = createRequire(import.meta.url);

run(async () => {
  const file = path.resolve(
    process.env.INIT_CWD ?? process.cwd(),
    process.argv[2] ?? require.resolve('@tablica/shared/fixtures/demo.json'),
  );
  const { loadSnapshot } = await import('@tablica/shared');
  const snapshot = loadSnapshot(JSON.parse(readFileSync(file, 'utf8')), { source: file });
  // This script seeds explicitly; the automatic first-start seed would only do it twice.
  process.env.TABLICA_SEED = 'false';
  const summary = await withStrapi(async (strapi, requireCompiled) => {
    const { importSnapshot } = requireCompiled('src/seed/import-snapshot.js');
    const { refreshStatistics } = requireCompiled('src/seed/refresh-statistics.js');
    // Attachments not yet in the media library are taken from files/ beside the snapshot.
    const imported = await importSnapshot(strapi, snapshot, {
      filesDirectory: path.join(path.dirname(file), 'files'),
      // An archive takes minutes: say how far it is.
      onProgress: (written, total) => {
        if (total > 100)
          console.log(
            `Tablica: ${written.toLocaleString('en')} of ${total.toLocaleString('en')} notice versions written…`,
          );
      },
    });
    // A bulk import leaves the planner's statistics describing empty tables (first reads take minutes).
    await refreshStatistics(strapi);
    return imported;
  });
  console.log(`Tablica: imported ${summary.institutions} institutions and ${summary.notices} notices from ${file}.`);
});
