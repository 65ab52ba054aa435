import { configDefaults, defineConfig } from 'vitest/config';

// The second pass (TEST_DATABASE=postgres) runs what touches the database; what does not (the
// unit specs of src/, a production start refused before any database) ran in the first.
const databaseOnly = process.env.TEST_DATABASE === 'postgres';

// Each test file boots its own Strapi on its own SQLite file or PostgreSQL database.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: databaseOnly ? ['tests/**/*.test.ts'] : ['tests/**/*.test.ts', 'src/**/*.spec.ts'],
    exclude: databaseOnly ? [...configDefaults.exclude, 'tests/production-settings.test.ts'] : configDefaults.exclude,
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
