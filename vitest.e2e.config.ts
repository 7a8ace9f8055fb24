import { defineConfig } from 'vitest/config';

// End-to-end tests: real web host, real services, Debian's Chromium through playwright-core.
// One file at a time: each starts its own host and browser, and this machine has two cores.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Polls wait for the UI to reach a state; on a loaded two-core machine a page can take seconds to settle.
    // This is a ceiling for waiting, not a performance assertion (benchmarks measure speed, never tests).
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
