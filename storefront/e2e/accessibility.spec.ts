import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { claire, DEMO_PASSWORD, logIn } from './support/accounts.ts';

/** Every page type, as the person who sees it: no serious or critical axe violation. */
async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (results.violations.length > 0) {
    await testInfo.attach(`${name}-axe-violations.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  }
  expect(blocking.map((v) => `${name}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** No sideways scrolling at 360 px: tables scroll inside their card, the page does not. */
async function expectFitsPhone(page: Page, paths: string[]) {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of paths) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal scroll on ${path} at 360 px`).toBeLessThanOrEqual(0);
  }
}

const pages = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/catalogue' },
  { name: 'product', path: '/products/kraft-shipping-box-s' },
  { name: 'login', path: '/login' },
  { name: 'registration', path: '/register' },
  { name: 'forgot password', path: '/forgot-password' },
  { name: 'reset password', path: '/reset-password?code=' + 'a'.repeat(64) },
  { name: 'category', path: '/catalogue/packaging' },
  { name: 'our commitment', path: '/our-commitment' },
  { name: 'contact', path: '/contact' },
  { name: 'not found', path: '/products/no-such-product' },
  { name: 'email confirmed', path: '/account/confirmed' },
  { name: 'confirmation link again', path: '/account/confirmation' },
];

for (const { name, path } of pages) {
  test(`the ${name} page has no serious or critical accessibility violations`, async ({ page }, testInfo) => {
    await page.goto(path);
    await expectAccessible(page, testInfo, name);
    if (name === 'catalogue' || name === 'registration') await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  });
}

test("a customer's pages have no serious or critical accessibility violations", async ({ page }, testInfo) => {
  await logIn(page, claire);
  await page.goto('/orders?scope=completed');
  const reference = (await page.locator('a[href^="/orders/VT-"]').first().textContent())!.trim();
  const customerPages = [
    ['dashboard', '/account'],
    ['impact', '/account/impact'],
    ['product with the order form', '/products/kraft-shipping-box-s'],
    ['cart', '/cart'],
    ['orders', '/orders'],
    ['order', `/orders/${reference}`],
    ['messages', '/messages?with=consultant'],
  ];
  for (const [name, path] of customerPages) {
    await page.goto(path);
    await expectAccessible(page, testInfo, name);
  }
  await expectFitsPhone(page, customerPages.map(([, path]) => path));
  await page.goto(`/orders/${reference}`);
  await page.screenshot({ path: testInfo.outputPath('order-360px.png'), fullPage: true });
});

test('the payment page has no serious or critical accessibility violations', async ({ page }, testInfo) => {
  // A demo client with an order awaiting payment.
  await logIn(page, { email: 'julien.moreau@atelier-boreal.example', password: DEMO_PASSWORD });
  await page.goto('/orders');
  const awaiting = page.getByRole('listitem').filter({ hasText: 'Awaiting payment' }).getByRole('link');
  await page.goto(`${(await awaiting.first().getAttribute('href'))!}/pay`);
  await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
  await expectAccessible(page, testInfo, 'payment');
});

test("a consultant's pages have no serious or critical accessibility violations", async ({ page }, testInfo) => {
  await logIn(page, { email: 'camille.laurent@ventalis.example', password: DEMO_PASSWORD });
  await page.goto('/consultant/clients');
  // A client with orders (a company registered by another journey may have none yet).
  const withOrders = page.locator('tbody tr').filter({ has: page.locator('td.num', { hasNotText: /^0$/ }) });
  const client = (await withOrders.first().locator('a[href^="/consultant/clients/"]').getAttribute('href'))!;
  await page.goto(client);
  const order = (await page.locator('a[href^="/consultant/orders/"]').first().getAttribute('href'))!;
  const consultantPages = [
    ['portfolio', '/consultant'],
    ['clients', '/consultant/clients'],
    ['client', client],
    ['client order', order],
    ['messages', '/messages'],
  ];
  for (const [name, path] of consultantPages) {
    await page.goto(path);
    await expectAccessible(page, testInfo, name);
  }
  await expectFitsPhone(page, consultantPages.map(([, path]) => path));
});
