import type { Frequency, SubscriptionRequest } from './request.ts';

/**
 * What the subscriptions keep, and the durable outbox of what they send, behind one interface
 * with two implementations:
 *
 * - SQLite (sqlite-store.ts), the embedded default: one file beside the publisher's builds, shared
 *   by the publishers of one machine; the outbox is a table claimed with UPDATE … RETURNING.
 * - Postgres (postgres-store.ts), for publishers on several machines: the same tables in a
 *   database they share, and the outbox in pg-boss queues (claimed with SKIP LOCKED, expired
 *   claims retried by pg-boss's supervisor).
 *
 * Either way a notice version is queued once per subscriber (the version is recorded once,
 * whichever publisher saw it first) and a sent delivery is never claimed again.
 */
export interface SubscriptionStore {
  close(): Promise<void>;

  // --- sign-up and confirmation
  /** A sign-up waiting for its address to confirm; its confirmation mail is due now. */
  addPending(request: SubscriptionRequest, now: number): Promise<string>;
  /** Sign-ups for this address since `since` (the per-address limit counts them). */
  recentPendingCount(address: string, since: number): Promise<number>;
  /**
   * Confirms a sign-up: the address becomes (or stays) a subscriber with the requested topics
   * added, in the language and frequency it chose last. The sign-up is gone afterwards, so a link
   * works once.
   */
  confirm(pendingId: string, now: number, maxAgeMs: number): Promise<Subscriber | undefined>;
  pendingTopics(id: string): Promise<string[]>;
  /** The retention rule: an address that never confirmed is forgotten after `maxAgeMs`. */
  forgetUnconfirmed(now: number, maxAgeMs: number): Promise<number>;
  /** Confirmation mails due now, claimed so that no other worker sends them too. */
  claimConfirmations(now: number, leaseMs: number, limit: number): Promise<PendingConfirmation[]>;
  confirmationSent(id: string, now: number): Promise<void>;
  confirmationFailed(id: string, retryAt: number): Promise<void>;

  // --- subscribers
  subscriber(id: string): Promise<Subscriber | undefined>;
  subscriberByAddress(address: string): Promise<Subscriber | undefined>;
  updateSubscriber(id: string, change: { topics: string[]; language: string; frequency: Frequency }): Promise<void>;
  /** Unsubscribes and erases: the subscriber, its pending sign-ups and its queued deliveries. */
  deleteSubscriber(id: string): Promise<boolean>;
  /** Erases everything kept about an address (an operator acting on a request). */
  deleteAddress(address: string): Promise<boolean>;
  /** Everything kept about an address, for an operator answering a request for access. */
  exportAddress(address: string): Promise<AddressExport>;

  // --- Web Push
  /** A browser subscribed (again): one row per endpoint, its keys and choices replaced. */
  addPushSubscriber(subscriber: Omit<PushSubscriber, 'id'>, now: number): Promise<string>;
  pushSubscriber(id: string): Promise<PushSubscriber | undefined>;
  /** Unsubscribed in the browser, or the push service says the subscription is gone (404/410). */
  deletePushSubscriber(where: { id?: string; endpoint?: string }): Promise<boolean>;

  // --- notice versions and the outbox
  /** Whether a live build was recorded yet (the first one is the baseline and queues nothing). */
  hasBaseline(): Promise<boolean>;
  /**
   * Records the versions a live build carries. Each version new to this store is queued once for
   * every subscriber of one of its topics (`dueAt` says when, per frequency; Web Push at once);
   * a version seen before queues nothing. Returns the number of deliveries queued.
   */
  recordVersions(versions: RecordedVersion[], now: number, dueAt: (subscriber: Subscriber) => number): Promise<number>;
  versionMessage(key: string): Promise<unknown>;
  /** Deliveries due now, claimed by `worker` for `leaseMs` (a crashed worker's claim then lapses). */
  claimDeliveries(
    worker: string,
    now: number,
    leaseMs: number,
    limit: number,
    channel?: Channel,
  ): Promise<ClaimedDelivery[]>;
  /** Marks sent; a sent delivery is never claimed again. */
  deliverySent(ids: DeliveryId[], worker: string, now: number, channel?: Channel): Promise<void>;
  /** A try failed: due again at `retryAt`, or given up when it is undefined. */
  deliveryFailed(ids: DeliveryId[], retryAt: number | undefined, now: number, channel?: Channel): Promise<void>;
  /** Counts for /status: no addresses, only numbers. */
  counts(): Promise<SubscriptionCounts>;
}

/** The two outboxes: e-mail deliveries and Web Push deliveries, claimed and marked the same way. */
export type Channel = 'email' | 'push';

/** A delivery's id in its outbox: a row number in SQLite, a job id in pg-boss. */
export type DeliveryId = number | string;

export interface RecordedVersion {
  key: string;
  topics: string[];
  message: unknown;
}

/** A browser's push subscription (the Push API's), with what it asked to hear. */
export interface PushSubscriber {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  language: string;
  topics: string[];
}

export interface Subscriber {
  id: string;
  address: string;
  language: string;
  frequency: Frequency;
  topics: string[];
  consentedAt: Date;
}

export interface PendingConfirmation {
  id: string;
  address: string;
  language: string;
  attempts: number;
}

export interface ClaimedDelivery {
  id: DeliveryId;
  subscriberId: string;
  versionKey: string;
  attempts: number;
}

export interface AddressExport {
  subscriber: Subscriber | null;
  pendingSignUps: { language: string; frequency: string; topics: string[]; requestedAt: string }[];
}

export interface SubscriptionCounts {
  subscribers: number;
  pending: number;
  queued: number;
  sent: number;
  gaveUp: number;
  pushSubscribers: number;
  pushQueued: number;
  pushSent: number;
}
