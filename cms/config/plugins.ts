import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Residents never sign up: the only public access is reading published content.
      register: { allowedFields: [] },
    },
  },
});
