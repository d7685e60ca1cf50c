import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { numberSetting } from '@tablica/shared/number-setting';
import { withUnicodeCase } from '../src/database/sqlite-unicode-case';

/**
 * SQLite (better-sqlite3) by default, in cms/.tmp/data.db; Postgres when DATABASE_URL or
 * DATABASE_CLIENT=postgres is set (DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD/SCHEMA/SSL).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('DATABASE_URL', '');
  const client = env('DATABASE_CLIENT', url ? 'postgres' : 'sqlite');

  if (client === 'postgres') {
    const schema = env('DATABASE_SCHEMA', 'public');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, schema }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: numberSetting(env, 'DATABASE_PORT', {
                fallback: 5432,
                what: 'a port number',
                whole: true,
                most: 65_535,
              }),
              database: env('DATABASE_NAME', 'tablica'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              schema,
              ssl: env.bool('DATABASE_SSL', false)
                ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
                : false,
            },
        searchPath: [schema],
        pool: {
          min: numberSetting(env, 'DATABASE_POOL_MIN', {
            fallback: 2,
            what: 'a whole number of connections',
            whole: true,
            zero: true,
          }),
          max: numberSetting(env, 'DATABASE_POOL_MAX', {
            fallback: 10,
            what: 'a whole number of connections',
            whole: true,
          }),
        },
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
      // Case folding of every letter in searches and filters, as Postgres does (src/database/).
      pool: { afterCreate: withUnicodeCase },
    },
  };
};
