import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';

/**
 * A notice is looked up by its address (slug) on every import of it, every save (Strapi's
 * uniqueness check of the uid), and every publish (the site reads what changed by slug). Without
 * an index each lookup read the whole notices table: importing an archive took longer per notice
 * the larger it grew. The plan the database itself makes says whether the index is used;
 * SQLite and Postgres (TABLICA_TEST_DB=postgres).
 */
describe('looking a notice up by its address', () => {
  let cms: RunningStrapi;
  beforeAll(async () => {
    cms = await bootStrapi();
  });
  afterAll(async () => {
    await cms?.stop();
  });

  test('uses an index, not a scan of every notice', async () => {
    const knex = cms.strapi.db.connection;
    const lookup = knex('notices').select('document_id').where('slug', 'mops-zawieszenie').toString();
    if (cms.database === 'sqlite') {
      const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${lookup}`)) as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING (COVERING )?INDEX notices_slug_idx/);
    } else {
      // A table this small is read whole whatever its indexes; the planner is told not to, to see whether it can.
      const plan = await knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        return (await trx.raw(`EXPLAIN ${lookup}`)) as { rows: { 'QUERY PLAN': string }[] };
      });
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
        /(Index|Index Only|Bitmap Index) Scan (using|on) notices_slug_idx/,
      );
    }
  });
});
