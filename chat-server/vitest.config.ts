import { defineConfig } from 'vitest/config';

// Real Socket.IO servers and clients on random ports, against the real cms (booted from
// its compiled dist/, like the cms' own tests).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['../cms/tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
