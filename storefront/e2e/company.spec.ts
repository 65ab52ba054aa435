import { expect, test, type Browser } from '@playwright/test';
import { confirmEmail, logIn, register, uniqueSiret } from './support/accounts.ts';
import { mailTo } from './support/mail.ts';

/**
 * A company's members: its admin invites a buyer, who opens the mailed link and creates their
 * account; the admin changes their role and limits; someone registering with the company's
 * SIRET asks to join, and the admin accepts them; a member leaves.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const siret = uniqueSiret(stamp);
const admin = { companyName: 'Atelier Boréal Lyon', siret, firstName: 'Maëlle', lastName: 'Roux', email: `e2e-admin-${stamp}@atelier-boreal-lyon.example`, password: 'Atelier-Boreal-2026!' };
const buyer = { email: `e2e-buyer-${stamp}@atelier-boreal-lyon.example`, password: 'Acheteur-Boreal-2026!' };
const joiner = { companyName: 'Atelier Boréal', siret, firstName: 'Lou', lastName: 'Petit', email: `e2e-joiner-${stamp}@atelier-boreal-lyon.example`, password: 'Rejoindre-Boreal-2026!' };

/** A fresh browser of its own: the invited person is not the admin. */
const newPage = async (browser: Browser) => (await browser.newContext()).newPage();

test('the admin registers the company and finds its members page from the account', async ({ page }) => {
  await register(page, admin);
  await confirmEmail(page, admin.email);
  await logIn(page, admin);
  await page.goto('/account');
  await expect(page.getByText('Atelier Boréal Lyon · Administrator')).toBeVisible();
  await page.getByRole('link', { name: 'Your company' }).first().click();
  await expect(page.getByRole('heading', { name: 'Your company', level: 1 })).toBeVisible();
  await expect(page.getByText('Your role: Administrator')).toBeVisible();
  await expect(page.getByText('No invitation is waiting.')).toBeVisible();
});

test('the admin invites a buyer; a wrong address is refused beside its field', async ({ page }) => {
  await logIn(page, admin);
  await page.goto('/account/company');
  await page.getByLabel('Their email').fill('not-an-address');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.locator('#field-email-error')).toBeVisible();

  await page.getByLabel('Their email').fill(buyer.email);
  await page.getByLabel('Their role').selectOption('buyer');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('The invitation is sent.');
  await expect(page.getByText(`${buyer.email} · Buyer · by Maëlle Roux`)).toBeVisible();
});

test('the buyer opens the mailed link, creates their account and lands in the company', async ({ browser }) => {
  const mail = await mailTo(buyer.email, /invites you to join Atelier Boréal Lyon/);
  const link = new URL(mail.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/)![0]);
  const page = await newPage(browser);
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { name: 'Invitation to join Atelier Boréal Lyon' })).toBeVisible();
  await expect(page.getByText('Maëlle Roux invites you to join Atelier Boréal Lyon on Ventalis, as Buyer.')).toBeVisible();
  await page.getByLabel('First name').fill('Sacha');
  await page.getByLabel('Last name').fill('Martin');
  await page.getByLabel('Phone').fill('+33 6 12 34 56 78');
  await page.getByLabel('Password', { exact: true }).fill(buyer.password);
  await page.getByRole('button', { name: 'Create my account and join' }).click();
  await expect(page).toHaveURL(/\/account\/company$/);
  await expect(page.getByText('Your role: Buyer')).toBeVisible();
  // A buyer reads the members; nothing to manage.
  await expect(page.getByRole('button', { name: 'Send the invitation' })).toHaveCount(0);

  // The link worked once.
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('already been accepted');
});

test("the admin makes the buyer an accountant with a monthly limit, and the last admin stays one", async ({ page }) => {
  await logIn(page, admin);
  await page.goto('/account/company');
  const row = page.getByRole('row').filter({ hasText: buyer.email });
  await row.getByLabel('Role').selectOption('accountant');
  await row.getByLabel('Per month (€)').fill('2500');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('The member’s role and limits are saved.');
  await expect(page.getByRole('row').filter({ hasText: buyer.email }).getByLabel('Per month (€)')).toHaveValue('2500');

  const me = page.getByRole('row').filter({ hasText: admin.email });
  await me.getByLabel('Role').selectOption('buyer');
  await me.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('at least one administrator');
});

test('someone registering with the same SIRET asks to join; the admin accepts them as a buyer', async ({ page, browser }) => {
  const other = await newPage(browser);
  await register(other, joiner);
  await confirmEmail(other, joiner.email);
  await mailTo(admin.email, /Lou Petit asks to join Atelier Boréal Lyon|Lou Petit demande à rejoindre Atelier Boréal Lyon/);
  await logIn(other, joiner);
  await other.goto('/account');
  await expect(other.getByText('Your request to join Atelier Boréal Lyon is waiting for its administrators.')).toBeVisible();

  await logIn(page, admin);
  await page.goto('/account/company');
  const request = page.getByRole('listitem').filter({ hasText: joiner.email });
  await request.getByLabel('Role').selectOption('buyer');
  await request.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status')).toHaveText('The request is accepted: they are a member now.');
  await expect(page.getByRole('row').filter({ hasText: joiner.email })).toBeVisible();
  await mailTo(joiner.email, /Welcome to Atelier Boréal Lyon/);
});

test('a member leaves the company; their account stays, without it', async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, buyer);
  await page.goto('/account/company');
  await page.getByRole('button', { name: 'Leave the company' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/account/company');
  await expect(page.getByText('Your account is not a member of a company.')).toBeVisible();
});
