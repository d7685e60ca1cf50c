// npm run export -w cms [-- <file.json>]: writes the published content as a snapshot (to stdout
// without a file). The site builds from it (TABLICA_CONTENT=<file>); it is also a backup.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { run, withStrapi } from './with-strapi.mjs';

run(async () => {
  const target = process.argv[2] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]) : undefined;
  process.env.TABLICA_SEED = 'false';
  const snapshot = await withStrapi(async (strapi, requireCompiled) => {
    const { exportSnapshot } = requireCompiled('src/seed/export-snapshot.js');
    return exportSnapshot(strapi);
  });
  const json = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (!target) {
    process.stdout.write(json);
    return;
  }
  writeFileSync(target, json);
  // Validate what was written: a snapshot the site cannot build from must not pass silently.
  const { loadSnapshot } = await import('@tablica/shared');
  loadSnapshot(snapshot, { source: target, relativeDates: false });
  console.error(
    `Tablica: exported ${snapshot.institutions.length} institutions and ${snapshot.notices.length} published notices to ${target}.`,
  );
});
