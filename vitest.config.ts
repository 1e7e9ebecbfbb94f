import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The machines are shared and small: a few workers, and room for the end-to-end runs.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
