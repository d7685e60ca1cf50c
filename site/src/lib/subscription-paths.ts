/**
 * Where the publisher answers subscription requests on the public site (the only addresses there
 * that are not files of the build). The sign-up page's script posts to them; messages link to them.
 */
export const SUBSCRIPTION_API = '/api/subscriptions';

export const subscriptionPaths = {
  signUp: SUBSCRIPTION_API,
  challenge: `${SUBSCRIPTION_API}/challenge`,
  confirm: `${SUBSCRIPTION_API}/confirm`,
  manage: `${SUBSCRIPTION_API}/manage`,
  unsubscribe: `${SUBSCRIPTION_API}/unsubscribe`,
  /** Web Push: the server's VAPID public key, subscribing a browser, and unsubscribing it. */
  pushKey: `${SUBSCRIPTION_API}/push-key`,
  push: `${SUBSCRIPTION_API}/push`,
  pushUnsubscribe: `${SUBSCRIPTION_API}/push/unsubscribe`,
} as const;

/** The service worker that shows the notifications (site/public); its scope is the whole site. */
export const PUSH_WORKER = '/push-worker.js';
