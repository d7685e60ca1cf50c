import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const INSTANCE = path.resolve(import.meta.dirname, 'strapi-instance.mts');

export interface CmsProcess {
  url: string;
  child: ChildProcess;
  /** How long the instance's own seed of synthetic notices took (0 without one). */
  seededMs: number;
}

/** Starts one CMS instance in a process of its own (strapi-instance.mts); resolves once it listens. */
export function startCmsProcess(options: object): Promise<CmsProcess> {
  const child = spawn(process.execPath, [INSTANCE], {
    env: { ...process.env, TABLICA_INSTANCE: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ ...(JSON.parse(line) as { url: string; seededMs: number }), child });
    });
    child.once('exit', (code) => reject(new Error(`the CMS instance exited (${code}) before it listened`)));
  });
}

/** Stops it as an operator's service manager does (SIGTERM), and waits until it has exited. */
export const stopCmsProcess = (instance: CmsProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!instance || instance.child.exitCode !== null) return resolve();
    instance.child.once('exit', () => resolve());
    instance.child.kill('SIGTERM');
  });
