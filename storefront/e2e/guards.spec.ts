import { claire, sessionFile } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/** Every personal page checks who asks: visitors log in and come back; other roles get 403. */
const customerPages = ['/account', '/account/impact', '/cart', '/quick-order', '/orders'];
const consultantPages = ['/consultant', '/consultant/clients'];
// Both roles: a visitor is sent to login.
const memberPages = ['/messages'];

// Every guard here only reads: one test per page, in parallel.
test.describe.configure({ mode: 'parallel' });

for (const path of [...customerPages, ...consultantPages, ...memberPages]) {
  test(`a visitor is sent from ${path} to login`, async ({ page }) => {
    await page.goto(path);
    // Playwright's browser asks for English: the page, its login page and the way back are under /en.
    await expect(page).toHaveURL(new RegExp(`/en/login\\?redirectTo=${encodeURIComponent(`/en${path}`).replace(/[.?]/g, '\\$&')}$`));
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  });
}

test('a visitor logging in from a personal page comes back to it', async ({ page }) => {
  await page.goto('/orders?scope=completed');
  await page.getByLabel('Email').fill(claire.email);
  await page.getByLabel('Password').fill(claire.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/orders\?scope=completed$/);
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
});

test('a visitor posting a form of a personal page is sent to login', async ({ request }) => {
  const response = await request.post('/en/products/kraft-shipping-box-s?/add', {
    form: { quantity: '1000' },
    // A plain form post (not use:enhance's fetch), as a browser without JavaScript sends it.
    headers: { origin: new URL(process.env.STOREFRONT_URL!).origin, accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe('/en/login?redirectTo=%2Fen%2Fproducts%2Fkraft-shipping-box-s');
});

test.describe('a customer', () => {
  test.use({ storageState: sessionFile('claire') });
  for (const path of [...consultantPages, '/consultant/clients/1', '/consultant/orders/VT-000000-AAAAAA']) {
    test(`gets 403 on the consultant page ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('main')).toContainText('This page is for Ventalis consultants.');
    });
  }
});

test.describe('a consultant', () => {
  test.use({ storageState: sessionFile('camille') });
  for (const path of customerPages) {
    test(`gets 403 on the customer page ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('main')).toContainText('This page is for client accounts.');
    });
  }
});

test("a customer finds no trace of another company's order", async ({ pageAs }) => {
  const julienPage = await pageAs('julien');
  await julienPage.goto('/orders');
  const reference = (await julienPage.locator('a[href*="/orders/VT-"]').first().textContent())!.trim();

  const clairePage = await pageAs('claire');
  for (const path of [`/orders/${reference}`, `/orders/${reference}/pay`]) {
    const response = await clairePage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(clairePage.getByRole('main')).toContainText('No order of yours has this reference');
  }
});

test("a consultant finds no trace of another consultant's clients", async ({ pageAs }) => {
  const thomasPage = await pageAs('thomas');
  await thomasPage.goto('/consultant/clients');
  // A client with orders (a company registered by another journey may have none yet).
  const withOrders = thomasPage.locator('tbody tr').filter({ has: thomasPage.locator('td.num', { hasNotText: /^0$/ }) });
  const clientHref = (await withOrders.first().locator('a[href*="/consultant/clients/"]').getAttribute('href'))!;
  await thomasPage.goto(clientHref);
  const orderHref = (await thomasPage.locator('a[href*="/consultant/orders/"]').first().getAttribute('href'))!;

  const camillePage = await pageAs('camille');
  for (const path of [clientHref, orderHref]) {
    const response = await camillePage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(camillePage.getByRole('main')).toContainText(/No (client|order) of your/);
  }
});

test('a visitor lands on the home page (screenshot kept)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('persona-visitor-home.png'), fullPage: true });
});

test('a customer lands on their dashboard with their consultant (screenshot kept)', async ({ pageAs }) => {
  const page = await pageAs('claire');
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Your consultant' })).toContainText('@ventalis.example');
  await page.screenshot({ path: test.info().outputPath('persona-customer-dashboard.png'), fullPage: true });
});
