import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { sessionFile, type Persona } from './accounts.ts';

export { PANEL_LOAD_TIMEOUT } from './accounts.ts';

export { expect } from '@playwright/test';

/**
 * The admin panel's first load in a fresh browser context: a single-page app of several
 * megabytes that Chromium parses and compiles, 3–6 s on a 2-core machine. A journey that opens
 * the panel gets this budget instead of the default 30 s.
 */
export const PANEL_JOURNEY_TIMEOUT = 60_000;

/**
 * `pageAs(persona)`: a page in a browser context of its own, signed in from the persona's
 * stored session, for journeys with several people (a client and their consultant). The
 * contexts close with the test. A single-person journey uses `test.use({ storageState })`.
 */
export const test = base.extend<{ pageAs: (persona: Persona, options?: { javaScriptEnabled?: boolean }) => Promise<Page> }>({
  pageAs: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (persona, options = {}) => {
      const context = await browser.newContext({ ...options, storageState: sessionFile(persona) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
