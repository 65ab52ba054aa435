import { defineConfig, devices } from '@playwright/test';

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
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ...(jsonReport ? [['json', { outputFile: jsonReport }] as const] : [])],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.STOREFRONT_URL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
