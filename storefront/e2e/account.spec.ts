import { expect, test } from '@playwright/test';
import { confirmEmail, uniqueSiret } from './support/accounts.ts';
import { mailTo } from './support/mail.ts';

/** A company registers, confirms its email by the mailed link, logs in; then resets its password. */
test.describe.configure({ mode: 'serial' });

const email = `e2e-${Date.now()}@atelier-vert.example`;
const password = 'Atelier-Vert-2026!';
const newPassword = 'Nouveau-Depart-2027!';
const siret = uniqueSiret();

test('a company registers: errors show next to the fields and keep what was typed', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Company name').fill('Atelier Vert');
  await page.getByLabel('SIRET (14 digits)').fill('12345678901234');
  await page.getByLabel('First name').fill('Noé');
  await page.getByLabel('Last name').fill('Lambert');
  await page.getByLabel('Email (your login)').fill(email);
  await page.getByLabel('Phone').fill('+33 4 72 00 00 00');
  await page.getByLabel('Address', { exact: true }).fill('3 rue de la Forge');
  await page.getByLabel('Postal code').fill('69002');
  await page.getByLabel('City').fill('Lyon');
  const passwordInput = page.getByLabel('Password', { exact: true });
  await passwordInput.fill('short');
  await expect(page.getByText('○ At least 12 characters')).toBeVisible();
  await passwordInput.fill(password);
  await expect(page.getByText('✓ At least 12 characters')).toBeVisible();
  await page.getByRole('button', { name: 'Create my account' }).click();

  await expect(page.locator('#field-siret-error')).toHaveText('This SIRET does not exist: check its 14 digits.');
  await expect(page.getByLabel('Company name')).toHaveValue('Atelier Vert');
  await expect(page.getByLabel('Email (your login)')).toHaveValue(email);

  await page.getByLabel('SIRET (14 digits)').fill(siret);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});

test('the company confirms its email with the mailed link, then logs in', async ({ page }) => {
  await confirmEmail(page, email);

  await page.getByRole('link', { name: 'Log in' }).first().click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('banner')).toContainText('Noé');
});

let resetLink = '';

test('forgot password: the mailed link sets a new password, refusing a weak one', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The login page has an Email field too: fill the new page's, once it is there.
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account uses ${email}`);

  const mail = await mailTo(email, /Reset your Ventalis password/);
  resetLink = mail.match(/https?:\/\/[^\s"<>]+reset-password\?code=[a-f0-9]{64}/)![0];
  await page.goto(resetLink);
  await page.getByLabel('New password').fill('weak');
  await page.getByLabel('The same password again').fill('weak');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.locator('#field-password-error')).toContainText('This password is too weak');

  await page.getByLabel('New password').fill(newPassword);
  await page.getByLabel('The same password again').fill(newPassword);
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByRole('status')).toContainText('Your new password is saved');
});

test('after the reset, the old password is refused and the new one logs in', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#password-error')).toBeVisible();
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('banner')).toContainText('Noé');
});

test('the reset link works once', async ({ page }) => {
  expect(resetLink).toMatch(/reset-password\?code=/);
  await page.goto(resetLink);
  await page.getByLabel('New password').fill('Another-Secret-2028!');
  await page.getByLabel('The same password again').fill('Another-Secret-2028!');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('alert')).toContainText('no longer valid');
});
