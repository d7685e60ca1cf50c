import path from 'node:path';
import type { Core } from '@strapi/strapi';

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
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'tablica'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              schema,
              ssl: env.bool('DATABASE_SSL', false)
                ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
                : false,
            },
        searchPath: [schema],
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
  };
};
