import { defineConfig } from 'vitest/config';

// Each test file boots its own Strapi on its own SQLite file or PostgreSQL database.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts', 'src/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs its files one after the other in one process: Strapi and its modules are
    // loaded once per worker, not once per file (half the suite's time). Each file still boots
    // its own Strapi on its own database, and its settings go with it (support/strapi.ts).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
