/**
 * At most `limit` events per key in any `windowMs`, in memory (a restart forgets, which only ever
 * lets a little more through). Keys are kept no longer than the window and never logged.
 */
export class RateLimit {
  readonly #hits = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Counts one event for `key`; false when it is over the limit (and then it is not counted). */
  take(key: string, now = Date.now()): boolean {
    if (this.#hits.size > 10_000) this.#prune(now);
    const recent = (this.#hits.get(key) ?? []).filter((at) => at > now - this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return true;
  }

  #prune(now: number): void {
    for (const [key, hits] of this.#hits) if (hits.every((at) => at <= now - this.#windowMs)) this.#hits.delete(key);
  }
}
