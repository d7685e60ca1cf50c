import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { outputPaths } from '../../src/lib/outputs/manifest.ts';
import type { BuildManifest } from '../build-check.ts';
import type { DeployTarget, StagedBuild } from './deploy-target.ts';

/** Builds kept on disk: the live one and two to roll back to. */
export const KEEP_BUILDS = 3;
/**
 * Builds no longer kept, out of sight, for the next builds to take over (build.ts --recycle,
 * search-index-later.ts): most of their files already are the links those need, so they are
 * checked, not made again, and not deleted file by file either. Two: a publish makes two builds
 * (the build that goes live, then its copy with the search index) and drops two (the oldest kept,
 * and the build the copy replaced). With one, each publish deleted a build of 110,000 files and
 * linked the copy's 110,000 afresh (10,000 notices): 30 s of disk on this machine, in the
 * publisher's event loop, and writeback slowing the next publish. The newest one dropped is
 * SPARE, the one the next publish takes (the build its live copy was made from: nearly all its
 * files are already the right ones); the search index's copy takes the other. Dot-names: never
 * listed, never served, deleted by recover(): the publisher's first build after a start is a full
 * one, whose files are all new, so a spare from before would have every file replaced.
 */
const SPARE = '.tablica-spare';
const SECOND_SPARE = '.tablica-spare-2';
const SPARES = [SPARE, SECOND_SPARE];
/** A build on its way out, deleted in the background (recover() deletes one a stop left). */
const TRASH = '.tablica-trash-';
const PARTIAL = '.partial';

/**
 * The first deploy target: builds in a directory of this machine, served by the publisher's own
 * server (or any web server pointed at `current`).
 *
 *   <dir>/builds/<id>/            finished, checked builds (ids sort by time)
 *   <dir>/builds/<id>.partial/    a build being written; never served, removed at start
 *   <dir>/current -> builds/<id>  the live build: a symlink replaced by rename(2), which is atomic,
 *                                 so a reader sees the old build or the new one, never half of one
 */
export class DirectoryTarget implements DeployTarget {
  readonly builds: string;
  readonly current: string;
  readonly directory: string;
  readonly description: string;
  readonly stateDirectory: string;
  /** Builds sent to the background deletion so far: part of each one's trash name. */
  #removals = 0;

  constructor(directory: string) {
    this.directory = directory;
    this.description = `the directory ${directory}`;
    this.stateDirectory = directory;
    this.builds = path.join(directory, 'builds');
    this.current = path.join(directory, 'current');
    mkdirSync(this.builds, { recursive: true });
  }

  /**
   * One publisher per directory: two would build and switch over each other. The lock is a file
   * with the owner's pid; a lock whose process is gone (killed) is taken over.
   */
  lock(): void {
    const file = path.join(this.directory, 'publisher.pid');
    for (;;) {
      try {
        writeFileSync(file, String(process.pid), { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`Tablica: another publisher (pid ${owner}) is using ${this.directory}.`);
      }
      rmSync(file, { force: true });
    }
  }

  unlock(): void {
    const file = path.join(this.directory, 'publisher.pid');
    if (existsSync(file) && Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file);
  }

  /**
   * Clears what a stopped publisher left, and says which unfinished builds it found: unfinished
   * builds, the scratch directories of a build (attachments being copied, files linked beside
   * Astro), the spares and builds on their way out. Each goes in the background (#remove): the
   * publisher's server is already answering (a standby takes over while it serves), and at 10,000
   * notices one such directory is 110,000 files, half a minute of deleting on this machine's disk,
   * which held every request up when done here synchronously.
   */
  recover(): string[] {
    const leftovers = readdirSync(this.builds).filter((name) => name.endsWith(PARTIAL) || name.startsWith('.tablica-'));
    for (const name of leftovers) {
      if (name.startsWith(TRASH)) this.#deleteInBackground(name);
      else this.#remove(name);
    }
    return leftovers.filter((name) => !name.startsWith(TRASH) && !SPARES.includes(name));
  }

  /** A fresh directory to build into, the id it will have once finished, and the spare build if there is one. */
  startBuild(): StagedBuild {
    // Builds are ordered by id (prune, rollback, the spares): a new one sorts after every finished
    // one, also when the clock gives an id used before (a build dropped since, in the same
    // millisecond: in CI the build before the live one was then pruned as the oldest) or an
    // earlier one (the clock set back).
    const newest = this.list().at(-1);
    let id = new Date().toISOString().replace(/[:.]/g, '-');
    if (newest !== undefined && id <= newest) id = idAfter(newest);
    while (existsSync(path.join(this.builds, id + PARTIAL))) id = idAfter(id);
    const spare = SPARES.map((name) => path.join(this.builds, name)).find((name) => existsSync(name));
    return { id, directory: path.join(this.builds, id + PARTIAL), ...(spare ? { spare } : {}) };
  }

  /** Marks a checked build finished (its directory loses `.partial`). */
  finishBuild(id: string): string {
    const finished = path.join(this.builds, id);
    renameSync(path.join(this.builds, id + PARTIAL), finished);
    return finished;
  }

  /**
   * In the background (#remove): a discarded build can be a whole site's links (a search index's
   * copy set aside because a publish arrived), and the publish that arrived waits on this loop.
   */
  discardBuild(id: string): void {
    this.#remove(id + PARTIAL);
  }

  /** Removes a finished build that is not live (one replaced, or one another target failed to upload); it becomes the spare. */
  forget(id: string): void {
    if (id === this.live()) throw new Error(`Tablica: build ${id} is live; it cannot be removed`);
    this.#keepAsSpare(id);
  }

  /** `id` becomes the spare (SPARE), the one before it the second; the second before is deleted. */
  #keepAsSpare(id: string): void {
    const build = path.join(this.builds, id);
    if (!existsSync(build)) return;
    const spare = path.join(this.builds, SPARE);
    if (existsSync(spare)) {
      this.#remove(SECOND_SPARE);
      renameSync(spare, path.join(this.builds, SECOND_SPARE));
    }
    renameSync(build, spare);
  }

  /**
   * Deletes a build's directory without holding up the publisher: renamed out of the way at once,
   * its files deleted in the background.
   */
  #remove(name: string): void {
    this.#removals += 1;
    // Unique: a prune may remove two in one millisecond, and a rename onto a full directory fails.
    const trash = `${TRASH}${process.pid}-${Date.now()}-${this.#removals}`;
    try {
      renameSync(path.join(this.builds, name), path.join(this.builds, trash));
    } catch {
      return; // Nothing there.
    }
    this.#deleteInBackground(trash);
  }

  /** fs.promises: the files go off the event loop, which serves the site. */
  #deleteInBackground(trash: string): void {
    void rm(path.join(this.builds, trash), { recursive: true, force: true }).catch(() => {});
  }

  /** Finished builds, oldest first. */
  list(): string[] {
    return readdirSync(this.builds)
      .filter((name) => !name.endsWith(PARTIAL) && !name.startsWith('.'))
      .sort();
  }

  /** The live build's id, or undefined before the first one. */
  live(): string | undefined {
    try {
      return path.basename(readlinkSync(this.current));
    } catch {
      return undefined;
    }
  }

  /** The live build's directory (what the server serves); cheap enough to ask per request. */
  liveDirectory(): string | undefined {
    const id = this.live();
    return id ? path.join(this.builds, id) : undefined;
  }

  goLive(id: string): void {
    this.finishBuild(id);
    this.switchTo(id);
  }

  liveManifest(): BuildManifest | undefined {
    const directory = this.liveDirectory();
    if (!directory) return undefined;
    try {
      return JSON.parse(readFileSync(path.join(directory, outputPaths.buildManifest), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Makes a finished build live in one atomic step, then drops builds beyond the last three. */
  switchTo(id: string): void {
    if (!this.list().includes(id)) throw new Error(`Tablica: no finished build ${id}`);
    const next = `${this.current}.next`;
    rmSync(next, { force: true });
    symlinkSync(path.join('builds', id), next);
    renameSync(next, this.current);
    this.prune();
  }

  /** Back to the build before the live one; returns its id, or undefined if there is none. */
  rollback(): string | undefined {
    const builds = this.list();
    const live = this.live();
    const index = live ? builds.indexOf(live) : builds.length;
    const previous = index > 0 ? builds[index - 1] : undefined;
    if (previous) this.switchTo(previous);
    return previous;
  }

  /** Keeps the newest three finished builds, and always the live one; those dropped become spares (#keepAsSpare). */
  prune(): void {
    const live = this.live();
    const builds = this.list();
    const dropped = builds.slice(0, Math.max(0, builds.length - KEEP_BUILDS)).filter((id) => id !== live);
    for (const id of dropped) this.#keepAsSpare(id);
  }
}

/** The next id after `id` in sort order, counted in a fixed-width suffix (`…Z-000001`, `…Z-000002`) so that ids stay short. */
function idAfter(id: string): string {
  const counted = /^(.*)-(\d{6})$/.exec(id);
  const next = counted ? `${counted[1]}-${String(Number(counted[2]) + 1).padStart(6, '0')}` : `${id}-000001`;
  return next > id ? next : `${id}-000001`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
