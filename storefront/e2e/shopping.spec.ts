import { readFile } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from '@playwright/test';
import { confirmEmail, consultantPersona, logIn, register, uniqueSiret } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { payOnPayPage } from './support/payment.ts';

/**
 * A new company from registration to a paid order, a declined card, and its consultant
 * moving the order along with a comment the client reads.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const company = {
  companyName: 'Brasserie des Pentes',
  firstName: 'Léa',
  lastName: 'Moreau',
  email: `shop-${stamp}@brasserie-pentes.example`,
  password: 'Houblon-Doré-2026!',
  siret: uniqueSiret(stamp + 7),
};
const boxS = 'Kraft Shipping Box S (200×150×100 mm)';
const nbsp = '\u00a0';
const statusComment = 'Your boxes are being prepared in our Lyon warehouse; delivery on Thursday.';
let consultantEmail = '';
let paidReference = '';
/** The new company's session after its first login: the next journeys start from it. */
let companySession: BrowserContextOptions['storageState'];
test.use({ storageState: async ({}, use) => use(companySession) });

async function addToCart(page: Page, slug: string, quantity: string) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel('Quantity (units)').fill(quantity);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/\/cart\?added=/);
}

async function checkOutAndPay(page: Page, card: string) {
  await page.getByRole('button', { name: 'Check out and pay' }).click();
  return payOnPayPage(page, card);
}

test('a company registers, confirms its email and finds its consultant on its dashboard', async ({ page }) => {
  await register(page, company);
  await confirmEmail(page, company.email);
  await logIn(page, company);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { name: `Hello ${company.firstName}` })).toBeVisible();
  const card = page.getByRole('region', { name: 'Your consultant' });
  consultantEmail = (await card.getByRole('link', { name: /@ventalis\.example$/ }).textContent())!.trim();
  expect(consultantEmail).toMatch(/^[a-z.]+@ventalis\.example$/);
  companySession = await page.context().storageState();
});

test('fills a cart within the product rules, pays with 4242… and sees the order ongoing', async ({ page }) => {
  await addToCart(page, 'kraft-shipping-box-s', '1000');

  // Off the product's step: refused next to the field, the cart unchanged.
  const quantity = page.getByLabel(`Quantity of ${boxS}`);
  await quantity.fill('1250');
  await page.getByRole('button', { name: `Update ${boxS}` }).click();
  await expect(page.locator('#quantity-kraft-shipping-box-s-error')).toContainText('steps of 500 units');
  await expect(quantity).toHaveValue('1250');
  await page.reload();
  await expect(page.getByTestId('total-excl')).toHaveText('€459.00');

  await quantity.fill('1500');
  await page.getByRole('button', { name: `Update ${boxS}` }).click();
  // 1,500 × €459.00 / 1,000 = €688.50 + 20 % VAT; 1,500 × 118.4 g CO₂e. In English, the English way.
  await expect(page.getByTestId('total-excl')).toHaveText('€688.50');
  await expect(page.getByTestId('total-incl')).toHaveText('€826.20');
  await expect(page.getByTestId('total-co2e')).toHaveText(`177.6${nbsp}kg CO₂e`);

  paidReference = await checkOutAndPay(page, '4242 4242 4242 4242');
  await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible();
  await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('Paid');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('link', { name: paidReference })).toBeVisible();
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('link', { name: paidReference })).toHaveCount(0);

  // The cart was turned into the order.
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('a declined card leaves the order unpaid and the cart as it was', async ({ page }) => {
  await addToCart(page, 'kraft-shipping-box-s', '2000');
  const reference = await checkOutAndPay(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('Your payment did not go through');
  await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('Payment failed');

  await page.getByRole('link', { name: 'Go back to your cart' }).click();
  await expect(page.getByLabel(`Quantity of ${boxS}`)).toHaveValue('2000');
  await expect(page.getByTestId('total-excl')).toHaveText('€918.00');
  await page.goto('/orders?scope=completed');
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
  await page.goto('/cart');
  await page.getByRole('button', { name: 'Empty the cart' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('the consultant finds the new client and moves the paid order to in progress with a comment', async ({ pageAs }) => {
  const consultant = await pageAs(consultantPersona(consultantEmail));
  await consultant.goto('/');
  await consultant.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My portfolio' }).click();
  const toStart = consultant.getByRole('region', { name: /Paid orders to start/ });
  await expect(toStart.getByRole('link', { name: company.companyName }).first()).toBeVisible();
  await consultant.screenshot({ path: test.info().outputPath('persona-consultant-dashboard.png'), fullPage: true });
  // The new client is in the consultant's portfolio, found by a search.
  await consultant.goto(`/consultant/clients?q=${encodeURIComponent('Brasserie des')}`);
  await expect(consultant.getByRole('row', { name: new RegExp(company.companyName) })).toBeVisible();
  await consultant.getByLabel('Search by company, name or email').fill('no such company');
  await consultant.getByRole('button', { name: 'Search' }).click();
  await expect(consultant.getByText('No client matches “no such company”.')).toBeVisible();

  await consultant.goto('/consultant');
  await toStart.getByRole('link', { name: paidReference }).click();

  // No comment: refused next to the field, the status unchanged.
  await consultant.getByRole('radio', { name: 'In progress' }).check();
  await consultant.getByRole('button', { name: 'Change the status' }).click();
  await expect(consultant.locator('#comment-error')).toHaveText('A comment for the client is required');
  await expect(consultant.getByRole('main').locator('[data-status]').first()).toHaveText('Paid');

  await consultant.getByLabel('Comment for the client (required)').fill(statusComment);
  await consultant.getByRole('button', { name: 'Change the status' }).click();
  await expect(consultant.getByRole('status')).toContainText('now in progress');
  await consultant.getByLabel('New note').fill('Dock 2, ask for Marc.');
  await consultant.getByRole('button', { name: 'Add the note' }).click();
  await expect(consultant.getByRole('region', { name: /Internal notes/ })).toContainText('Dock 2, ask for Marc.');
});

test("the client reads the consultant's comment on the order, not the internal note", async ({ page }) => {
  await page.goto(`/orders/${paidReference}`);
  await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('In progress');
  await expect(page.getByRole('region', { name: 'History' })).toContainText(statusComment);
  await expect(page.getByRole('main')).not.toContainText('Dock 2');
});

test("the year's impact counts the paid order only", async ({ page }) => {
  await page.goto('/account/impact');
  await expect(page.getByTestId('impact-spend')).toHaveText('€688.50');
  // The paid order's 1,500 boxes, under the category's English name (the order kept the French one).
  await expect(page.getByRole('row', { name: /Shipping Boxes/ })).toContainText(`1,500${nbsp}units`);
  // By month, with the method; the same figures as a CSV to compute with.
  await expect(page.getByRole('region', { name: 'CO₂e by month' }).getByRole('row')).toHaveCount(13);
  await expect(page.getByRole('region', { name: 'Method' })).toContainText('GHG Protocol, scope 3, category 1');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Figures (CSV)' }).click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  expect(csv).toContain('section,key,units,spend_excl_vat_cents,kg_co2e');
  expect(csv).toMatch(/\ntotal,\d{4},1500,68850,/);
});

test('the client orders the same products again, back in the cart', async ({ page }) => {
  await page.goto(`/orders/${paidReference}`);
  await page.getByRole('button', { name: 'Order these products again' }).click();
  await expect(page.getByRole('status')).toContainText('in your cart');
  await page.goto('/cart');
  await expect(page.getByLabel(`Quantity of ${boxS}`)).toHaveValue('1500');
});
