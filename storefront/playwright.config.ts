import { defineConfig, devices } from '@playwright/test';
import { e2eWorkers } from './e2e/support/workers.ts';

/**
 * Browser journeys against the real stack (see e2e/support/global-setup.ts), in Debian's
 * Chromium: no browser download. STOREFRONT_URL is set by the global setup, which runs
 * before the workers read this file again.
 */
const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/support/global-setup.ts',
  // A journey does one thing a person does: far within 30 s. The few that are legitimately
  // slower (the admin panel's first load) say so with their own timeout.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Files run in parallel, each file's journeys in order (some build on each other); files
  // that only read mark their describe blocks parallel.
  fullyParallel: false,
  workers: e2eWorkers(),
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The personas sign in once (sessions.setup.ts); the journeys start from their stored sessions.
  projects: [
    { name: 'sessions', testMatch: /\.setup\.ts$/ },
    { name: 'journeys', testMatch: /\.spec\.ts$/, dependencies: ['sessions'] },
  ],
  reporter: [['list'], ...(jsonReport ? [['json', { outputFile: jsonReport }] as const] : [])],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.STOREFRONT_URL,
    locale: 'en-GB',
    // A failed journey keeps its trace (actions, DOM snapshots, network), without a screencast: cheaper for the passing ones.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's headless shell (scripts/lib.ts installs it): what Playwright runs headless.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
