import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser tests (npm run test:site): a Chromium to unpack and start, too slow for every run.
    exclude: ['tests/site/**', '**/node_modules/**'],
    globalSetup: ['tests/global-setup.ts'],
    // The machines are shared and small: a few workers, and room for the end-to-end runs.
    maxWorkers: 2,
    testTimeout: 30_000,
    // As bin/coop.cjs sets it, but from the start of each worker: set later, once regular expressions
    // are in use, V8 can crash.
    execArgv: ['--no-regexp-tier-up'],
  },
});
