import { expect, type Page } from '@playwright/test';
import { isValidSiret } from '@ventalis/contracts';
import { mailTo } from './mail.ts';

export const DEMO_PASSWORD = 'Ventalis-Demo-2026!';
export const claire = { email: 'claire.dubois@maison-lavande.example', password: DEMO_PASSWORD, name: 'Claire Dubois' };

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
