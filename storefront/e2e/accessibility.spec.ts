import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { sessionFile, type Persona } from './support/accounts.ts';

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
async function expectFitsPhone(page: Page, path: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${path} at 360 px`).toBeLessThanOrEqual(0);
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

test.describe("a visitor's pages, in French and in English", () => {
  // They only read: in parallel.
  test.describe.configure({ mode: 'parallel' });
  for (const locale of ['fr', 'en']) {
    for (const { name, path } of pages) {
      test(`the ${name} page (${locale}) has no serious or critical accessibility violations`, async ({ page }, testInfo) => {
        await page.goto(`/${locale}${path === '/' ? '' : path}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expectAccessible(page, testInfo, `${name}-${locale}`);
        if (name === 'catalogue' || name === 'registration') await page.screenshot({ path: testInfo.outputPath(`${name}-${locale}.png`), fullPage: true });
      });
    }
  }
});

/** A signed-in person's page: its address, found from what the person sees when it depends on the data. */
interface PersonalPage {
  name: string;
  path: (page: Page) => Promise<string>;
}
const at = (path: string) => async () => path;

/** Claire's first completed order, as her orders page lists it. */
async function completedOrder(page: Page) {
  await page.goto('/orders?scope=completed');
  return `/orders/${(await page.locator('a[href*="/orders/VT-"]').first().textContent())!.trim()}`;
}

/** A client of Camille's with orders (a company registered by another journey may have none yet). */
async function clientWithOrders(page: Page) {
  await page.goto('/consultant/clients');
  const withOrders = page.locator('tbody tr').filter({ has: page.locator('td.num', { hasNotText: /^0$/ }) });
  return (await withOrders.first().locator('a[href*="/consultant/clients/"]').getAttribute('href'))!;
}

async function clientOrder(page: Page) {
  await page.goto(await clientWithOrders(page));
  return (await page.locator('a[href*="/consultant/orders/"]').first().getAttribute('href'))!;
}

/**
 * One test per page and per check (axe; 360 px), each from the persona's stored session: a
 * person's pages read only, so they run in parallel.
 */
function personalPages(who: string, persona: Persona, list: PersonalPage[]) {
  test.describe(`${who}'s pages`, () => {
    test.describe.configure({ mode: 'parallel' });
    test.use({ storageState: sessionFile(persona) });

    for (const { name, path } of list) {
      test(`${who}'s ${name} page has no serious or critical accessibility violations`, async ({ page }, testInfo) => {
        await page.goto(await path(page));
        await expectAccessible(page, testInfo, name);
      });
    }

    test.describe('at 360 px', () => {
      test.use({ viewport: { width: 360, height: 740 } });
      for (const { name, path } of list) {
        test(`${who}'s ${name} page fits a 360 px wide phone`, async ({ page }, testInfo) => {
          const address = await path(page);
          await page.goto(address);
          await expectFitsPhone(page, address);
          if (name === 'order') await page.screenshot({ path: testInfo.outputPath('order-360px.png'), fullPage: true });
        });
      }
    });
  });
}

personalPages('a customer', 'claire', [
  { name: 'dashboard', path: at('/account') },
  { name: 'impact', path: at('/account/impact') },
  { name: 'invoices', path: at('/account/invoices') },
  { name: 'product with the order form', path: at('/products/kraft-shipping-box-s') },
  { name: 'cart', path: at('/cart') },
  { name: 'quick order', path: at('/quick-order') },
  { name: 'orders', path: at('/orders') },
  { name: 'order', path: completedOrder },
  { name: 'messages', path: at('/messages?with=consultant') },
]);

/** The buyer's pages in French, as a French client reads them: the same axe check. */
test.describe("a customer's pages in French", () => {
  test.describe.configure({ mode: 'parallel' });
  test.use({ storageState: sessionFile('claire'), locale: 'fr-FR' });

  const inFrench: PersonalPage[] = [
    { name: 'dashboard', path: at('/account') },
    { name: 'impact', path: at('/account/impact') },
    { name: 'invoices', path: at('/account/invoices') },
    { name: 'cart', path: at('/cart') },
    { name: 'orders', path: at('/orders') },
    { name: 'order', path: completedOrder },
  ];
  for (const { name, path } of inFrench) {
    test(`a customer's ${name} page (fr) has no serious or critical accessibility violations`, async ({ page }, testInfo) => {
      await page.goto(`/fr${await path(page)}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expectAccessible(page, testInfo, `${name}-fr`);
    });
  }
});

personalPages('a consultant', 'camille', [
  { name: 'portfolio', path: at('/consultant') },
  { name: 'clients', path: at('/consultant/clients') },
  { name: 'client', path: clientWithOrders },
  { name: 'client order', path: clientOrder },
  { name: 'invoices', path: at('/consultant/invoices') },
  { name: 'messages', path: at('/messages') },
]);

test.describe('the payment page', () => {
  // A demo client with an order awaiting payment.
  test.use({ storageState: sessionFile('julien') });

  test('has no serious or critical accessibility violations', async ({ page }, testInfo) => {
    await page.goto('/orders');
    const awaiting = page.getByRole('listitem').filter({ hasText: 'Awaiting payment' }).getByRole('link');
    await page.goto(`${(await awaiting.first().getAttribute('href'))!}/pay`);
    await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
    await expectAccessible(page, testInfo, 'payment');
  });

  test('has no serious or critical accessibility violations in French', async ({ page }, testInfo) => {
    await page.goto('/fr/orders');
    const awaiting = page.getByRole('listitem').filter({ hasText: 'En attente de paiement' }).getByRole('link');
    await page.goto(`${(await awaiting.first().getAttribute('href'))!}/pay`);
    await expect(page.getByRole('heading', { name: 'Payer votre commande' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectAccessible(page, testInfo, 'payment-fr');
  });
});
