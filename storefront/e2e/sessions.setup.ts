import { test as setup } from '@playwright/test';
import { logIn, panelLogIn, panelPersonas, sessionFile, storefrontPersonas, type Persona } from './support/accounts.ts';

/**
 * Each persona signs in once per run, through the same login page a person uses, and the
 * journeys start from the stored session (`storageState`) instead of signing in again: a
 * journey's time is then spent on what it checks. The login pages themselves are journeys of
 * their own (customer.spec.ts, account.spec.ts).
 */
// Each persona's sign-in stands alone: spread them over the workers.
setup.describe.configure({ mode: 'parallel' });

for (const [persona, who] of Object.entries(storefrontPersonas)) {
  setup(`${persona} signs in to the storefront`, async ({ page }) => {
    await logIn(page, who);
    await page.context().storageState({ path: sessionFile(persona as Persona) });
  });
}

for (const [persona, who] of Object.entries(panelPersonas)) {
  setup(`${persona} signs in to the admin panel`, async ({ page }) => {
    // The panel's first load in a fresh browser (a single-page app of several megabytes that
    // Chromium parses and compiles) takes 3–6 s on a 2-core machine before the form shows.
    setup.setTimeout(60_000);
    // A run without the panel (E2E_ADMIN_PANEL=off, see support/global-setup.ts) has no panel journeys either.
    setup.skip(process.env.E2E_ADMIN_PANEL === 'off', 'this run has no admin panel');
    await panelLogIn(page, who);
    await page.context().storageState({ path: sessionFile(persona as Persona) });
  });
}
