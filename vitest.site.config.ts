import { defineConfig } from 'vitest/config';

// npm run test:site: the website in headless Chromium (tests/site/), apart from npm test.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    maxWorkers: 1,
    testTimeout: 120_000,
    execArgv: ['--no-regexp-tier-up'],
  },
});
