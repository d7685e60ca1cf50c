import type { PostgresStoreOptions } from './postgres-store.ts';
import { SqliteSubscriptionStore } from './sqlite-store.ts';
import type { SubscriptionStore } from './store.ts';

export const isPostgresUrl = (database: string) => /^postgres(ql)?:\/\//i.test(database);

/**
 * The store a configuration names: a postgres:// URL for publishers on several machines (the
 * Postgres implementation and its pg-boss queues are loaded only then), else a SQLite file.
 */
export async function openSubscriptionStore(
  database: string,
  options: PostgresStoreOptions = {},
): Promise<SubscriptionStore> {
  if (!isPostgresUrl(database)) return new SqliteSubscriptionStore(database);
  const { PostgresSubscriptionStore } = await import('./postgres-store.ts');
  return PostgresSubscriptionStore.open(database, options);
}
