import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readableByAll } from './site-build.ts';

/**
 * A deploy directory whose live build is a few files, laid out as the publisher's Deploys keeps
 * them (builds/<id>, `current` → builds/<id>): for server tests that need no real site build.
 */
export function tinyDeployDir(): { deployDir: string; build: string } {
  const deployDir = readableByAll(mkdtempSync(path.join(tmpdir(), 'tablica-tiny-deploy-')));
  const build = path.join(deployDir, 'builds', '20260101-000000');
  mkdirSync(path.join(build, 'komunikaty', 'przyklad'), { recursive: true });
  writeFileSync(
    path.join(build, 'index.html'),
    '<!doctype html><html lang="pl"><title>Tablica</title><h1>Tablica</h1>',
  );
  writeFileSync(path.join(build, '404.html'), '<!doctype html><html lang="pl"><title>404</title><h1>Nie ma</h1>');
  writeFileSync(path.join(build, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  writeFileSync(path.join(build, 'komunikaty', 'przyklad', 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(
    path.join(build, 'tablica-build.json'),
    JSON.stringify({ notices: 1, versions: 1, nextChangeAt: null }),
  );
  symlinkSync(path.join('builds', '20260101-000000'), path.join(deployDir, 'current'));
  return { deployDir, build };
}
