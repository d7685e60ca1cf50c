import { createHash } from 'node:crypto';
import pg from 'pg';

const RETRY_MS = 1_000;
const CONFIRM_TIMEOUT_MS = 5_000;
/** The first of the lock's two keys: "tabl", so Tablica's locks stand apart from other programs'. */
const NAMESPACE = 0x7461626c;

/**
 * Which of several publishers of one deploy target may build and switch it: the holder of a
 * Postgres session-level advisory lock (TABLICA_PUBLISHER_LEASE=postgres://…). The others are
 * standbys: they serve the live build and wait. Postgres releases the lock the moment the
 * holder's connection ends — its process killed, its machine gone — and a standby takes it
 * within a second.
 *
 * Before each switch the holder confirms its session is still alive (`confirm`): a publisher cut
 * off from Postgres has lost the lock to a standby and must not switch. (A switch already under
 * way when the connection drops can still finish: the window is that one rename.)
 */
export class PublisherLease {
  readonly #url: string;
  readonly #key: number;
  readonly #log: (message: string) => void;
  #client: pg.Client | undefined;
  #held = false;
  #lost = false;
  #stopped = false;
  /** Called once if the lease is lost after it was held: the publisher must stop switching. */
  onLost: (() => void) | undefined;

  constructor(url: string, target: string, log: (message: string) => void) {
    this.#url = url;
    // The second key: the target, so publishers of different sites can share one Postgres.
    this.#key = createHash('sha256').update(target).digest().readInt32BE(0);
    this.#log = log;
  }

  get held(): boolean {
    return this.#held && !this.#lost;
  }

  /** Waits (as a standby) until this publisher holds the lease; false if stopped first. */
  async acquire(): Promise<boolean> {
    let told = false;
    while (!this.#stopped) {
      try {
        const client = await this.#connect();
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS taken', [NAMESPACE, this.#key]);
        if (rows[0]?.taken === true) {
          this.#held = true;
          this.#log(told ? 'lease taken over: this publisher is now the active one' : 'lease held: active publisher');
          return true;
        }
        if (!told) this.#log('standby: another publisher holds the lease; serving the live build and waiting');
        told = true;
      } catch (error) {
        this.#log(`lease: Postgres did not answer (${(error as Error).message}); trying again`);
        await this.#drop();
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    return false;
  }

  /** Throws unless this publisher still holds the lease (its Postgres session is alive). */
  async confirm(): Promise<void> {
    const client = this.#client;
    if (!this.#held || this.#lost || !client) throw new Error('this publisher no longer holds the publishing lease');
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CONFIRM_TIMEOUT_MS)),
      ]);
    } catch (error) {
      this.#lose(`its Postgres session did not answer (${(error as Error).message})`);
      throw new Error('this publisher lost the publishing lease (Postgres did not answer); a standby may hold it');
    }
  }

  async release(): Promise<void> {
    this.#stopped = true;
    this.#held = false;
    await this.#drop();
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({ connectionString: this.#url, application_name: 'tablica-publisher' });
    client.on('error', (error) => this.#lose(`its Postgres connection failed (${error.message})`));
    client.on('end', () => {
      if (this.#client === client) this.#lose('its Postgres connection ended');
    });
    await client.connect();
    this.#client = client;
    return client;
  }

  #lose(why: string): void {
    if (!this.#held || this.#lost || this.#stopped) {
      this.#client = undefined;
      return;
    }
    this.#lost = true;
    this.#client = undefined;
    this.#log(`WARNING: lease lost: ${why}; this publisher stops switching builds`);
    this.onLost?.();
  }

  async #drop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
