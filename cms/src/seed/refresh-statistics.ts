import type { Core } from '@strapi/strapi';

/**
 * Has the database gather its planner statistics again. After a bulk import they describe the
 * empty tables the import began with, and the first reads are planned as if they still were:
 * a read of every notice took 19 s instead of 0.7 s on Postgres with 2,000 notices (each page's
 * populate queries run side by side, so slow plans hold the pool's connections: at 10,000 the
 * read failed waiting for one), and minutes on SQLite. Run after the import has committed.
 */
export async function refreshStatistics(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') {
    await knex.raw('ANALYZE');
    return;
  }
  // This application's tables only (on Postgres, its schema: others may share the database).
  const current = client === 'postgres' ? 'current_schema()' : 'DATABASE()';
  const result = await knex.raw(
    `SELECT table_schema AS "schema", table_name AS "name" FROM information_schema.tables WHERE table_schema = ${current} AND table_type = 'BASE TABLE'`,
  );
  const rows = (client === 'postgres' ? result.rows : result[0]) as { schema: string; name: string }[];
  for (const { schema, name } of rows) {
    await knex.raw(client === 'postgres' ? 'ANALYZE ??.??' : 'ANALYZE TABLE ??.??', [schema, name]);
  }
}
