export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Wraps every file server below it (strapi::public, the upload plugin's /uploads route): it
  // sets its headers on their answers after they are made.
  'global::upload-headers',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // The raw body is kept beside the parsed one: signed requests (the publisher's live versions)
  // are verified over the bytes that were signed.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
