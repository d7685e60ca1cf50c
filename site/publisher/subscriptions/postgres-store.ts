import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Db as IDatabase, PgBoss } from 'pg-boss';
import type { Frequency, SubscriptionRequest } from './request.ts';
import { MAX_ATTEMPTS } from './schedule.ts';
import type {
  AddressExport,
  Channel,
  ClaimedDelivery,
  DeliveryId,
  PendingConfirmation,
  PushSubscriber,
  RecordedVersion,
  Subscriber,
  SubscriptionCounts,
  SubscriptionStore,
} from './store.ts';

/**
 * The subscriptions' store on Postgres, for publishers on several machines: subscribers, sign-ups
 * and notice versions in tables of the schema `tablica_subscriptions`, and the three outboxes
 * (confirmation mails, e-mail deliveries, Web Push deliveries) as pg-boss queues in the schema
 * `tablica_subscriptions_queue`. pg-boss claims jobs with SKIP LOCKED, so two workers never hold
 * the same job; a worker that dies holding jobs loses them when they expire (the lease), and
 * pg-boss's supervisor puts them back for another worker, with its retry delays and backoff.
 *
 * Once only, per subscriber × notice version:
 * - a version is recorded once, in the same transaction that queues its jobs, whichever
 *   publisher recorded it first (the `versions` key);
 * - each job's id is derived from channel × subscriber × version, so queueing it again is a no-op;
 * - a sent job is written to the `sent` ledger in the same transaction that completes it, and a
 *   job found in the ledger when claimed (its worker died between the two) is completed unsent.
 */
const SCHEMA = 'tablica_subscriptions';
const QUEUE_SCHEMA = 'tablica_subscriptions_queue';
const QUEUES = { confirmation: 'tablica-confirmation', email: 'tablica-email', push: 'tablica-push' } as const;

const TABLES = `
  CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.subscribers (
    id uuid PRIMARY KEY,
    address text NOT NULL UNIQUE,
    language text NOT NULL,
    frequency text NOT NULL,
    topics jsonb NOT NULL,
    consented_at bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.pending (
    id uuid PRIMARY KEY,
    address text NOT NULL,
    language text NOT NULL,
    frequency text NOT NULL,
    topics jsonb NOT NULL,
    requested_at bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS pending_address ON ${SCHEMA}.pending (address);
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.versions (
    key text PRIMARY KEY,
    seen_at bigint NOT NULL,
    message jsonb NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.baseline (done int PRIMARY KEY);
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.push_subscribers (
    id uuid PRIMARY KEY,
    endpoint text NOT NULL UNIQUE,
    p256dh text NOT NULL,
    auth text NOT NULL,
    language text NOT NULL,
    topics jsonb NOT NULL,
    subscribed_at bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ${SCHEMA}.sent (
    job_id uuid PRIMARY KEY,
    channel text NOT NULL,
    sent_at bigint NOT NULL
  );
`;

export interface PostgresStoreOptions {
  /** How long a claim holds before another worker may take the job (pg-boss's expiry). */
  leaseSeconds?: number;
  /** The first retry's pause; it doubles up to an hour, as on SQLite. */
  retryDelaySeconds?: number;
  /** How often pg-boss looks for expired claims (its supervisor and monitor passes). */
  superviseIntervalSeconds?: number;
  log?: (message: string) => void;
}

type Row = Record<string, unknown>;

interface DeliveryJob {
  subscriberId: string;
  versionKey: string;
}

const toSubscriber = (row: Row): Subscriber => ({
  id: String(row.id),
  address: String(row.address),
  language: String(row.language),
  frequency: row.frequency as Frequency,
  topics: row.topics as string[],
  consentedAt: new Date(Number(row.consented_at)),
});

/** A job's id: the same channel, subscriber and version always give the same id (a UUID's shape). */
export function deliveryJobId(channel: Channel, subscriberId: string, versionKey: string): string {
  const hex = createHash('sha256').update(`${channel}\n${subscriberId}\n${versionKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class PostgresSubscriptionStore implements SubscriptionStore {
  readonly #pool: pg.Pool;
  readonly #boss: PgBoss;
  readonly #options: Required<Omit<PostgresStoreOptions, 'log'>>;

  private constructor(pool: pg.Pool, boss: PgBoss, options: Required<Omit<PostgresStoreOptions, 'log'>>) {
    this.#pool = pool;
    this.#boss = boss;
    this.#options = options;
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresSubscriptionStore> {
    const log = options.log ?? ((message: string) => console.error(message));
    const settings = {
      leaseSeconds: options.leaseSeconds ?? 120,
      retryDelaySeconds: options.retryDelaySeconds ?? 30,
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    };
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection the server closed must not crash the publisher: it is replaced on next use.
    pool.on('error', (error) => log(`subscriptions: a Postgres connection failed: ${error.message}`));
    const boss = new PgBoss({
      connectionString: url,
      schema: QUEUE_SCHEMA,
      max: 4,
      // Expired claims are found by the monitor pass, which runs at the longer of the two intervals.
      superviseIntervalSeconds: settings.superviseIntervalSeconds,
      monitorIntervalSeconds: settings.superviseIntervalSeconds,
      // Nothing here is scheduled by cron; the publisher's own timers do that.
      schedule: false,
    });
    boss.on('error', (error) => log(`subscriptions: the outbox queue reported: ${error.message}`));
    try {
      const client = await pool.connect();
      try {
        // Two publishers starting at once: one creates the tables, the other waits and finds them.
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('tablica_subscriptions schema'))");
        await client.query(TABLES);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      await boss.start();
      for (const name of Object.values(QUEUES)) {
        if (!(await boss.getQueue(name))) await boss.createQueue(name).catch(() => undefined);
      }
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await pool.end();
      throw error;
    }
    return new PostgresSubscriptionStore(pool, boss, settings);
  }

  async close(): Promise<void> {
    await this.#boss.stop({ graceful: false, timeout: 5_000 });
    await this.#pool.end();
  }

  /** Every job's retry and lease rules (per job, so that a changed setting applies to new jobs). */
  get #jobRules() {
    return {
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: this.#options.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 3_600,
      expireInSeconds: this.#options.leaseSeconds,
    };
  }

  async #transaction<T>(work: (client: pg.PoolClient, db: IDatabase) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      // pg-boss's statements join this transaction through its `db` option.
      const db: IDatabase = { executeSql: (text, values) => client.query(text, values) };
      const result = await work(client, db);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  #query(text: string, values: unknown[] = []): Promise<{ rows: Row[]; rowCount: number | null }> {
    return this.#pool.query(text, values);
  }

  // --- sign-up and confirmation -------------------------------------------------------------

  async addPending(request: SubscriptionRequest, now: number): Promise<string> {
    const id = randomUUID();
    await this.#transaction(async (client, db) => {
      await client.query(
        `INSERT INTO ${SCHEMA}.pending (id, address, language, frequency, topics, requested_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, request.address, request.language, request.frequency, JSON.stringify(request.topics), now],
      );
      // The confirmation mail's job carries only the sign-up's id: no address in the queue.
      await this.#boss.insert(QUEUES.confirmation, [{ id, data: {}, ...this.#jobRules }], { db });
    });
    return id;
  }

  async recentPendingCount(address: string, since: number): Promise<number> {
    const { rows } = await this.#query(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.pending WHERE address = $1 AND requested_at >= $2`,
      [address, since],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async confirm(pendingId: string, now: number, maxAgeMs: number): Promise<Subscriber | undefined> {
    return this.#transaction(async (client) => {
      const { rows } = await client.query(
        `DELETE FROM ${SCHEMA}.pending WHERE id = $1 AND requested_at >= $2 RETURNING *`,
        [pendingId, now - maxAgeMs],
      );
      const pending = rows[0];
      if (!pending) return undefined;
      // One row per address: a second confirmation merges its topics into the first.
      const { rows: saved } = await client.query(
        `INSERT INTO ${SCHEMA}.subscribers AS s (id, address, language, frequency, topics, consented_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (address) DO UPDATE SET language = excluded.language, frequency = excluded.frequency,
           consented_at = excluded.consented_at,
           topics = (SELECT jsonb_agg(DISTINCT t) FROM jsonb_array_elements_text(s.topics || excluded.topics) t)
         RETURNING *`,
        [randomUUID(), pending.address, pending.language, pending.frequency, JSON.stringify(pending.topics), now],
      );
      return saved[0] ? toSubscriber(saved[0]) : undefined;
    });
  }

  async pendingTopics(id: string): Promise<string[]> {
    const { rows } = await this.#query(`SELECT topics FROM ${SCHEMA}.pending WHERE id = $1`, [id]);
    return (rows[0]?.topics as string[] | undefined) ?? [];
  }

  async forgetUnconfirmed(now: number, maxAgeMs: number): Promise<number> {
    const { rowCount } = await this.#query(`DELETE FROM ${SCHEMA}.pending WHERE requested_at < $1`, [now - maxAgeMs]);
    return rowCount ?? 0;
  }

  async claimConfirmations(_now: number, _leaseMs: number, limit: number): Promise<PendingConfirmation[]> {
    const jobs = await this.#boss.fetch(QUEUES.confirmation, { batchSize: limit });
    if (jobs.length === 0) return [];
    const { rows } = await this.#query(
      `SELECT id, address, language FROM ${SCHEMA}.pending WHERE id = ANY($1::uuid[])`,
      [jobs.map((job) => job.id)],
    );
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    // Confirmed or forgotten since it was queued: nothing to send.
    const gone = jobs.filter((job) => !byId.has(job.id)).map((job) => job.id);
    if (gone.length > 0) await this.#boss.complete(QUEUES.confirmation, gone);
    return jobs.flatMap((job) => {
      const row = byId.get(job.id);
      return row
        ? [{ id: job.id, address: String(row.address), language: String(row.language), attempts: job.retryCount }]
        : [];
    });
  }

  async confirmationSent(id: string): Promise<void> {
    await this.#boss.complete(QUEUES.confirmation, id);
  }

  async confirmationFailed(id: string): Promise<void> {
    // pg-boss retries it with the queue's pauses, and gives up after MAX_ATTEMPTS, as SQLite does.
    await this.#boss.fail(QUEUES.confirmation, id);
  }

  // --- subscribers ---------------------------------------------------------------------------

  async subscriber(id: string): Promise<Subscriber | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.#query(`SELECT * FROM ${SCHEMA}.subscribers WHERE id = $1`, [id]);
    return rows[0] ? toSubscriber(rows[0]) : undefined;
  }

  async subscriberByAddress(address: string): Promise<Subscriber | undefined> {
    const { rows } = await this.#query(`SELECT * FROM ${SCHEMA}.subscribers WHERE address = $1`, [address]);
    return rows[0] ? toSubscriber(rows[0]) : undefined;
  }

  async updateSubscriber(id: string, change: { topics: string[]; language: string; frequency: Frequency }) {
    await this.#query(`UPDATE ${SCHEMA}.subscribers SET topics = $1, language = $2, frequency = $3 WHERE id = $4`, [
      JSON.stringify(change.topics),
      change.language,
      change.frequency,
      id,
    ]);
  }

  async deleteSubscriber(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.#transaction(async (client) => {
      const { rows } = await client.query(`DELETE FROM ${SCHEMA}.subscribers WHERE id = $1 RETURNING address`, [id]);
      if (rows[0]) await client.query(`DELETE FROM ${SCHEMA}.pending WHERE address = $1`, [rows[0].address]);
      // Queued jobs name only the subscriber's id; claimed, they find no one and are completed unsent.
      return rows.length > 0;
    });
  }

  async deleteAddress(address: string): Promise<boolean> {
    return this.#transaction(async (client) => {
      const subscribers = await client.query(`DELETE FROM ${SCHEMA}.subscribers WHERE address = $1`, [address]);
      const pending = await client.query(`DELETE FROM ${SCHEMA}.pending WHERE address = $1`, [address]);
      return (subscribers.rowCount ?? 0) + (pending.rowCount ?? 0) > 0;
    });
  }

  async exportAddress(address: string): Promise<AddressExport> {
    const { rows } = await this.#query(
      `SELECT language, frequency, topics, requested_at FROM ${SCHEMA}.pending WHERE address = $1 ORDER BY requested_at`,
      [address],
    );
    return {
      subscriber: (await this.subscriberByAddress(address)) ?? null,
      pendingSignUps: rows.map((row) => ({
        language: String(row.language),
        frequency: String(row.frequency),
        topics: row.topics as string[],
        requestedAt: new Date(Number(row.requested_at)).toISOString(),
      })),
    };
  }

  // --- Web Push ------------------------------------------------------------------------------

  async addPushSubscriber(subscriber: Omit<PushSubscriber, 'id'>, now: number): Promise<string> {
    const { rows } = await this.#query(
      `INSERT INTO ${SCHEMA}.push_subscribers (id, endpoint, p256dh, auth, language, topics, subscribed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,
         language = excluded.language, topics = excluded.topics
       RETURNING id`,
      [
        randomUUID(),
        subscriber.endpoint,
        subscriber.p256dh,
        subscriber.auth,
        subscriber.language,
        JSON.stringify(subscriber.topics),
        now,
      ],
    );
    return String(rows[0]?.id);
  }

  async pushSubscriber(id: string): Promise<PushSubscriber | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.#query(`SELECT * FROM ${SCHEMA}.push_subscribers WHERE id = $1`, [id]);
    const row = rows[0];
    return row
      ? {
          id: String(row.id),
          endpoint: String(row.endpoint),
          p256dh: String(row.p256dh),
          auth: String(row.auth),
          language: String(row.language),
          topics: row.topics as string[],
        }
      : undefined;
  }

  async deletePushSubscriber(where: { id?: string; endpoint?: string }): Promise<boolean> {
    if (where.id !== undefined && !isUuid(where.id)) return false;
    const [column, value] = where.id ? ['id', where.id] : ['endpoint', where.endpoint ?? ''];
    const { rowCount } = await this.#query(`DELETE FROM ${SCHEMA}.push_subscribers WHERE ${column} = $1`, [value]);
    return (rowCount ?? 0) > 0;
  }

  // --- notice versions and the outbox -------------------------------------------------------

  async hasBaseline(): Promise<boolean> {
    const { rows } = await this.#query(`SELECT 1 FROM ${SCHEMA}.baseline`);
    return rows.length > 0;
  }

  async recordVersions(
    versions: RecordedVersion[],
    now: number,
    dueAt: (subscriber: Subscriber) => number,
  ): Promise<number> {
    return this.#transaction(async (client, db) => {
      // Two publishers recording the same build: the second waits, then finds every version known.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('tablica_subscriptions versions'))");
      const baseline =
        ((await client.query(`INSERT INTO ${SCHEMA}.baseline (done) VALUES (1) ON CONFLICT DO NOTHING`)).rowCount ??
          0) > 0;
      let queued = 0;
      for (const version of versions) {
        const inserted = await client.query(
          `INSERT INTO ${SCHEMA}.versions (key, seen_at, message) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [version.key, now, JSON.stringify(version.message)],
        );
        if ((inserted.rowCount ?? 0) === 0 || baseline || version.topics.length === 0) continue;
        const { rows: subscribers } = await client.query(
          `SELECT * FROM ${SCHEMA}.subscribers WHERE topics ?| $1::text[]`,
          [version.topics],
        );
        const emailJobs = subscribers.map(toSubscriber).map((subscriber) => ({
          id: deliveryJobId('email', subscriber.id, version.key),
          data: { subscriberId: subscriber.id, versionKey: version.key } satisfies DeliveryJob,
          startAfter: new Date(dueAt(subscriber)),
          ...this.#jobRules,
        }));
        // A notification is news now or never: always at once.
        const { rows: browsers } = await client.query(
          `SELECT id FROM ${SCHEMA}.push_subscribers WHERE topics ?| $1::text[]`,
          [version.topics],
        );
        const pushJobs = browsers.map((row) => ({
          id: deliveryJobId('push', String(row.id), version.key),
          data: { subscriberId: String(row.id), versionKey: version.key } satisfies DeliveryJob,
          ...this.#jobRules,
        }));
        if (emailJobs.length > 0) await this.#boss.insert(QUEUES.email, emailJobs, { db });
        if (pushJobs.length > 0) await this.#boss.insert(QUEUES.push, pushJobs, { db });
        queued += emailJobs.length + pushJobs.length;
      }
      return queued;
    });
  }

  async versionMessage(key: string): Promise<unknown> {
    const { rows } = await this.#query(`SELECT message FROM ${SCHEMA}.versions WHERE key = $1`, [key]);
    return rows[0]?.message;
  }

  async claimDeliveries(
    _worker: string,
    _now: number,
    _leaseMs: number,
    limit: number,
    channel: Channel = 'email',
  ): Promise<ClaimedDelivery[]> {
    const queue = QUEUES[channel];
    const jobs = await this.#boss.fetch<DeliveryJob>(queue, { batchSize: limit });
    if (jobs.length === 0) return [];
    // A worker died after sending and recording, before completing: complete it, never send twice.
    const { rows } = await this.#query(`SELECT job_id FROM ${SCHEMA}.sent WHERE job_id = ANY($1::uuid[])`, [
      jobs.map((job) => job.id),
    ]);
    const alreadySent = new Set(rows.map((row) => String(row.job_id)));
    if (alreadySent.size > 0) await this.#boss.complete(queue, [...alreadySent]);
    return jobs
      .filter((job) => !alreadySent.has(job.id))
      .map((job) => ({
        id: job.id,
        subscriberId: job.data.subscriberId,
        versionKey: job.data.versionKey,
        attempts: job.retryCount,
      }));
  }

  async deliverySent(ids: DeliveryId[], _worker: string, now: number, channel: Channel = 'email'): Promise<void> {
    if (ids.length === 0) return;
    await this.#transaction(async (client, db) => {
      await client.query(
        `INSERT INTO ${SCHEMA}.sent (job_id, channel, sent_at) SELECT unnest($1::uuid[]), $2, $3 ON CONFLICT DO NOTHING`,
        [ids.map(String), channel, now],
      );
      await this.#boss.complete(QUEUES[channel], ids.map(String), null, { db });
    });
  }

  async deliveryFailed(ids: DeliveryId[], _retryAt: number | undefined, _now: number, channel: Channel = 'email') {
    // pg-boss retries with the job's pauses (30 s doubling up to an hour) and gives up after MAX_ATTEMPTS.
    if (ids.length > 0) await this.#boss.fail(QUEUES[channel], ids.map(String));
  }

  async counts(): Promise<SubscriptionCounts> {
    const { rows } = await this.#query(
      `SELECT (SELECT count(*) FROM ${SCHEMA}.subscribers)::int AS subscribers,
              (SELECT count(*) FROM ${SCHEMA}.pending)::int AS pending,
              (SELECT count(*) FROM ${SCHEMA}.push_subscribers)::int AS push_subscribers,
              (SELECT count(*) FROM ${SCHEMA}.sent WHERE channel = 'email')::int AS sent,
              (SELECT count(*) FROM ${SCHEMA}.sent WHERE channel = 'push')::int AS push_sent`,
    );
    const row = rows[0] ?? {};
    const email = await this.#jobStates(QUEUES.email);
    const push = await this.#jobStates(QUEUES.push);
    return {
      subscribers: Number(row.subscribers),
      pending: Number(row.pending),
      queued: email.waiting,
      sent: Number(row.sent),
      gaveUp: email.failed,
      pushSubscribers: Number(row.push_subscribers),
      pushQueued: push.waiting,
      pushSent: Number(row.push_sent),
    };
  }

  /**
   * Jobs of a queue still to be sent (created, retry, active) and given up (failed), counted now;
   * pg-boss's own queue counts are refreshed only by its monitor. Reads the table pg-boss names
   * for the queue.
   */
  async #jobStates(name: string): Promise<{ waiting: number; failed: number }> {
    const queue = await this.#boss.getQueue(name);
    // pg-boss names its tables itself (job, or j<hash> for a partition); anything else is not read.
    if (!queue || !/^[a-z_][a-z0-9_]*$/.test(queue.table)) return { waiting: 0, failed: 0 };
    const { rows } = await this.#query(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS waiting,
              count(*) FILTER (WHERE state = 'failed')::int AS failed
       FROM ${QUEUE_SCHEMA}.${queue.table} WHERE name = $1`,
      [name],
    );
    return { waiting: Number(rows[0]?.waiting ?? 0), failed: Number(rows[0]?.failed ?? 0) };
  }
}

/** Ids come from signed links and the push endpoint's form; a malformed one finds nothing. */
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
