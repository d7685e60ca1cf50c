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
} as const;
