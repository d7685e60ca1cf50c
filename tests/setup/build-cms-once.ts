import { ensureAdminBuild } from '../../cms/scripts/admin-build.mjs';

/** Set for the test run once the CMS is built: the run's boots then load `cms/dist` (see bootStrapi). */
export const CMS_COMPILED_FOR_THIS_RUN = 'TABLICA_CMS_COMPILED_FOR_THIS_RUN';

/**
 * Builds the CMS once per test run, before any test file boots a Strapi: its compiled server code
 * and its admin panel, as `npm start` builds them (cms/scripts/admin-build.mjs), or nothing when
 * the last build was made from the same sources and dependencies. Every boot used to compile the
 * TypeScript again (6–11 s each, over forty boots a run); then the run compiled it once, and the
 * admin panel was built by whichever browser test came first — by two at once when test files of
 * two projects ran side by side, each clearing the other's output. Each project that boots the
 * CMS lists this setup; the first one builds, the others find it done (in watch mode, restart
 * vitest after changing cms/src). The build runs in a child process: Strapi's ESM build does not
 * load under vitest (STACK.md), and its compiler's memory stays out of the runner.
 */
export default function buildCmsOnce() {
  if (process.env[CMS_COMPILED_FOR_THIS_RUN] === 'yes') return;
  try {
    ensureAdminBuild();
  } catch (error) {
    throw new Error(`The CMS did not build (cms/, strapi build): ${(error as Error).message}`);
  }
  // Forked test workers and the processes they start inherit it.
  process.env[CMS_COMPILED_FOR_THIS_RUN] = 'yes';
}
