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
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
