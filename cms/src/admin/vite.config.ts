import { mergeConfig, type UserConfig } from 'vite';

/**
 * The admin build, as Strapi makes it, with one warning fewer for a newcomer to wonder about:
 * zod (Strapi's own dependency) ships `@__PURE__` comments in places Rollup cannot read, and
 * Rollup says so at every build. Nothing of ours, nothing to fix here; every other warning stays.
 */
export default (config: UserConfig) =>
  mergeConfig(config, {
    build: {
      rollupOptions: {
        onwarn(warning: { code?: string; id?: string }, warn: (warning: unknown) => void) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
  });
