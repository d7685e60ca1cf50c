/**
 * Loaded into every Astro process by astro.config.ts, before Astro builds. Astro prerenders from its
 * working directory, which is inside the site (where the code's imports find node_modules), and
 * then moves what it made there — the stylesheets — into the build with rename(2). A build on
 * another filesystem than the code (TABLICA_DEPLOY_DIR on a mounted volume or on shared storage,
 * as docs/operators.md lays out a region) failed there with EXDEV, every build, so the site was
 * never published. Such a rename is done here as a copy and a removal instead: not atomic, which
 * nothing needs there (the build is not live yet); every other rename is left to rename(2).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const crossesFilesystems = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EXDEV';
const COPY = { recursive: true, force: true, preserveTimestamps: true } as const;
/** fs.cp takes no Buffer path, which rename does. */
const copyable = (file: fs.PathLike) => (Buffer.isBuffer(file) ? file.toString() : file);

/** What a rename across filesystems is done as: a copy, then the original removed. */
const moveAcross = async (from: fs.PathLike, to: fs.PathLike) => {
  await fs.promises.cp(copyable(from), copyable(to), COPY);
  await fs.promises.rm(from, { recursive: true });
};

const rename = fs.promises.rename;
fs.promises.rename = async (from, to) => {
  try {
    await rename(from, to);
  } catch (error) {
    if (!crossesFilesystems(error)) throw error;
    await moveAcross(from, to);
  }
};

const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!crossesFilesystems(error)) throw error;
    fs.cpSync(copyable(from), copyable(to), COPY);
    fs.rmSync(from, { recursive: true });
  }
};

const renameWithCallback = fs.rename;
fs.rename = ((from, to, callback) =>
  renameWithCallback(from, to, (error) => {
    if (!crossesFilesystems(error)) return callback(error);
    moveAcross(from, to).then(() => callback(null), callback);
  })) as typeof fs.rename;

// `import { rename } from 'node:fs/promises'` (or 'node:fs') takes the function now patched.
syncBuiltinESMExports();
