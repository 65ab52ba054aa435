import { defineConfig } from 'vitest/config';

// Unit tests of the pure modules and the cms client; the browser journeys are Playwright's (e2e/).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.spec.ts', 'server.spec.ts'],
    // The modules word things from the message catalogue: compiled first, as for the build.
    globalSetup: ['./scripts/paraglide-setup.ts'],
  },
});
