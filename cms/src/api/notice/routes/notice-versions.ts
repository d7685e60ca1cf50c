/**
 * The published notices' versions (content/notice-versions.ts), beside the core routes: its own
 * path, so that no order of route files can read it as /notices/:id.
 */
export default {
  routes: [{ method: 'GET', path: '/notice-versions', handler: 'api::notice.notice.versions' }],
};
