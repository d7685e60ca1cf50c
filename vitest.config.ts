import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['test/**/*.test.ts'],
          setupFiles: ['../tests/setup/fail-on-console.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'toolchain',
          root: './tests',
          include: ['toolchain/**/*.test.ts'],
          setupFiles: ['./setup/fail-on-console.ts'],
        },
      },
    ],
  },
});
