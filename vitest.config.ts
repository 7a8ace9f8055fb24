import { defineConfig } from 'vitest/config';

// Unit and service tests. End-to-end and conformance runs have their own configs
// (vitest.e2e.config.ts, vitest.conformance.config.ts) because they need a build or ../shared/corpus.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/build/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.ts', 'tests/renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
