import type { Core } from '@strapi/strapi';

/**
 * What a notice may carry as a file: PDF, raster images, office documents, and MP4 or WebM for
 * its video in Polish Sign Language. Strapi checks the
 * file's content, not only its name or declared type. No HTML, scripts or SVG (SVG can run
 * script): a file served from the CMS's origin must never be able to act there.
 */
export const UPLOAD_ALLOWED_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'video/mp4',
  'video/webm',
];

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Residents never sign up: the only public access is reading published content.
      register: { allowedFields: [] },
    },
  },
  upload: {
    config: {
      sizeLimit: 50 * 1024 * 1024,
      security: {
        allowedTypes: UPLOAD_ALLOWED_TYPES,
        deniedTypes: [
          'image/svg+xml',
          'text/html',
          'application/xhtml+xml',
          'text/javascript',
          'application/javascript',
        ],
      },
    },
  },
});
