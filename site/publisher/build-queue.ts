/**
 * At most one build running and one waiting, however many reasons to build arrive: a burst of
 * webhooks while a build runs becomes exactly one more build, which reads everything they
 * changed. A failed build is retried with growing pauses until one succeeds.
 */
/** Pauses after consecutive failures by default: 5 s, doubling up to 5 minutes. */
export const RETRY_DELAYS_MS = { first: 5_000, max: 300_000 };

export interface BuildQueueOptions {
  build: (reasons: string[]) => Promise<boolean>;
  /** A reason to build arrived while a build runs: it waits for the running one to end. */
  onWaiting?: () => void;
  /** Pauses after consecutive failures: first, doubling up to the last. */
  retryDelaysMs?: { first: number; max: number };
  log?: (message: string) => void;
}

export class BuildQueue {
  #running: Promise<void> | undefined;
  #waiting: string[] | undefined;
  #retry: NodeJS.Timeout | undefined;
  #failures = 0;
  #stopped = false;
  retryAt: Date | undefined;

  readonly options: BuildQueueOptions;

  constructor(options: BuildQueueOptions) {
    this.options = options;
  }

  get running(): boolean {
    return this.#running !== undefined;
  }
  get queued(): boolean {
    return this.#waiting !== undefined;
  }
  get failures(): number {
    return this.#failures;
  }

  /** Asks for a build; returns at once. */
  request(reason: string): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#waiting = [...(this.#waiting ?? []), reason];
      this.options.onWaiting?.();
      return;
    }
    this.#start([reason]);
  }

  /** Resolves when nothing is running or waiting (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  stop(): void {
    this.#stopped = true;
    this.#waiting = undefined;
    clearTimeout(this.#retry);
  }

  #start(reasons: string[]): void {
    clearTimeout(this.#retry);
    this.retryAt = undefined;
    this.#running = (async () => {
      let ok = false;
      try {
        ok = await this.options.build(reasons);
      } catch (error) {
        this.options.log?.(`build crashed: ${(error as Error).message}`);
      }
      this.#failures = ok ? 0 : this.#failures + 1;
      this.#running = undefined;
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (this.#stopped) return;
      if (waiting) this.#start(waiting);
      else if (!ok) this.#scheduleRetry(reasons);
    })();
  }

  #scheduleRetry(reasons: string[]): void {
    const { first, max } = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = Math.min(max, first * 2 ** (this.#failures - 1));
    this.retryAt = new Date(Date.now() + delay);
    this.options.log?.(`retrying in ${Math.round(delay / 1000)} s`);
    this.#retry = setTimeout(() => this.request(`retry after: ${reasons.join(', ')}`), delay);
    this.#retry.unref();
  }
}
