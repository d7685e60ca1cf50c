import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/site-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once from the demo snapshot, shared by the site tests. */
    demoSite: string;
  }
}

export default async function setup(project: TestProject) {
  const build = await buildSite();
  if (!build.ok) throw new Error(`The demo site did not build:\n${build.output}`);
  project.provide('demoSite', build.outDir);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
