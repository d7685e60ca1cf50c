export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Wraps every file server below it (strapi::public, the upload plugin's /uploads route): it
  // sets its headers on their answers after they are made.
  'global::upload-headers',
  // Strapi's default answers every origin's request with Access-Control-Allow-Credentials: a page
  // on a sibling subdomain (the same site, so the browser sends the editor's session cookie with
  // its requests) could read an admin access token and act as the editor. Nothing here needs a
  // cross-origin request with cookies (the admin panel is same-origin); the public API and token
  // requests still answer any origin.
  { name: 'strapi::cors', config: { credentials: false } },
  'strapi::poweredBy',
  'strapi::query',
  // The raw body is kept beside the parsed one: signed requests (the publisher's live versions)
  // are verified over the bytes that were signed.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
