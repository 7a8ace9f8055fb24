import { defineConfig } from 'vitest/config';

// Conformance over ../shared/corpus (real manifests from ~60 institutions). Skips itself where the corpus is absent.
export default defineConfig({
  test: {
    name: 'conformance',
    environment: 'node',
    include: ['tests/conformance/**/*.test.ts'],
    testTimeout: 300_000,
  },
});
