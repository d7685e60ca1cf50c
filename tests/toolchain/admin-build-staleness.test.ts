import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminBuildIsStale, recordAdminBuild } from '../../cms/scripts/admin-build.mjs';

/**
 * When `npm start` builds the admin panel again (about a minute): an operator who upgrades
 * (`git pull && npm ci && npm start`) must not get the old panel served by the new Strapi, and
 * nobody should wait for a build that would make the same panel. A CMS of its own in a scratch
 * folder, as `strapi build` leaves it.
 */
describe('the admin panel is built again when what it is made from changed', () => {
  let scratch: string;
  let place: { appDir: string; lockFile: string };
  const editedAt = new Date('2026-12-01T10:00:00Z');
  const panelBuiltAt = new Date('2026-12-01T11:00:00Z');

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'tablica-admin-build-'));
    place = { appDir: path.join(scratch, 'cms'), lockFile: path.join(scratch, 'package-lock.json') };
    for (const folder of ['src', 'config', 'dist/build'])
      mkdirSync(path.join(place.appDir, folder), { recursive: true });
    writeFileSync(path.join(place.appDir, 'src', 'index.ts'), 'export default {};\n');
    writeFileSync(path.join(place.appDir, 'config', 'server.ts'), 'export default {};\n');
    utimesSync(path.join(place.appDir, 'src', 'index.ts'), editedAt, editedAt);
    utimesSync(path.join(place.appDir, 'config', 'server.ts'), editedAt, editedAt);
    writeFileSync(
      place.lockFile,
      JSON.stringify({ packages: { 'node_modules/@strapi/admin': { version: '5.54.0' } } }),
    );
    const panel = path.join(place.appDir, 'dist', 'build', 'index.html');
    writeFileSync(panel, '<div id="strapi"></div>');
    utimesSync(panel, panelBuiltAt, panelBuiltAt);
    recordAdminBuild(place);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('not after a restart with nothing changed', () => {
    expect(adminBuildIsStale(place)).toBe(false);
  });

  it('after an upgrade of the dependencies (npm ci with a new lock file)', () => {
    writeFileSync(
      place.lockFile,
      JSON.stringify({ packages: { 'node_modules/@strapi/admin': { version: '5.55.0' } } }),
    );
    expect(adminBuildIsStale(place)).toBe(true);
    recordAdminBuild(place);
    expect(adminBuildIsStale(place)).toBe(false);
  });

  it('after an edit of the CMS code or its configuration', () => {
    writeFileSync(path.join(place.appDir, 'config', 'server.ts'), 'export default { proxy: {} };\n');
    expect(adminBuildIsStale(place)).toBe(true);
  });

  it('when the panel there was built otherwise (a bare strapi build: for development) or is gone', () => {
    writeFileSync(path.join(place.appDir, 'dist', 'tablica-admin-built-from.json'), '{"for":"development"}\n');
    expect(adminBuildIsStale(place)).toBe(true);
    recordAdminBuild(place);
    rmSync(path.join(place.appDir, 'dist', 'build'), { recursive: true });
    expect(adminBuildIsStale(place)).toBe(true);
  });
});
