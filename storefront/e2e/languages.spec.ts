import { expect, test, type Page } from '@playwright/test';

/**
 * A visitor in French or in English: the first visit follows the browser's language, every
 * page lives under /fr or /en, the switcher keeps the page, the choice is remembered, and
 * money and quantities are written the way each language writes them.
 */
const PRODUCT = '/products/kraft-shipping-box-s';

async function alternates(page: Page) {
  return page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) => Object.fromEntries(links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])));
}

test.describe('a French-speaking visitor', () => {
  test.use({ locale: 'fr-FR' });

  test('lands on the French site, reads it in French, with French prices and quantities', async ({ page, baseURL }) => {
    const response = await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/fr');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(nav.getByRole('link', { name: 'Notre engagement' })).toHaveAttribute('href', '/fr/our-commitment');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeAttached();

    // hreflang: the same page in each language, and French for anyone else.
    expect(await alternates(page)).toEqual({ fr: `${baseURL}/fr`, en: `${baseURL}/en`, 'x-default': `${baseURL}/fr` });

    await nav.getByRole('link', { name: 'Catalogue' }).click();
    await expect(page).toHaveURL(/\/fr\/catalogue$/);
    await expect(page.getByTestId('result-count')).toHaveText(/^\d[\d\u202f]* produits$/);
    await expect(page.getByLabel('Trier par')).toBeVisible();

    await page.goto(`/fr${PRODUCT}`);
    await expect(page.getByTestId('price')).toHaveText(/^\d[\d\u202f]*,\d{2}\u00a0€$/);
    await expect(page.getByText('Commande minimum', { exact: true })).toBeVisible();
    await expect(page.locator('.facts dd').first()).toHaveText(/^\d[\d\u202f]*\u00a0unités$/);
    await expect(page.getByRole('link', { name: 'Se connecter pour commander' })).toHaveAttribute('href', /^\/fr\/login\?redirectTo=%2Ffr%2Fproducts%2F/);
  });

  test('switches to English on the same page, query kept, and is remembered', async ({ page, baseURL }) => {
    await page.goto('/fr/catalogue?sort=price_asc&perPage=24');
    expect(await alternates(page)).toMatchObject({ en: `${baseURL}/en/catalogue?sort=price_asc&perPage=24` });
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/catalogue\?sort=price_asc&perPage=24$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');
    await expect(page.getByTestId('result-count')).toHaveText(/^\d[\d,]* products$/);

    // The choice is kept in a cookie only the server reads.
    const chosen = (await page.context().cookies()).find((cookie) => cookie.name === 'ventalis_locale');
    expect(chosen).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax' });
    // A link without a language (an old bookmark) now lands in English, although the browser asks for French.
    await page.goto('/our-commitment');
    expect(new URL(page.url()).pathname).toBe('/en/our-commitment');
    // Until the person chooses French again.
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(/\/fr\/our-commitment$/);
    await page.goto('/catalogue');
    expect(new URL(page.url()).pathname).toBe('/fr/catalogue');
  });

  test('switches language on a product page and keeps the product', async ({ page }) => {
    await page.goto(`/fr${PRODUCT}`);
    const english = page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' });
    await english.click();
    await expect(page).toHaveURL(/\/en\/products\/[a-z0-9-]+$/);
    await expect(page.getByTestId('price')).toHaveText(/^€\d[\d,]*\.\d{2}$/);
    await expect(page.getByText('Minimum order', { exact: true })).toBeVisible();
    await expect(page.locator('.facts dd').first()).toHaveText(/^\d[\d,]*\u00a0units$/);
  });

  test('gets a 404 in French for a language the shop does not speak, without a detour', async ({ page }) => {
    const response = await page.goto('/de/catalogue');
    expect(response?.status()).toBe(404);
    expect(new URL(page.url()).pathname).toBe('/de/catalogue');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nous n’avons pas trouvé cette page');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('reads the error page and refusals of the catalogue in French', async ({ page }) => {
    const response = await page.goto('/fr/products/no-such-product');
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Aucun produit ne porte cette adresse')).toBeVisible();
    await page.goto('/fr/catalogue?min=cher');
    await expect(page.getByText('Saisissez le prix minimum en euros')).toBeVisible();
  });

  test('keeps the French catalogue working without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/catalogue');
    expect(new URL(page.url()).pathname).toBe('/fr/catalogue');
    await page.getByLabel('À', { exact: true }).fill('300');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect(page).toHaveURL(/\/fr\/catalogue\?.*max=300$/);
    await expect(page.getByRole('list', { name: 'Filtres actifs' })).toContainText('Jusqu’à 300,00\u00a0€');
    await context.close();
  });
});

test.describe('an English-speaking visitor', () => {
  test.use({ locale: 'en-GB' });

  test('lands on the English site from the root, with English prices', async ({ page }) => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto(PRODUCT);
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/products\//);
    await expect(page.getByTestId('price')).toHaveText(/^€\d[\d,]*\.\d{2}$/);
  });

  test('is not redirected away from an explicit French address', async ({ page }) => {
    await page.goto('/fr/catalogue');
    expect(new URL(page.url()).pathname).toBe('/fr/catalogue');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test.describe('machines', () => {
  test('reach the health check, media and the cms webhook without a language', async ({ request }) => {
    const health = await request.get('/healthz', { maxRedirects: 0 });
    expect(health.status()).toBe(200);
    const webhook = await request.post('/api/cms-webhook', { maxRedirects: 0, data: {} });
    expect(webhook.status()).not.toBe(307);
    expect((await request.get('/uploads/no-such-picture.png', { maxRedirects: 0 })).status()).toBe(404);
  });
});
