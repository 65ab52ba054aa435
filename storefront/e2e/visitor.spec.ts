import { expect, test } from '@playwright/test';

test.describe('a visitor', () => {
  test('opens the home page, browses the catalogue, filters, sorts and opens a product', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Eco-designed supplies');
    await expect(page.getByRole('heading', { name: 'Ventalis in figures' })).toBeVisible();
    // Pictures come through the storefront's own /uploads proxy.
    const hero = page.locator('.hero img');
    await expect(hero).toHaveAttribute('src', /^\/uploads\//);
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
    await expect(page).toHaveURL(/\/catalogue$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    const count = page.getByTestId('result-count');
    const allCount = Number((await count.innerText()).replace(/\D/g, ''));
    expect(allCount).toBeGreaterThan(12);
    await expect(page.getByTestId('product-card')).toHaveCount(12);

    // A category from the navigation.
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Packaging', exact: true }).click();
    await expect(page).toHaveURL(/\/catalogue\/packaging$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Packaging' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'All products' }).click();
    await expect(page).toHaveURL(/\/catalogue$/);

    // Eco label, price range in euros, sort: all in the URL, and the results follow.
    await page.getByLabel('Eco label', { exact: true }).selectOption({ label: 'FSC' });
    await page.getByLabel('From').fill('100');
    await page.getByLabel('To').fill('800');
    await page.getByLabel('Sort by').selectOption('price_desc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/label=fsc/);
    await expect(page).toHaveURL(/min=100&max=800/);
    await expect(page).toHaveURL(/sort=price_desc/);
    await expect(page.getByLabel('Eco label', { exact: true })).toHaveValue('fsc');
    await expect(page.getByLabel('Sort by')).toHaveValue('price_desc');
    await expect(page.getByLabel('From')).toHaveValue('100');
    const filteredCount = Number((await count.innerText()).replace(/\D/g, ''));
    expect(filteredCount).toBeGreaterThan(0);
    expect(filteredCount).toBeLessThan(allCount);

    const cards = page.getByTestId('product-card');
    const prices = await cards.locator('[data-price-cents]').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-price-cents'))));
    expect(prices.length).toBeGreaterThan(0);
    for (const cents of prices) {
      expect(cents).toBeGreaterThanOrEqual(10_000);
      expect(cents).toBeLessThanOrEqual(80_000);
    }
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    for (const card of await cards.all()) await expect(card.getByRole('list', { name: 'Eco labels' })).toContainText('FSC');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('FSC');

    await page.screenshot({ path: testInfo.outputPath('catalogue-filtered.png'), fullPage: true });

    // Opening the first (most expensive) result.
    const firstName = await cards.first().getByRole('heading').innerText();
    await cards.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName);
    // An English page writes prices the English way (see the French journey for 42,00 €).
    await expect(page.getByTestId('price')).toHaveText(/^€\d[\d,]*\.\d{2}$/);
    await expect(page.getByText('per 1,000 units, excl. VAT')).toBeVisible();
    await expect(page.getByText('Minimum order', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Environmental data' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Log in to order' })).toHaveAttribute('href', /^\/en\/login\?redirectTo=%2Fen%2Fproducts%2F/);
  });

  test('keeps the catalogue working without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/catalogue?sort=price_asc');
    await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');
    await page.getByLabel('To').fill('300');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/max=300/);
    await expect(page).toHaveURL(/sort=price_asc/);
    await expect(page.getByLabel('To')).toHaveValue('300');
    const prices = await page.locator('[data-price-cents]').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-price-cents'))));
    expect(prices.every((cents) => cents <= 30_000)).toBe(true);
    await context.close();
  });

  test('removes a filter from its chip, and the form follows', async ({ page }) => {
    await page.goto('/catalogue');
    await page.getByLabel('Search').fill('box');
    await page.getByLabel('Eco label', { exact: true }).selectOption('fsc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/q=box&label=fsc/);
    await page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: /FSC/ }).click();
    await expect(page).toHaveURL(/\/catalogue\?q=box$/);
    await expect(page.getByLabel('Eco label', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Search')).toHaveValue('box');
  });

  test('pages through the catalogue', async ({ page }) => {
    await page.goto('/catalogue');
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    const firstPage = await page.getByTestId('product-card').first().getByRole('heading').innerText();
    await pagination.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pagination.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('product-card').first().getByRole('heading')).not.toHaveText(firstPage);
  });

  test('explains a price it cannot read, next to the field', async ({ page }) => {
    await page.goto('/catalogue?min=cheap');
    await expect(page.getByText('Enter the minimum price in euros')).toBeVisible();
    await expect(page.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
  });

  test('sees a 404 page for an unknown product or category', async ({ page }) => {
    const product = await page.goto('/products/no-such-product');
    expect(product?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find this page');
    await expect(page.getByText('No product has this address')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Browse the catalogue' })).toBeVisible();

    const category = await page.goto('/catalogue/no-such-category');
    expect(category?.status()).toBe(404);
    await expect(page.getByText('No category has this address')).toBeVisible();
  });

  test('reads our commitment', async ({ page }) => {
    await page.goto('/our-commitment');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('no greenwashing');
    await expect(page.getByRole('heading', { level: 2, name: 'How we choose what we sell' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our commitment' })).toHaveAttribute('aria-current', 'page');
  });

  test('writes to the team through the contact form', async ({ page }) => {
    await page.goto('/contact');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('#company-error')).toHaveText('This field is required.');
    await expect(page.getByLabel('Company')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Company').fill('Atelier Vert');
    await page.getByLabel('First name').fill('Léa');
    await page.getByLabel('Last name').fill('Martin');
    await page.getByLabel('Email').fill('lea.martin@atelier-vert.example');
    await page.getByLabel('Subject').fill('Quote for 50,000 boxes');
    await page.getByLabel('Message').fill('Could you quote 50,000 kraft boxes delivered to Lyon in March?');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('status')).toContainText('your message has reached our team');
    await expect(page).toHaveURL(/\/en\/contact\?sent=?$/);
  });

  test.describe('on a 360 px wide phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const path of ['/', '/catalogue', '/products/kraft-shipping-box-s', '/login']) {
      test(`gets ${path} without scrolling sideways`, async ({ page }, testInfo) => {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
        if (path === '/catalogue') await page.screenshot({ path: testInfo.outputPath('catalogue-360px.png'), fullPage: true });
      });
    }
  });

  test('gets cms pictures through the storefront, and nothing else', async ({ page, request }) => {
    await page.goto('/products/kraft-shipping-box-s');
    const src = await page.locator('.gallery img').first().getAttribute('src');
    expect(src).toMatch(/^\/uploads\/[\w.-]+\.png$/);
    const picture = await request.get(src!);
    expect(picture.status()).toBe(200);
    expect(picture.headers()['content-type']).toBe('image/png');
    expect(picture.headers()['cache-control']).toContain('immutable');
    expect((await request.get('/uploads/no-such-picture.png')).status()).toBe(404);
    expect((await request.get('/uploads/..%2F..%2Fpackage.json')).status()).toBe(404);
  });
});

