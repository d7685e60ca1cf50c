import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { CACHE_CONTROL, contentTypeOf, outputPaths, servingRule } from '../../src/lib/outputs/manifest.ts';
import type { BuildManifest } from '../build-check.ts';
import type { DeployTarget, StagedBuild } from './deploy-target.ts';
import { DirectoryTarget, KEEP_BUILDS } from './directory-target.ts';

/** The one object that says which build is live: replacing it is the switch. */
export const LIVE_POINTER = 'tablica-live.json';
/** Requests in flight at once while a build is uploaded. */
const UPLOADS_AT_ONCE = 32;

/** What the pointer object holds: the live build and the finished builds, oldest first. */
export interface LivePointer {
  live: string;
  /** The key prefix the live build's files are under ("<prefix>builds/<id>/"): a CDN's origin path. */
  livePrefix: string;
  builds: string[];
  switchedAt: string;
}

export interface S3TargetOptions {
  bucket: string;
  /** Prepended to every key ("tablica/" or ""): several sites may share one bucket. */
  prefix: string;
  client: S3ClientConfig;
  /** Local staging: builds are written here first, and kept (incremental builds start from them). */
  localDirectory: string;
  /**
   * Told after every switch (and rollback), with what changed: a CDN's purge API, or the script
   * that moves a CDN's origin path. Its failure is logged; the build is live either way.
   */
  cdnHook?: { url: string; authorization?: string };
  log?: (message: string) => void;
}

/** What the CDN hook receives (JSON, POST). */
export interface SwitchNotice {
  event: 'switch' | 'rollback';
  live: string;
  livePrefix: string;
  previous: string | null;
  /** URL paths whose bytes changed or that are gone ("/en/", "/komunikaty/x/index.html"); all for a rollback. */
  changed: string[] | 'all';
}

/**
 * S3-compatible object storage (AWS S3, Ceph's radosgw, …) behind a CDN.
 *
 *   <prefix>builds/<id>/<file>   each build under its own prefix, never rewritten once uploaded,
 *                                with Content-Type, Cache-Control (and Content-Disposition for
 *                                downloads) from the outputs manifest, as the Node server and nginx
 *   <prefix>tablica-live.json    the pointer (LivePointer): the live build and those kept
 *
 * The switch is one PUT of the pointer, which S3 makes atomic: a reader of it sees the old build or
 * the new one. The CDN follows it in one of two ways (docs/operators.md): an edge function that
 * reads the pointer and serves from `livePrefix`, or the CDN hook moving the origin path to
 * `livePrefix`. Either way a build is complete under its prefix before anything points at it.
 *
 * Builds are staged (and kept, three of them) in a local DirectoryTarget: the publisher writes
 * there, incremental builds link from the live one there, and files an incremental build linked
 * from the live build are copied inside the bucket (CopyObject) instead of uploaded again.
 */
export class S3Target implements DeployTarget {
  readonly description: string;
  readonly stateDirectory: string;
  readonly local: DirectoryTarget;
  readonly #s3: S3Client;
  readonly #options: S3TargetOptions;
  #pointer: LivePointer | undefined;
  #liveManifest: BuildManifest | undefined;
  readonly #log: (message: string) => void;

  constructor(options: S3TargetOptions) {
    this.#options = options;
    this.description = `s3://${options.bucket}/${options.prefix}`;
    this.local = new DirectoryTarget(options.localDirectory);
    this.stateDirectory = this.local.stateDirectory;
    // Checksums only where S3 requires them: older S3-compatible stores reject the newer headers.
    this.#s3 = new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...options.client,
    });
    this.#log = options.log ?? ((message) => console.error(`[publisher] ${message}`));
  }

  /** Reads the pointer and the live build's manifest, so the synchronous reads can answer. */
  async open(): Promise<void> {
    this.#pointer = await this.#readPointer();
    this.#liveManifest = undefined;
    if (!this.#pointer) return;
    const manifest = await this.#getText(this.#key(this.#pointer.live, outputPaths.buildManifest.slice(1)));
    this.#liveManifest = manifest ? JSON.parse(manifest) : undefined;
  }

  lock(): void {
    this.local.lock();
  }

  unlock(): void {
    this.local.unlock();
  }

  recover(): string[] {
    // Half-uploaded builds (a publisher killed mid-upload) are cleared by the next prune.
    return this.local.recover();
  }

  startBuild(): StagedBuild {
    return this.local.startBuild();
  }

  discardBuild(id: string): void {
    this.local.discardBuild(id);
  }

  live(): string | undefined {
    return this.#pointer?.live;
  }

  list(): string[] {
    return this.#pointer?.builds ?? [];
  }

  liveManifest(): BuildManifest | undefined {
    return this.#liveManifest;
  }

  /** The live build's local copy, if this machine has it: the built-in server and incremental builds use it. */
  liveDirectory(): string | undefined {
    const live = this.live();
    return live && this.local.live() === live ? this.local.liveDirectory() : undefined;
  }

  async goLive(id: string): Promise<void> {
    // Read again (`npm run rollback` in another process may have moved it), before anything is changed.
    const previous = await this.#readPointer();
    const directory = this.local.finishBuild(id);
    const previousLocal = previous && this.local.list().includes(previous.live) ? previous.live : undefined;
    let changed: string[];
    try {
      changed = await this.#upload(id, directory, previousLocal);
    } catch (error) {
      await this.#deleteBuild(id).catch(() => undefined);
      this.local.forget(id);
      throw error;
    }
    const builds = [...(previous?.builds ?? []).filter((build) => build !== id), id];
    await this.#writePointer({
      live: id,
      livePrefix: this.#buildPrefix(id),
      builds,
      switchedAt: new Date().toISOString(),
    });
    this.#liveManifest = JSON.parse(readFileSync(path.join(directory, outputPaths.buildManifest), 'utf8'));
    this.local.switchTo(id);
    await this.#prune();
    await this.#tellCdn({
      event: 'switch',
      live: id,
      livePrefix: this.#buildPrefix(id),
      previous: previous?.live ?? null,
      changed,
    });
  }

  async forget(id: string): Promise<void> {
    const pointer = await this.#readPointer();
    if (pointer?.live === id) throw new Error(`Tablica: build ${id} is live; it cannot be removed`);
    if (pointer) await this.#writePointer({ ...pointer, builds: pointer.builds.filter((build) => build !== id) });
    await this.#deleteBuild(id);
    if (this.local.list().includes(id)) this.local.forget(id);
  }

  async rollback(): Promise<string | undefined> {
    await this.open();
    const pointer = this.#pointer;
    if (!pointer) return undefined;
    const index = pointer.builds.indexOf(pointer.live);
    const to = index > 0 ? pointer.builds[index - 1] : undefined;
    if (!to) return undefined;
    await this.#writePointer({
      ...pointer,
      live: to,
      livePrefix: this.#buildPrefix(to),
      switchedAt: new Date().toISOString(),
    });
    await this.open();
    if (this.local.list().includes(to)) this.local.switchTo(to);
    await this.#tellCdn({
      event: 'rollback',
      live: to,
      livePrefix: this.#buildPrefix(to),
      previous: pointer.live,
      changed: 'all',
    });
    return to;
  }

  /**
   * Uploads a build under its own prefix. A file an incremental build hard-linked from the previous
   * build (same inode), or one with the same bytes, is copied inside the bucket; the rest is uploaded. Returns the URL paths
   * whose bytes changed or that are gone, for the CDN's purge.
   */
  async #upload(id: string, directory: string, previous: string | undefined): Promise<string[]> {
    const files = servedFiles(directory);
    const previousDirectory = previous ? path.join(this.local.builds, previous) : undefined;
    const previousFiles = previousDirectory ? new Set(servedFiles(previousDirectory).map(([name]) => name)) : new Set();
    const changed: string[] = [];
    let copied = 0;
    const started = Date.now();
    await inParallel(files, UPLOADS_AT_ONCE, async ([name, stats]) => {
      const key = this.#key(id, name);
      const body = sameFile(stats, previousDirectory && path.join(previousDirectory, name))
        ? undefined
        : readFileSync(path.join(directory, name));
      // Linked from the previous build, or rendered again to the same bytes: copied, not purged.
      if (previous && previousDirectory && (!body || sameBytes(body, path.join(previousDirectory, name)))) {
        await this.#s3.send(
          new CopyObjectCommand({
            Bucket: this.#options.bucket,
            Key: key,
            CopySource: `${this.#options.bucket}/${this.#key(previous, name).split('/').map(encodeURIComponent).join('/')}`,
          }),
        );
        copied += 1;
        return;
      }
      await this.#s3.send(
        new PutObjectCommand({
          Bucket: this.#options.bucket,
          Key: key,
          Body: body,
          ...objectHeaders(name),
        }),
      );
      changed.push(...urlPathsOf(name));
    });
    const present = new Set(files.map(([name]) => name));
    for (const name of previousFiles) if (!present.has(name as string)) changed.push(...urlPathsOf(name as string));
    this.#log(
      `uploaded build ${id} to ${this.description}: ${files.length - copied} files uploaded, ${copied} copied in the bucket, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return changed.sort();
  }

  /** Keeps the newest KEEP_BUILDS finished builds and the live one; deletes other build prefixes (half uploads too). */
  async #prune(): Promise<void> {
    const pointer = this.#pointer;
    if (!pointer) return;
    const keep = new Set([pointer.live, ...pointer.builds.slice(-KEEP_BUILDS)]);
    const stored = await this.#storedBuilds();
    for (const id of stored) if (!keep.has(id)) await this.#deleteBuild(id);
    const builds = pointer.builds.filter((id) => keep.has(id));
    if (builds.length !== pointer.builds.length) await this.#writePointer({ ...pointer, builds });
  }

  async #storedBuilds(): Promise<string[]> {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.#s3.send(
        new ListObjectsV2Command({
          Bucket: this.#options.bucket,
          Prefix: `${this.#options.prefix}builds/`,
          Delimiter: '/',
          ContinuationToken: token,
        }),
      );
      for (const { Prefix } of page.CommonPrefixes ?? []) if (Prefix) ids.push(Prefix.split('/').at(-2) as string);
      token = page.NextContinuationToken;
    } while (token);
    return ids;
  }

  async #deleteBuild(id: string): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.#s3.send(
        new ListObjectsV2Command({
          Bucket: this.#options.bucket,
          Prefix: this.#buildPrefix(id),
          ContinuationToken: token,
        }),
      );
      const keys = (page.Contents ?? []).map(({ Key }) => ({ Key }));
      if (keys.length > 0) {
        await this.#s3.send(
          new DeleteObjectsCommand({ Bucket: this.#options.bucket, Delete: { Objects: keys, Quiet: true } }),
        );
      }
      token = page.NextContinuationToken;
    } while (token);
  }

  async #readPointer(): Promise<LivePointer | undefined> {
    const text = await this.#getText(`${this.#options.prefix}${LIVE_POINTER}`);
    return text ? JSON.parse(text) : undefined;
  }

  async #writePointer(pointer: LivePointer): Promise<void> {
    await this.#s3.send(
      new PutObjectCommand({
        Bucket: this.#options.bucket,
        Key: `${this.#options.prefix}${LIVE_POINTER}`,
        Body: JSON.stringify(pointer, null, 2),
        ContentType: 'application/json; charset=utf-8',
        // Read by an edge function on every switch: never cached.
        CacheControl: 'no-store',
      }),
    );
    this.#pointer = pointer;
  }

  async #getText(key: string): Promise<string | undefined> {
    try {
      const object = await this.#s3.send(new GetObjectCommand({ Bucket: this.#options.bucket, Key: key }));
      return await object.Body?.transformToString('utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async #tellCdn(notice: SwitchNotice): Promise<void> {
    const hook = this.#options.cdnHook;
    if (!hook) return;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(hook.authorization ? { authorization: hook.authorization } : {}),
        },
        body: JSON.stringify(notice),
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      this.#log(
        `WARNING: build ${notice.live} is live, but the CDN hook failed (${(error as Error).message}); the CDN may serve the old build until its caches expire`,
      );
    }
  }

  #buildPrefix(id: string): string {
    return `${this.#options.prefix}builds/${id}/`;
  }

  #key(id: string, name: string): string {
    return `${this.#buildPrefix(id)}${name}`;
  }
}

/** Files a server would serve (relative, "/"-separated): the build's own dot-files stay behind. */
function servedFiles(root: string): [string, Stats][] {
  const files: [string, Stats][] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.') && entry.name !== '.well-known') continue;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push([name, statSync(path.join(root, name))]);
    }
  };
  walk('');
  return files;
}

function sameFile(stats: Stats, other: string | undefined): boolean {
  if (!other) return false;
  try {
    const otherStats = statSync(other);
    return otherStats.ino === stats.ino && otherStats.dev === stats.dev;
  } catch {
    return false;
  }
}

function sameBytes(body: Buffer, other: string): boolean {
  try {
    return statSync(other).size === body.length && readFileSync(other).equals(body);
  } catch {
    return false;
  }
}

/** The headers the Node server and nginx send that S3 can store with an object. */
export function objectHeaders(name: string) {
  const pathname = `/${name}`;
  const rule = servingRule(pathname);
  return {
    ContentType: contentTypeOf(pathname),
    CacheControl: CACHE_CONTROL[rule.cache],
    ...(rule.download ? { ContentDisposition: 'attachment' } : {}),
  };
}

/** The URL paths a file answers: "en/index.html" is "/en/" and "/en/index.html". */
function urlPathsOf(name: string): string[] {
  const file = `/${name}`;
  if (file.endsWith('/index.html')) return [file.slice(0, -'index.html'.length), file];
  if (file.endsWith('.html')) return [file.slice(0, -'.html'.length), file];
  return [file];
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
