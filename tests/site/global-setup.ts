import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/site-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once from the demo snapshot, shared by the site tests. */
    demoSite: string;
    /** The instant it was built for (TABLICA_NOW): its "today" and every relative demo date. */
    demoNow: string;
  }
}

export default async function setup(project: TestProject) {
  // Pinned, so that a test reading the demo snapshot later resolves its dates ("@today…") to the
  // same days the build did: a CI run across midnight in Warsaw failed on a one-day difference.
  const now = new Date().toISOString();
  const build = await buildSite({ env: { TABLICA_NOW: now } });
  if (!build.ok) throw new Error(`The demo site did not build:\n${build.output}`);
  project.provide('demoSite', build.outDir);
  project.provide('demoNow', now);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
