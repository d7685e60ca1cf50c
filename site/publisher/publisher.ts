import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchIndexIsStale } from '../scripts/search-index-later.ts';
import { isReportFile, publishedNoticesFile, reportFileName } from '../src/lib/build-report.ts';
import { type BuildManifest, checkBuild, dropVerdict } from './build-check.ts';
import { BuildQueue } from './build-queue.ts';
import { cmsFingerprint } from './cms-changes.ts';
import type { DeployTarget } from './deploy/deploy-target.ts';
import { runSearchIndexBuild, runSiteBuild } from './site-build.ts';

/** A build's time limit by default (PublisherOptions.buildTimeoutMs). */
export const BUILD_TIMEOUT_MINUTES = 30;
const BUILD_TIMEOUT_MS = BUILD_TIMEOUT_MINUTES * 60_000;
/** How often the CMS is asked for a change whose webhook was lost, by default (PublisherOptions.pollIntervalMs). */
export const POLL_SECONDS = 120;

export interface PublisherOptions {
  /** Where checked builds go live (deploy/from-env.ts picks it from the environment). */
  target: DeployTarget;
  /** Where content comes from, for the build and for polling: the CMS's public API. */
  strapiUrl: string;
  strapiToken?: string | undefined;
  /** Extra environment for the build (TABLICA_BASE_URL, …). */
  buildEnv?: NodeJS.ProcessEnv;
  /** How often the CMS is asked whether anything changed (a lost webhook is stale at most this long). */
  pollIntervalMs?: number;
  /**
   * How long a build (or a search index) may run before it is stopped and counts as failed: a
   * CMS that stopped answering mid-read must not hold the queue for ever. Default 30 minutes (it
   * was 10: a full build of 30,000 notices took 7 to 10 minutes on two cores, and one that is
   * always stopped never goes live). Any build may be a full one: a change of the site's settings
   * renders every page even of a build that started from the live one.
   */
  buildTimeoutMs?: number;
  retryDelaysMs?: { first: number; max: number };
  log?: (message: string) => void;
  /**
   * A build went live: its report (the notice versions it published, its institutions and
   * settings). Subscriptions announce what is new in it — only now does every link in a message work.
   */
  onLive?: (report: unknown) => void;
  /** A build is live in `directory` (`previous` was live before it): WebSub hubs are told. */
  onSwitched?: (previous: string | undefined, directory: string) => void;
  /** Counts for /status from the subscriptions (never an address). */
  subscriptionStatus?: () => Promise<object>;
  /**
   * Several publishers of one target (lease.ts): this one builds only while it holds the lease,
   * and confirms it still does before every switch.
   */
  lease?: { readonly held: boolean; confirm(): Promise<void> };
  /** Render only what changed since the live build (default); false renders every page each time. */
  incremental?: boolean;
  /**
   * An incremental build goes live with the previous search index, then the index is built and
   * switched to (scripts/search-index-later.ts); false: every build indexes before it goes live.
   */
  searchIndexLater?: boolean;
}

export interface BuildRecord {
  id: string;
  reasons: string[];
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  result: 'running' | 'live' | 'failed' | 'refused';
  message?: string;
  /** Notices this build could not publish as they are now (also status().notUpdated while it is live). */
  notUpdated?: NotUpdated[];
  /** The live build this one linked its unchanged notices' files from; unset: every page rendered. */
  incrementalFrom?: string;
  /** How the build read the notices: all of them, or the changed ones beside the last read's. */
  noticesRead?: string;
  /** Attachments that could not be copied into the site. */
  attachmentsLeftOut?: string[];
  /** Its search index, when built after it went live: the build that has it, or why it failed. */
  searchIndex?: {
    build?: string;
    durationMs: number;
    failed?: string;
    /** Stopped for a newer build that was waiting: that one is indexed once it is live. */
    setAside?: true;
  };
}

/** A notice whose current version fails the rules: what the site shows instead, and why. */
export interface NotUpdated {
  slug: string;
  locale: string;
  shown: 'previous version' | 'nothing';
  shownRevision?: number;
  errors: string[];
}

interface BuildReport {
  problems: {
    slug: string;
    locale: string;
    kept: 'previous' | 'none';
    keptRevision?: number;
    errors: { location: string; message: string }[];
  }[];
  skippedAttachments: string[];
  noticesRead?: string;
}

/** Longest a timer waits: past it the publisher rebuilds anyway (and computes the next change). */
const MAX_TIMER_MS = 24 * 3_600_000;

/**
 * Keeps the live site in step with the CMS: builds on request (webhook, poll, schedule), checks
 * each build, switches to it atomically, and keeps the live site when anything goes wrong.
 */
export class Publisher {
  readonly target: DeployTarget;
  readonly queue: BuildQueue;
  lastBuild: BuildRecord | undefined;
  lastPoll: { at: string; ok: boolean; changed?: boolean } | undefined;
  nextScheduledBuild: Date | undefined;
  /** Builds started since this publisher started. */
  buildCount = 0;
  /** What the live build could not update (empty when every notice went out as it is). */
  liveNotUpdated: NotUpdated[] = [];
  /** Notices the CMS said it unpublished or deleted since the live build was made. */
  readonly #removed = new Set<string>();
  #force = false;
  /**
   * The build the next one may start from (its live directory): set when a build of this process
   * goes live, cleared by a failure or a request for a full build. Unset, the build renders every
   * page: on start, after a failure, on demand.
   */
  #incrementalBase: string | undefined;
  #started = false;
  #builtFingerprint: string | undefined;
  #killBuild: (() => void) | undefined;
  /** While a live build's search index is being made: stops it, for a build that is waiting. */
  #setIndexAside: (() => void) | undefined;
  #scheduleTimer: NodeJS.Timeout | undefined;
  #pollTimer: NodeJS.Timeout | undefined;
  readonly #log: (message: string) => void;

  readonly options: PublisherOptions;

  constructor(options: PublisherOptions) {
    this.options = options;
    this.target = options.target;
    this.#log = options.log ?? ((message) => console.log(`[publisher] ${new Date().toISOString()} ${message}`));
    this.queue = new BuildQueue({
      build: (reasons) => this.#build(reasons),
      // A change waiting while the last build's search index is made: the index is set aside,
      // as the change's build will go live without it and be indexed itself.
      onWaiting: () => this.#setIndexAside?.(),
      retryDelaysMs: options.retryDelaysMs,
      log: this.#log,
    });
  }

  /** Serves what is live (if anything), then builds once and starts watching for changes. */
  start(): void {
    this.target.lock();
    this.#started = true;
    const leftovers = [...this.target.recover(), ...this.#removeStaleReports()];
    if (leftovers.length > 0) this.#log(`removed unfinished build(s) ${leftovers.join(', ')}`);
    const live = this.liveManifest();
    if (live) this.#schedule(live.nextChangeAt);
    this.queue.request('start');
    const interval = this.options.pollIntervalMs ?? POLL_SECONDS * 1000;
    this.#pollTimer = setInterval(() => void this.poll(), interval);
    this.#pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.queue.stop();
    clearInterval(this.#pollTimer);
    clearTimeout(this.#scheduleTimer);
    this.#killBuild?.();
    await this.queue.idle();
    if (this.#started) this.target.unlock();
  }

  /** A webhook arrived (already authenticated). */
  notify(reason: string, removedNotice?: string, force = false, full = false): void {
    if (removedNotice) this.#removed.add(removedNotice);
    if (force) this.#force = true;
    if (full) this.#incrementalBase = undefined;
    // Before start() (the CMS still booting and seeding), the first build will read it all anyway.
    if (this.#started) this.queue.request(reason);
  }

  /** Asks the CMS whether anything changed since the live build began; rebuilds if so. */
  async poll(): Promise<void> {
    try {
      const fingerprint = await cmsFingerprint(this.options.strapiUrl, this.options.strapiToken);
      const changed = this.#builtFingerprint !== undefined && fingerprint !== this.#builtFingerprint;
      this.lastPoll = { at: new Date().toISOString(), ok: true, changed };
      if (changed && !this.queue.running && !this.queue.queued) this.queue.request('poll: the CMS changed');
    } catch (error) {
      this.lastPoll = { at: new Date().toISOString(), ok: false };
      this.#log(`poll failed: ${(error as Error).message}`);
    }
  }

  liveManifest(): BuildManifest | undefined {
    return this.target.liveManifest();
  }

  status() {
    const live = this.target.live();
    return {
      // With a lease, a publisher waiting for it serves the live build and builds nothing.
      role: !this.options.lease || this.options.lease.held ? 'active' : 'standby',
      live: live ? { id: live, ...this.liveManifest() } : null,
      notUpdated: this.liveNotUpdated,
      lastBuild: this.lastBuild ?? null,
      buildCount: this.buildCount,
      queue: {
        running: this.queue.running,
        queued: this.queue.queued,
        consecutiveFailures: this.queue.failures,
        retryAt: this.queue.retryAt?.toISOString() ?? null,
      },
      nextScheduledBuild: this.nextScheduledBuild?.toISOString() ?? null,
      lastPoll: this.lastPoll ?? null,
      builds: this.target.list(),
    };
  }

  /**
   * status() and the subscriptions' counts, which their store answers asynchronously (for
   * /status). A store that cannot answer (its Postgres is down) is reported as unavailable: the
   * publisher's own state is what an operator needs most then.
   */
  async statusWithSubscriptions() {
    let subscriptions: unknown = null;
    try {
      subscriptions = (await this.options.subscriptionStatus?.()) ?? null;
    } catch (error) {
      subscriptions = { unavailable: `the subscriptions store did not answer (${(error as Error).name})` };
    }
    return { ...this.status(), subscriptions };
  }

  async #build(reasons: string[]): Promise<boolean> {
    const { id, directory, spare } = this.target.startBuild();
    this.buildCount += 1;
    const started = Date.now();
    const record: BuildRecord = { id, reasons, startedAt: new Date(started).toISOString(), result: 'running' };
    this.lastBuild = record;
    const removed = new Set(this.#removed);
    const force = this.#force;
    this.#force = false;
    // Taken before reading: a change made while the build runs is seen by the next poll.
    const fingerprint = await cmsFingerprint(this.options.strapiUrl, this.options.strapiToken).catch(() => undefined);
    this.#log(`build ${id} started (${reasons.join('; ')})`);
    const finish = (result: BuildRecord['result'], message?: string) => {
      record.result = result;
      record.finishedAt = new Date().toISOString();
      record.durationMs = Date.now() - started;
      if (message) record.message = this.#withoutPaths(message);
      this.#log(`build ${id} ${result} in ${(record.durationMs / 1000).toFixed(1)} s${message ? `: ${message}` : ''}`);
      return result === 'live';
    };

    const reportFile = path.join(this.target.stateDirectory, reportFileName(id));
    // Only a build still live on this machine can lend its files (a rollback may have moved on).
    const base =
      this.options.incremental !== false && this.#incrementalBase === this.target.liveDirectory()
        ? this.#incrementalBase
        : undefined;
    if (base) record.incrementalFrom = path.basename(base);
    const run = await runSiteBuild(directory, {
      incrementalFrom: base,
      recycle: base ? spare : undefined,
      searchIndexLater: this.options.searchIndexLater !== false,
      env: {
        ...process.env,
        ...this.options.buildEnv,
        STRAPI_URL: this.options.strapiUrl,
        ...(this.options.strapiToken ? { STRAPI_TOKEN: this.options.strapiToken } : {}),
        TABLICA_CONTENT: '',
        TABLICA_LAST_GOOD: this.#lastGoodFile,
        TABLICA_BUILD_REPORT: reportFile,
        // Kept across builds; a full build (on start, after a failure, on demand) reads every notice.
        TABLICA_NOTICE_CACHE: path.join(this.target.stateDirectory, 'notice-read-cache.v8'),
        TABLICA_NOTICE_CACHE_REUSE: base ? '1' : '0',
      },
      timeoutMs: this.options.buildTimeoutMs ?? BUILD_TIMEOUT_MS,
      onSpawn: (kill) => {
        this.#killBuild = kill;
      },
    });
    this.#killBuild = undefined;
    const discard = () => {
      this.target.discardBuild(id);
      rmSync(reportFile, { force: true });
      rmSync(publishedNoticesFile(reportFile), { force: true });
    };
    if (!run.ok) {
      this.#incrementalBase = undefined;
      discard();
      return finish('failed', run.killed ? 'the build was stopped (timeout or shutdown)' : run.tail);
    }
    const check = checkBuild(directory, base);
    if (!check.ok) {
      this.#incrementalBase = undefined;
      discard();
      return finish('failed', `incomplete build: ${check.problems.slice(0, 5).join('; ')}`);
    }
    const live = this.liveManifest();
    const refusal = live && !force ? dropVerdict(live.notices, check.manifest.notices, removed.size) : undefined;
    if (refusal) {
      discard();
      return finish('refused', refusal);
    }
    const previousDirectory = this.target.liveDirectory();
    try {
      await this.options.lease?.confirm();
    } catch (error) {
      discard();
      return finish('failed', (error as Error).message);
    }
    try {
      await this.target.goLive(id);
    } catch (error) {
      this.#incrementalBase = undefined;
      discard();
      return finish('failed', `could not go live on ${this.target.description}: ${(error as Error).message}`);
    }
    this.#takeReport(reportFile, record);
    const liveDirectory = this.target.liveDirectory();
    this.#switched(previousDirectory, liveDirectory, `build ${id}`);
    for (const notice of removed) this.#removed.delete(notice);
    if (fingerprint) this.#builtFingerprint = fingerprint;
    this.#schedule(check.manifest.nextChangeAt);
    const wentLive = finish('live', `${check.manifest.notices} notices`);
    if (liveDirectory && searchIndexIsStale(liveDirectory)) await this.#indexSearch(record, liveDirectory);
    return wentLive;
  }

  /**
   * The search index of a build that went live with the previous one: built into a copy of it
   * (hard links), switched to, and the stale build forgotten, so that a rollback goes back one
   * publish, not to the same one without its index. On failure the build stays live with the
   * old index, and the next build tries again (it links the stale index, marked as such).
   */
  async #indexSearch(record: BuildRecord, liveDirectory: string): Promise<void> {
    const started = Date.now();
    const { id, directory, spare } = this.target.startBuild();
    const failed = (message: string) => {
      this.target.discardBuild(id);
      record.searchIndex = { durationMs: Date.now() - started, failed: this.#withoutPaths(message) };
      this.#log(`WARNING: build ${record.id} is live with the previous search index: ${record.searchIndex.failed}`);
    };
    // Pagefind reads every notice page again (tens of seconds at 10,000 notices): a publish made
    // meanwhile must not wait for it, nor share the cores with it.
    let setAside = false;
    this.#log(`build ${record.id}: making its search index`);
    const run = await runSearchIndexBuild(liveDirectory, directory, {
      recycle: spare,
      env: { ...process.env, ...this.options.buildEnv },
      timeoutMs: this.options.buildTimeoutMs ?? BUILD_TIMEOUT_MS,
      onSpawn: (kill) => {
        this.#killBuild = kill;
        this.#setIndexAside = () => {
          setAside = true;
          kill();
        };
        if (this.queue.queued) this.#setIndexAside();
      },
    });
    this.#killBuild = undefined;
    this.#setIndexAside = undefined;
    if (setAside) {
      this.target.discardBuild(id);
      record.searchIndex = { durationMs: Date.now() - started, setAside: true };
      this.#log(`build ${record.id}: search index set aside for a newer build, which is indexed once it is live`);
      return;
    }
    if (!run.ok) return failed(run.killed ? 'stopped (timeout or shutdown)' : run.tail);
    const check = checkBuild(directory, liveDirectory);
    if (!check.ok) return failed(`incomplete: ${check.problems.slice(0, 5).join('; ')}`);
    try {
      await this.options.lease?.confirm();
      // Only if nothing else went live meanwhile (a rollback): never switch back over it.
      if (this.target.liveDirectory() !== liveDirectory) return failed('another build went live meanwhile');
      await this.target.goLive(id);
    } catch (error) {
      return failed((error as Error).message);
    }
    // Told while the replaced build is still there: WebSub compares the feeds of the two, and a
    // build already forgotten (moved away as the spare) made every feed look changed.
    this.#switched(liveDirectory, this.target.liveDirectory(), `the search index of ${record.id}`);
    try {
      await this.target.forget?.(record.id);
    } catch (error) {
      // The index is live; the stale build is only one more to roll back to.
      this.#log(`WARNING: build ${record.id} (replaced by ${id}) could not be removed: ${(error as Error).message}`);
    }
    record.searchIndex = { build: id, durationMs: Date.now() - started };
    this.#log(
      `build ${record.id}: search index live as build ${id} in ${(record.searchIndex.durationMs / 1000).toFixed(1)} s`,
    );
  }

  /**
   * A build of this process went live in `directory`: the next build may start from it, and
   * onSwitched (nginx, WebSub) is told; its failure is logged, the build is live either way.
   */
  #switched(previous: string | undefined, directory: string | undefined, what: string): void {
    this.#incrementalBase = directory;
    if (!directory) return;
    try {
      this.options.onSwitched?.(previous, directory);
    } catch (error) {
      this.#log(`WARNING: after ${what} went live: ${(error as Error).message}`);
    }
  }

  /** Reports of builds a killed publisher never finished. */
  #removeStaleReports(): string[] {
    const stale = readdirSync(this.target.stateDirectory).filter(isReportFile);
    for (const name of stale) rmSync(path.join(this.target.stateDirectory, name), { force: true });
    return stale;
  }

  /** The live build's report; its notices are the fallback for a notice that later fails the rules. */
  get #lastGoodFile(): string {
    return path.join(this.target.stateDirectory, 'last-good-notices.json');
  }

  /**
   * A build that went live says which notices it could not update (they fail the rules now) and
   * what it published; that list becomes the next build's last good versions. Told loudly: in the
   * log, on /status, and (the CMS checks the same rules) in the admin.
   */
  #takeReport(reportFile: string, record: BuildRecord): void {
    let report: BuildReport & { notices?: unknown[] };
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      // A build from a snapshot file writes none; nothing to keep.
      return;
    }
    rmSync(reportFile, { force: true });
    // Every notice the build published: the next build's last good versions.
    const published = publishedNoticesFile(reportFile);
    if (existsSync(published)) renameSync(published, this.#lastGoodFile);
    this.liveNotUpdated = report.problems.map((problem) => ({
      slug: problem.slug,
      locale: problem.locale,
      shown: problem.kept === 'previous' ? 'previous version' : 'nothing',
      ...(problem.keptRevision !== undefined ? { shownRevision: problem.keptRevision } : {}),
      errors: problem.errors.map((error) => `${error.location}: ${error.message}`),
    }));
    if (this.liveNotUpdated.length > 0) record.notUpdated = this.liveNotUpdated;
    if (report.noticesRead) record.noticesRead = report.noticesRead;
    if (report.skippedAttachments.length > 0)
      record.attachmentsLeftOut = report.skippedAttachments.map((item) => this.#withoutPaths(item));
    for (const problem of this.liveNotUpdated) {
      this.#log(
        `WARNING: notice "${problem.slug}" (${problem.locale}) was NOT updated — it fails the rules; the site shows ${problem.shown === 'nothing' ? 'nothing for it' : `its revision ${problem.shownRevision}`}. ${problem.errors.join('; ')}`,
      );
    }
    for (const attachment of report.skippedAttachments) this.#log(`WARNING: attachment left out: ${attachment}`);
    try {
      this.options.onLive?.(report);
    } catch (error) {
      // Telling subscribers must never undo or block publishing: the site is live either way.
      this.#log(`WARNING: subscribers could not be told of build ${record.id}: ${(error as Error).message}`);
    }
  }

  /**
   * /status is for whoever can reach it: build output there names no directory of this machine
   * (the log keeps the full text).
   */
  #withoutPaths(text: string): string {
    const places: [string, string][] = [
      [this.target.stateDirectory, '<deploys>'],
      [path.resolve(import.meta.dirname, '../..'), '<tablica>'],
      [os.tmpdir(), '<tmp>'],
      [os.homedir(), '<home>'],
    ];
    let scrubbed = text.replaceAll('file://', '');
    for (const [place, name] of places.sort((a, b) => b[0].length - a[0].length)) {
      if (place.length > 1) scrubbed = scrubbed.replaceAll(place, name);
    }
    // Any other absolute path is cut to its last segment.
    return scrubbed.replace(/(^|[\s('"=])(?:\/[\w.@+-]+){2,}\/?/g, (_match, before: string, ..._rest) => `${before}…`);
  }

  /** Rebuilds when the next notice starts or ends (a second after, so the build sees it changed). */
  #schedule(nextChangeAt: string | null): void {
    clearTimeout(this.#scheduleTimer);
    const at = nextChangeAt ? Date.parse(nextChangeAt) + 1_000 : Date.now() + MAX_TIMER_MS;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()));
    this.nextScheduledBuild = new Date(Date.now() + delay);
    this.#scheduleTimer = setTimeout(() => this.queue.request('scheduled: a notice starts or ends'), delay);
    this.#scheduleTimer.unref();
  }
}
