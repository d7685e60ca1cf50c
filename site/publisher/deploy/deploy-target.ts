import type { BuildManifest } from '../build-check.ts';

/** A build being written on this machine: Astro writes files, the target takes them from here. */
export interface StagedBuild {
  id: string;
  directory: string;
  /**
   * An older build of the site the target no longer keeps, for an incremental build to take over
   * (build.ts --recycle); absent when there is none.
   */
  spare?: string;
}

/**
 * Where finished builds go live, and which one is live. The publisher builds into a local
 * directory the target gives it, checks the build, then asks the target to make it live; it
 * never touches the target's storage itself. Today's target is a directory on this machine with
 * an atomic symlink switch (directory-target.ts); object storage or a CDN is another implementation
 * of this interface, chosen in from-env.ts (docs/recipes.md, "Add a deploy target").
 *
 * Reads (live, list, liveManifest) are cheap and synchronous: a target answers them from what it
 * holds in memory or on local disk, as the one publisher that writes to it (lock).
 */
export interface DeployTarget {
  /** For logs: "the directory /srv/tablica", "s3://bucket/prefix". */
  readonly description: string;
  /** A local directory for the publisher's own files (the last good notices, build reports). */
  readonly stateDirectory: string;
  /**
   * Reads what the target keeps elsewhere (object storage's pointer) so the synchronous reads can
   * answer; called once before the others. Targets on this machine need none.
   */
  open?(): Promise<void>;
  /** One publisher per target: two would build and switch over each other. Throws when taken. */
  lock(): void;
  unlock(): void;
  /** Clears what a killed publisher left behind (unfinished builds); says what it removed. */
  recover(): string[];
  startBuild(): StagedBuild;
  discardBuild(id: string): void;
  /** Makes a checked build live in one step: a reader gets the old build or the new one, never half. */
  goLive(id: string): Promise<void> | void;
  /** Removes a finished build that is not live, from the builds kept to roll back to. */
  forget?(id: string): Promise<void> | void;
  /** Back to the build before the live one; its id, or undefined when there is none. */
  rollback(): Promise<string | undefined> | string | undefined;
  /** The live build's id, or undefined before the first one. */
  live(): string | undefined;
  /** Finished builds kept (to roll back to), oldest first. */
  list(): string[];
  /** What the live build says of itself (tablica-build.json). */
  liveManifest(): BuildManifest | undefined;
  /** The live build on this machine's disk, for the built-in server; undefined when served from elsewhere. */
  liveDirectory(): string | undefined;
}
