import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { isValidSiret } from '@ventalis/contracts';
import { mailTo } from './mail.ts';

export const DEMO_PASSWORD = 'Ventalis-Demo-2026!';
export const PANEL_PASSWORD = 'Ventalis-Admin-2026!';
/** Opens /metrics on every service of the e2e stacks. */
export const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
export const claire = { email: 'claire.dubois@maison-lavande.example', password: DEMO_PASSWORD, name: 'Claire Dubois' };

/**
 * The demo accounts the journeys act as, signed in once per run (sessions.setup.ts). Journeys
 * run in parallel workers, so each one that writes does so as a client no other journey writes
 * as on the same stack:
 * - claire: read-only here (pages, guards, sessions); her cart is written on the Stripe stack only;
 * - julien: has an order awaiting payment, read only;
 * - sophie: the purchase without JavaScript (her cart and orders);
 * - marc: the live chat with his consultant (reading it clears his unread count);
 * - nadia: the message sent without JavaScript;
 * - elodie: the administrator's conversation from the panel;
 * - hugo: the quick order (his cart);
 * - antoine, lucie: Fromagerie Delorme's admin approving his buyer's order (company.spec / approvals);
 * - karim: NordLog's buyer ordering on invoice (his cart and orders);
 * - camille, thomas, ines: the consultants (ines only for the new company she may be given).
 */
export const storefrontPersonas = {
  claire,
  julien: { email: 'julien.moreau@atelier-boreal.example', password: DEMO_PASSWORD },
  sophie: { email: 'sophie.martin@halles-gourmandes.example', password: DEMO_PASSWORD },
  marc: { email: 'marc.perrin@hotel-les-tilleuls.example', password: DEMO_PASSWORD },
  nadia: { email: 'nadia.haddad@bureau-vert-conseil.example', password: DEMO_PASSWORD },
  elodie: { email: 'elodie.lefebvre@nordlog-fulfilment.example', password: DEMO_PASSWORD },
  hugo: { email: 'hugo.bernard@cafe-solstice.example', password: DEMO_PASSWORD },
  antoine: { email: 'antoine.delorme@fromagerie-delorme.example', password: DEMO_PASSWORD },
  lucie: { email: 'lucie.marchand@fromagerie-delorme.example', password: DEMO_PASSWORD },
  karim: { email: 'karim.benoit@nordlog-fulfilment.example', password: DEMO_PASSWORD },
  camille: { email: 'camille.laurent@ventalis.example', password: DEMO_PASSWORD },
  thomas: { email: 'thomas.girard@ventalis.example', password: DEMO_PASSWORD },
  ines: { email: 'ines.benali@ventalis.example', password: DEMO_PASSWORD },
};

/** The admin panel's demo accounts (on the main stack's cms). */
export const panelPersonas = {
  admin: { email: 'admin@ventalis.example', password: PANEL_PASSWORD },
  marketer: { email: 'marketer@ventalis.example', password: PANEL_PASSWORD },
};

export type Persona = keyof typeof storefrontPersonas | keyof typeof panelPersonas;

/** The storage state (cookies, local storage) a persona's sign-in left, for `storageState`. */
export function sessionFile(persona: Persona): string {
  return path.join(import.meta.dirname, '..', '..', 'test-results', '.sessions', `${persona}.json`);
}

/** The consultant persona with this email (a new company gets one of them). */
export function consultantPersona(email: string): Persona {
  const found = (['camille', 'thomas', 'ines'] as const).find((name) => storefrontPersonas[name].email === email);
  if (!found) throw new Error(`${email} is not a demo consultant`);
  return found;
}

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}

/** A SIRET nobody else in this run uses, with a valid check digit. */
export function uniqueSiret(seed = Date.now()): string {
  const prefix = `7328${String(seed % 1_000_000_000).padStart(9, '0')}`;
  return Array.from({ length: 10 }, (_, check) => `${prefix}${check}`).find(isValidSiret)!;
}

export interface NewCompany {
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  siret: string;
}

/** Fills the registration form and sends it; the page then asks to check the inbox. */
export async function register(page: Page, company: NewCompany) {
  await page.goto('/register');
  await page.getByLabel('Company name').fill(company.companyName);
  await page.getByLabel('SIRET (14 digits)').fill(company.siret);
  await page.getByLabel('First name').fill(company.firstName);
  await page.getByLabel('Last name').fill(company.lastName);
  await page.getByLabel('Email (your login)').fill(company.email);
  await page.getByLabel('Phone').fill('+33 4 72 00 00 00');
  await page.getByLabel('Address', { exact: true }).fill('3 rue de la Forge');
  await page.getByLabel('Postal code').fill('69002');
  await page.getByLabel('City').fill('Lyon');
  await page.getByLabel('Password', { exact: true }).fill(company.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
}

/** Follows the confirmation link of the mail the cms sent to this address. */
export async function confirmEmail(page: Page, email: string) {
  const mail = await mailTo(email, /Confirm your Ventalis account/);
  const link = new URL(mail.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)![0]);
  // The cms sends its public URL; reach it where the test started it.
  const cms = new URL(process.env.CMS_URL!);
  link.protocol = cms.protocol;
  link.host = cms.host;
  await page.goto(link.toString());
  await expect(page.getByRole('heading', { name: 'Your email is confirmed' })).toBeVisible();
}

/**
 * How long the first thing a panel page shows may take to appear after a navigation: the
 * panel's first load in a fresh browser context, under the load of the other workers
 * (3–6 s idle, past 10 s seen on CI's 2 cores).
 */
export const PANEL_LOAD_TIMEOUT = 30_000;

/** Signs into the admin panel of the main stack's cms, as a person does on its login page. */
export async function panelLogIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${process.env.CMS_URL}/admin/auth/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
}
