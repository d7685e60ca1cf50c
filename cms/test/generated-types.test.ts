import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';

const APP_DIR = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

let cms: RunningStrapi;
beforeAll(async () => {
  cms = await bootStrapi();
});
afterAll(async () => {
  await cms?.stop();
});

/**
 * Strapi's generated types (types/generated) are committed, so the code that reads and writes
 * documents is checked against the content types; a schema change without regenerating them
 * (`npm run strapi -w cms -- ts:generate-types`) fails here.
 */
describe('the committed Strapi types', () => {
  it('are what Strapi generates from today’s content types and components', async () => {
    const { generators } = require('@strapi/typescript-utils') as {
      generators: { generate: (config: Record<string, unknown>) => Promise<unknown> };
    };
    const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-types-'));
    try {
      await generators.generate({
        strapi: cms.strapi,
        pwd: APP_DIR,
        rootDir: path.relative(APP_DIR, scratch),
        artifacts: { contentTypes: true, components: true },
        logger: { silent: true },
      });
      for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
        const fresh = readFileSync(path.join(scratch, 'generated', file), 'utf8');
        expect(readFileSync(path.join(APP_DIR, 'types', 'generated', file), 'utf8'), file).toBe(fresh);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
