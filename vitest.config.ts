import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixtures that are test files of their own (a suite with a file that cannot load) run only from the tests that use them.
    exclude: ['tests/fixtures/**', 'node_modules/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Builds and browsers are heavy on a 2-core machine: one test file at a time.
    fileParallelism: false,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
