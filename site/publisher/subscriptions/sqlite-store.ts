import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Frequency, SubscriptionRequest } from './request.ts';
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
 * The subscriptions' store on the embedded default, SQLite (one file beside the publisher's
 * builds): who asked for what, and the durable outbox of deliveries. It is the only place an
 * address is kept, and only these columns: the address, its topics, language and frequency, and
 * when it consented. Nothing here is ever written into a build.
 *
 * Several publishers may share the file: SQLite serialises writers, every delivery is unique per
 * subscriber × notice version (INSERT OR IGNORE), and a worker claims rows with one UPDATE … RETURNING
 * before sending, so two workers never send the same row and a crashed worker's claim expires.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS subscribers (
    id TEXT PRIMARY KEY,
    address TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    frequency TEXT NOT NULL,
    topics TEXT NOT NULL,
    consented_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS pending (
    id TEXT PRIMARY KEY,
    address TEXT NOT NULL,
    language TEXT NOT NULL,
    frequency TEXT NOT NULL,
    topics TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_until INTEGER,
    sent_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS pending_address ON pending (address);
  CREATE TABLE IF NOT EXISTS versions (
    key TEXT PRIMARY KEY,
    seen_at INTEGER NOT NULL,
    message TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY,
    subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    version_key TEXT NOT NULL REFERENCES versions (key),
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    claimed_until INTEGER,
    sent_at INTEGER,
    gave_up_at INTEGER,
    UNIQUE (subscriber_id, version_key)
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (sent_at, gave_up_at, due_at);
  CREATE TABLE IF NOT EXISTS baseline (done INTEGER PRIMARY KEY);
  CREATE TABLE IF NOT EXISTS push_subscribers (
    id TEXT PRIMARY KEY,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    language TEXT NOT NULL,
    topics TEXT NOT NULL,
    subscribed_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS push_deliveries (
    id INTEGER PRIMARY KEY,
    subscriber_id TEXT NOT NULL REFERENCES push_subscribers (id) ON DELETE CASCADE,
    version_key TEXT NOT NULL REFERENCES versions (key),
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    claimed_until INTEGER,
    sent_at INTEGER,
    gave_up_at INTEGER,
    UNIQUE (subscriber_id, version_key)
  );
  CREATE INDEX IF NOT EXISTS push_deliveries_due ON push_deliveries (sent_at, gave_up_at, due_at);
`;

const OUTBOX: Record<Channel, string> = { email: 'deliveries', push: 'push_deliveries' };

interface SubscriberRow {
  id: string;
  address: string;
  language: string;
  frequency: string;
  topics: string;
  consented_at: number;
}

const toSubscriber = (row: SubscriberRow): Subscriber => ({
  id: row.id,
  address: row.address,
  language: row.language,
  frequency: row.frequency as Frequency,
  topics: JSON.parse(row.topics) as string[],
  consentedAt: new Date(row.consented_at),
});

export class SqliteSubscriptionStore implements SubscriptionStore {
  readonly #db: DatabaseSync;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    // WAL: readers never wait for the writer; busy_timeout: a second process waits its turn.
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    this.#db.exec(SCHEMA);
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  /** Runs `work` in one transaction that takes the write lock at once (no upgrade deadlocks). */
  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  // --- sign-up and confirmation -------------------------------------------------------------

  /** A sign-up waiting for its address to confirm; its confirmation mail is due now. */
  async addPending(request: SubscriptionRequest, now: number): Promise<string> {
    const id = randomUUID();
    this.#db
      .prepare(
        'INSERT INTO pending (id, address, language, frequency, topics, requested_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, request.address, request.language, request.frequency, JSON.stringify(request.topics), now, now);
    return id;
  }

  /** Sign-ups for this address in the last `windowMs` (the per-address limit counts them). */
  async recentPendingCount(address: string, since: number): Promise<number> {
    const row = this.#db
      .prepare('SELECT count(*) AS n FROM pending WHERE address = ? AND requested_at >= ?')
      .get(address, since) as { n: number };
    return row.n;
  }

  /**
   * Confirms a sign-up: the address becomes (or stays) a subscriber with the requested topics
   * added, in the language and frequency it chose last. The pending row is gone afterwards, so a
   * link works once.
   */
  async confirm(pendingId: string, now: number, maxAgeMs: number): Promise<Subscriber | undefined> {
    return this.#transaction(() => {
      const pending = this.#db
        .prepare('DELETE FROM pending WHERE id = ? AND requested_at >= ? RETURNING *')
        .get(pendingId, now - maxAgeMs) as
        | { address: string; language: string; frequency: string; topics: string }
        | undefined;
      if (!pending) return undefined;
      const existing = this.#db.prepare('SELECT * FROM subscribers WHERE address = ?').get(pending.address) as
        | SubscriberRow
        | undefined;
      const topics = [...new Set([...(existing ? JSON.parse(existing.topics) : []), ...JSON.parse(pending.topics)])];
      if (existing) {
        this.#db
          .prepare('UPDATE subscribers SET language = ?, frequency = ?, topics = ?, consented_at = ? WHERE id = ?')
          .run(pending.language, pending.frequency, JSON.stringify(topics), now, existing.id);
        return this.#subscriber(existing.id);
      }
      const id = randomUUID();
      this.#db
        .prepare(
          'INSERT INTO subscribers (id, address, language, frequency, topics, consented_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(id, pending.address, pending.language, pending.frequency, JSON.stringify(topics), now);
      return this.#subscriber(id);
    });
  }

  async pendingTopics(id: string): Promise<string[]> {
    const row = this.#db.prepare('SELECT topics FROM pending WHERE id = ?').get(id) as { topics: string } | undefined;
    return row ? (JSON.parse(row.topics) as string[]) : [];
  }

  /** The retention rule: an address that never confirmed is forgotten after `maxAgeMs`. */
  async forgetUnconfirmed(now: number, maxAgeMs: number): Promise<number> {
    return Number(this.#db.prepare('DELETE FROM pending WHERE requested_at < ?').run(now - maxAgeMs).changes);
  }

  /** Confirmation mails due now, claimed for `leaseMs` so that no other worker sends them too. */
  async claimConfirmations(now: number, leaseMs: number, limit: number): Promise<PendingConfirmation[]> {
    return this.#db
      .prepare(
        `UPDATE pending SET claimed_until = ? WHERE id IN (
           SELECT id FROM pending WHERE sent_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
           ORDER BY due_at LIMIT ?)
         RETURNING id, address, language, attempts`,
      )
      .all(now + leaseMs, now, now, limit) as unknown as PendingConfirmation[];
  }

  async confirmationSent(id: string, now: number): Promise<void> {
    this.#db.prepare('UPDATE pending SET sent_at = ?, claimed_until = NULL WHERE id = ?').run(now, id);
  }

  async confirmationFailed(id: string, retryAt: number): Promise<void> {
    this.#db
      .prepare('UPDATE pending SET attempts = attempts + 1, due_at = ?, claimed_until = NULL WHERE id = ?')
      .run(retryAt, id);
  }

  // --- subscribers ---------------------------------------------------------------------------

  async subscriber(id: string): Promise<Subscriber | undefined> {
    return this.#subscriber(id);
  }

  #subscriber(id: string): Subscriber | undefined {
    const row = this.#db.prepare('SELECT * FROM subscribers WHERE id = ?').get(id) as SubscriberRow | undefined;
    return row ? toSubscriber(row) : undefined;
  }

  async subscriberByAddress(address: string): Promise<Subscriber | undefined> {
    return this.#subscriberByAddress(address);
  }

  #subscriberByAddress(address: string): Subscriber | undefined {
    const row = this.#db.prepare('SELECT * FROM subscribers WHERE address = ?').get(address) as
      | SubscriberRow
      | undefined;
    return row ? toSubscriber(row) : undefined;
  }

  async updateSubscriber(
    id: string,
    change: { topics: string[]; language: string; frequency: Frequency },
  ): Promise<void> {
    this.#db
      .prepare('UPDATE subscribers SET topics = ?, language = ?, frequency = ? WHERE id = ?')
      .run(JSON.stringify(change.topics), change.language, change.frequency, id);
  }

  /** Unsubscribes and erases: the subscriber, its pending sign-ups and its queued deliveries. */
  async deleteSubscriber(id: string): Promise<boolean> {
    return this.#transaction(() => {
      const row = this.#db.prepare('DELETE FROM subscribers WHERE id = ? RETURNING address').get(id) as
        | { address: string }
        | undefined;
      if (row) this.#db.prepare('DELETE FROM pending WHERE address = ?').run(row.address);
      return row !== undefined;
    });
  }

  /** Erases everything kept about an address (an operator acting on a request). */
  async deleteAddress(address: string): Promise<boolean> {
    return this.#transaction(() => {
      const subscribers = this.#db.prepare('DELETE FROM subscribers WHERE address = ?').run(address).changes;
      const pending = this.#db.prepare('DELETE FROM pending WHERE address = ?').run(address).changes;
      return Number(subscribers) + Number(pending) > 0;
    });
  }

  /** Everything kept about an address, for an operator answering a request for access. */
  async exportAddress(address: string): Promise<AddressExport> {
    const pendingSignUps = (
      this.#db
        .prepare('SELECT language, frequency, topics, requested_at FROM pending WHERE address = ?')
        .all(address) as { language: string; frequency: string; topics: string; requested_at: number }[]
    ).map((row) => ({
      language: row.language,
      frequency: row.frequency,
      topics: JSON.parse(row.topics) as string[],
      requestedAt: new Date(row.requested_at).toISOString(),
    }));
    return { subscriber: this.#subscriberByAddress(address) ?? null, pendingSignUps };
  }

  // --- Web Push ------------------------------------------------------------------------------

  /** A browser subscribed (again): one row per endpoint, its keys and choices replaced. */
  async addPushSubscriber(subscriber: Omit<PushSubscriber, 'id'>, now: number): Promise<string> {
    const row = this.#db
      .prepare(
        `INSERT INTO push_subscribers (id, endpoint, p256dh, auth, language, topics, subscribed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,
           language = excluded.language, topics = excluded.topics
         RETURNING id`,
      )
      .get(
        randomUUID(),
        subscriber.endpoint,
        subscriber.p256dh,
        subscriber.auth,
        subscriber.language,
        JSON.stringify(subscriber.topics),
        now,
      ) as { id: string };
    return row.id;
  }

  async pushSubscriber(id: string): Promise<PushSubscriber | undefined> {
    const row = this.#db.prepare('SELECT * FROM push_subscribers WHERE id = ?').get(id) as
      | (Omit<PushSubscriber, 'topics'> & { topics: string })
      | undefined;
    return row ? { ...row, topics: JSON.parse(row.topics) as string[] } : undefined;
  }

  /** Unsubscribed in the browser, or the push service says the subscription is gone (404/410). */
  async deletePushSubscriber(where: { id?: string; endpoint?: string }): Promise<boolean> {
    const [column, value] = where.id ? ['id', where.id] : ['endpoint', where.endpoint ?? ''];
    return Number(this.#db.prepare(`DELETE FROM push_subscribers WHERE ${column} = ?`).run(value).changes) > 0;
  }

  #pushSubscribersOf(topics: string[]): string[] {
    if (topics.length === 0) return [];
    return (
      this.#db
        .prepare(
          `SELECT DISTINCT p.id FROM push_subscribers p, json_each(p.topics) t
           WHERE t.value IN (${topics.map(() => '?').join(', ')})`,
        )
        .all(...topics) as { id: string }[]
    ).map((row) => row.id);
  }

  /** Subscribers one of whose topics is among `topics`. */
  #subscribersOf(topics: string[]): Subscriber[] {
    if (topics.length === 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT DISTINCT s.* FROM subscribers s, json_each(s.topics) t
         WHERE t.value IN (${topics.map(() => '?').join(', ')})`,
      )
      .all(...topics) as unknown as SubscriberRow[];
    return rows.map(toSubscriber);
  }

  // --- notice versions and the outbox -------------------------------------------------------

  /**
   * Whether any live build was recorded yet. The first one is a baseline: what was already
   * published before subscriptions existed is not news to anyone.
   */
  async hasBaseline(): Promise<boolean> {
    return this.#db.prepare('SELECT 1 FROM baseline').get() !== undefined;
  }

  /**
   * Records the versions a live build carries. Each version new to this store is queued once for
   * every subscriber of one of its topics (`dueAt` says when, per frequency); a version seen before
   * queues nothing, whichever publisher saw it first. Returns the number of deliveries queued.
   */
  async recordVersions(
    versions: RecordedVersion[],
    now: number,
    dueAt: (subscriber: Subscriber) => number,
  ): Promise<number> {
    return this.#transaction(() => {
      const baseline = this.#db.prepare('INSERT OR IGNORE INTO baseline (done) VALUES (1)').run().changes > 0;
      const insertVersion = this.#db.prepare('INSERT OR IGNORE INTO versions (key, seen_at, message) VALUES (?, ?, ?)');
      const queue = this.#db.prepare(
        'INSERT OR IGNORE INTO deliveries (subscriber_id, version_key, due_at) VALUES (?, ?, ?)',
      );
      const queuePush = this.#db.prepare(
        'INSERT OR IGNORE INTO push_deliveries (subscriber_id, version_key, due_at) VALUES (?, ?, ?)',
      );
      let queued = 0;
      for (const version of versions) {
        const isNew = insertVersion.run(version.key, now, JSON.stringify(version.message)).changes > 0;
        if (!isNew || baseline) continue;
        for (const subscriber of this.#subscribersOf(version.topics)) {
          queued += Number(queue.run(subscriber.id, version.key, dueAt(subscriber)).changes);
        }
        // A notification is news now or never: always at once.
        for (const id of this.#pushSubscribersOf(version.topics)) {
          queued += Number(queuePush.run(id, version.key, now).changes);
        }
      }
      return queued;
    });
  }

  async versionMessage(key: string): Promise<unknown> {
    const row = this.#db.prepare('SELECT message FROM versions WHERE key = ?').get(key) as
      | { message: string }
      | undefined;
    return row ? JSON.parse(row.message) : undefined;
  }

  /** Deliveries due now, claimed by `worker` for `leaseMs` (a crashed worker's claim then lapses). */
  async claimDeliveries(
    worker: string,
    now: number,
    leaseMs: number,
    limit: number,
    channel: Channel = 'email',
  ): Promise<ClaimedDelivery[]> {
    const table = OUTBOX[channel];
    const rows = this.#db
      .prepare(
        `UPDATE ${table} SET claimed_by = ?, claimed_until = ? WHERE id IN (
           SELECT id FROM ${table}
           WHERE sent_at IS NULL AND gave_up_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
           ORDER BY due_at, id LIMIT ?)
         RETURNING id, subscriber_id, version_key, attempts`,
      )
      .all(worker, now + leaseMs, now, now, limit) as {
      id: number;
      subscriber_id: string;
      version_key: string;
      attempts: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      subscriberId: row.subscriber_id,
      versionKey: row.version_key,
      attempts: row.attempts,
    }));
  }

  /** Marks sent — only if this worker still holds the claim (a lapsed claim was given to another). */
  async deliverySent(ids: DeliveryId[], worker: string, now: number, channel: Channel = 'email'): Promise<void> {
    const mark = this.#db.prepare(
      `UPDATE ${OUTBOX[channel]} SET sent_at = ?, claimed_until = NULL WHERE id = ? AND claimed_by = ?`,
    );
    this.#transaction(() => {
      for (const id of ids) mark.run(now, id, worker);
    });
  }

  async deliveryFailed(
    ids: DeliveryId[],
    retryAt: number | undefined,
    now: number,
    channel: Channel = 'email',
  ): Promise<void> {
    const table = OUTBOX[channel];
    const retry = this.#db.prepare(
      `UPDATE ${table} SET attempts = attempts + 1, due_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?`,
    );
    const giveUp = this.#db.prepare(
      `UPDATE ${table} SET attempts = attempts + 1, gave_up_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?`,
    );
    this.#transaction(() => {
      for (const id of ids) {
        if (retryAt === undefined) giveUp.run(now, id);
        else retry.run(retryAt, id);
      }
    });
  }

  /** Counts for /status: no addresses, only numbers. */
  async counts(): Promise<SubscriptionCounts> {
    const one = (sql: string) => (this.#db.prepare(sql).get() as { n: number }).n;
    return {
      subscribers: one('SELECT count(*) AS n FROM subscribers'),
      pending: one('SELECT count(*) AS n FROM pending'),
      queued: one('SELECT count(*) AS n FROM deliveries WHERE sent_at IS NULL AND gave_up_at IS NULL'),
      sent: one('SELECT count(*) AS n FROM deliveries WHERE sent_at IS NOT NULL'),
      gaveUp: one('SELECT count(*) AS n FROM deliveries WHERE gave_up_at IS NOT NULL'),
      pushSubscribers: one('SELECT count(*) AS n FROM push_subscribers'),
      pushQueued: one('SELECT count(*) AS n FROM push_deliveries WHERE sent_at IS NULL AND gave_up_at IS NULL'),
      pushSent: one('SELECT count(*) AS n FROM push_deliveries WHERE sent_at IS NOT NULL'),
    };
  }
}
