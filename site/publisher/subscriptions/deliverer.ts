import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@tablica/shared';
import { confirmationMail, digestMail, type Mail, type SubscriberLinks, versionMail } from './compose.ts';
import type { VersionMessage } from './live-versions.ts';
import type { SendMail } from './mailer.ts';
import type { PushResult } from './push.ts';
import { retryAt } from './schedule.ts';
import type { ClaimedDelivery, PushSubscriber, Subscriber, SubscriptionStore } from './store.ts';

export interface DelivererOptions {
  store: SubscriptionStore;
  send: SendMail;
  /** The links in a subscriber's messages (signed; they name no address). */
  linksFor: (subscriber: Subscriber) => SubscriberLinks;
  confirmUrl: (pendingId: string, language: Locale) => string;
  /** What a confirmation mail says the sign-up is for, in words, and the site's name. */
  describeSignUp: (pendingId: string, language: Locale) => Promise<{ siteName: string; topics: string[] }>;
  confirmHours: number;
  siteHost: string;
  log: (message: string) => void;
  /** Sends one Web Push notification (push.ts); without it, push deliveries wait. */
  push?: (subscriber: PushSubscriber, message: VersionMessage) => Promise<PushResult>;
  /** How many claimed rows at once, and for how long a claim holds before another worker may take it. */
  batchSize?: number;
  leaseMs?: number;
  now?: () => number;
}

/**
 * Works through the outbox: confirmation mails, then notice versions — one mail per version for
 * a subscriber who wants them at once, one summary of everything due for a daily one. A claimed
 * row is marked sent right after the SMTP server accepts it; a failure waits and retries with a
 * growing pause, and the rest of the batch goes on. Logs name counts and ids, never an address.
 */
export class Deliverer {
  readonly worker = randomUUID();
  readonly #options: DelivererOptions;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;
  /** Version messages read so far: a version's message never changes once recorded. */
  readonly #messages = new Map<string, Promise<VersionMessage | undefined>>();

  constructor(options: DelivererOptions) {
    this.#options = options;
  }

  start(intervalMs = 1_000): void {
    this.#timer = setInterval(() => this.poke(), intervalMs);
    this.#timer.unref();
    this.poke();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  /** Something may be due: work now (or right after the run in progress). */
  poke(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.poke();
      }
    });
  }

  /** Resolves when nothing is being worked on (tests wait for it). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while ((await this.#confirmations()) + (await this.#deliveries()) + (await this.#pushes()) > 0) {
        // Keep going while there was work: a large mailing is many batches.
      }
    } catch (error) {
      this.#options.log(`subscriptions: the outbox could not be read: ${(error as Error).message}`);
    }
  }

  /** A version's message, read once per worker (a mailing of thousands reads the same one). */
  #message(key: string): Promise<VersionMessage | undefined> {
    let message = this.#messages.get(key);
    if (!message) {
      // A long-running worker meets every version ever sent: keep only the recent ones.
      if (this.#messages.size >= 1_000) this.#messages.clear();
      message = this.#options.store.versionMessage(key) as Promise<VersionMessage | undefined>;
      this.#messages.set(key, message);
      // A failed read is not remembered: the next try reads again.
      message.catch(() => this.#messages.delete(key));
    }
    return message;
  }

  get #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  async #confirmations(): Promise<number> {
    const { store, send, leaseMs = 120_000, batchSize = 50 } = this.#options;
    const claimed = await store.claimConfirmations(this.#now, leaseMs, batchSize);
    await Promise.all(
      claimed.map(async (pending) => {
        const language = isLocale(pending.language) ? pending.language : DEFAULT_LOCALE;
        const { siteName, topics } = await this.#options.describeSignUp(pending.id, language);
        const mail = confirmationMail(
          language,
          siteName,
          topics,
          this.#options.confirmUrl(pending.id, language),
          this.#options.confirmHours,
        );
        try {
          await send(pending.address, mail);
          await store.confirmationSent(pending.id, this.#now);
        } catch (error) {
          const next = retryAt(pending.attempts, this.#now);
          this.#options.log(
            `subscriptions: a confirmation mail was not accepted (${reason(error)}); ${next ? 'retrying' : 'giving up'}`,
          );
          await store.confirmationFailed(pending.id, next ?? Number.MAX_SAFE_INTEGER);
        }
      }),
    );
    return claimed.length;
  }

  async #deliveries(): Promise<number> {
    const { store, leaseMs = 120_000, batchSize = 200 } = this.#options;
    const claimed = await store.claimDeliveries(this.worker, this.#now, leaseMs, batchSize);
    const bySubscriber = Map.groupBy(claimed, (delivery) => delivery.subscriberId);
    const groups = [...bySubscriber.values()];
    // A few at a time: the mailer's pool has a few connections; more would only queue in memory.
    for (let index = 0; index < groups.length; index += 16) {
      await Promise.all(groups.slice(index, index + 16).map((group) => this.#deliver(group)));
    }
    return claimed.length;
  }

  /** Web Push: one notification per version, at once; a subscription the push service says is gone is forgotten. */
  async #pushes(): Promise<number> {
    const { store, push, leaseMs = 120_000, batchSize = 200 } = this.#options;
    if (!push) return 0;
    const claimed = await store.claimDeliveries(this.worker, this.#now, leaseMs, batchSize, 'push');
    for (let index = 0; index < claimed.length; index += 16) {
      await Promise.all(
        claimed.slice(index, index + 16).map(async (delivery) => {
          const subscriber = await store.pushSubscriber(delivery.subscriberId);
          const message = await this.#message(delivery.versionKey);
          // Unsubscribed since it was queued: nothing to send, nothing to try again.
          if (!subscriber || !message) return store.deliverySent([delivery.id], this.worker, this.#now, 'push');
          const outcome = await push(subscriber, message);
          if (outcome.delivered) await store.deliverySent([delivery.id], this.worker, this.#now, 'push');
          else if (outcome.gone) {
            await store.deletePushSubscriber({ id: subscriber.id });
            await store.deliverySent([delivery.id], this.worker, this.#now, 'push');
          } else {
            const next = retryAt(delivery.attempts, this.#now);
            this.#options.log(
              `subscriptions: a push notification was not accepted (${outcome.result}); ${next ? 'retrying' : 'giving up'}`,
            );
            await store.deliveryFailed([delivery.id], next, this.#now, 'push');
          }
        }),
      );
    }
    return claimed.length;
  }

  async #deliver(group: ClaimedDelivery[]): Promise<void> {
    const { store } = this.#options;
    const subscriber = await store.subscriber(group[0]?.subscriberId ?? '');
    // Unsubscribed since it was queued: nothing to send, nothing to try again.
    if (!subscriber)
      return store.deliverySent(
        group.map((delivery) => delivery.id),
        this.worker,
        this.#now,
      );
    const language = isLocale(subscriber.language) ? subscriber.language : DEFAULT_LOCALE;
    const links = this.#options.linksFor(subscriber);
    const { siteHost } = this.#options;
    const withMessages = (
      await Promise.all(
        group.map(async (delivery) => ({
          delivery,
          message: await this.#message(delivery.versionKey),
        })),
      )
    ).filter((item): item is { delivery: ClaimedDelivery; message: VersionMessage } => item.message !== undefined);
    if (subscriber.frequency === 'daily') {
      // Everything due for a daily reader goes in one summary.
      const messages = withMessages.map((item) => item.message);
      if (messages.length === 0) return;
      await this.#send(subscriber.address, digestMail(messages, language, links, siteHost), group);
      return;
    }
    for (const { delivery, message } of withMessages) {
      const mail = {
        ...versionMail(message, language, links, siteHost),
        // The same id on a resend (a lapsed claim): mail clients show one message, not two.
        messageId: `<${message.slug}.${message.revision}.${subscriber.id}@${siteHost}>`,
      };
      await this.#send(subscriber.address, mail, [delivery]);
    }
  }

  /** Sends one mail for these deliveries: marked sent once accepted, else retried later. */
  async #send(address: string, mail: Mail, deliveries: ClaimedDelivery[]): Promise<void> {
    const { store, send } = this.#options;
    const ids = deliveries.map((delivery) => delivery.id);
    try {
      await send(address, mail);
      await store.deliverySent(ids, this.worker, this.#now);
    } catch (error) {
      const attempts = Math.max(...deliveries.map((delivery) => delivery.attempts));
      const next = retryAt(attempts, this.#now);
      this.#options.log(
        `subscriptions: ${ids.length} delivery(ies) not accepted (${reason(error)}); ${next ? 'retrying' : 'giving up'}`,
      );
      await store.deliveryFailed(ids, next, this.#now);
    }
  }
}

/** The SMTP error, without anything a server may have echoed back (an address, for example). */
function reason(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return [code, responseCode].filter(Boolean).join(' ') || 'error';
}
