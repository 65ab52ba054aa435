import { expect, test } from '@playwright/test';

/**
 * The storefront keeps catalogue answers for 30 s (global setup), so only the cms' webhook
 * can make a panel edit show sooner: it must show within 2 seconds.
 */
const slug = 'kraft-product-label-40mm';
/** The same product's French version: the panel's list shows the default locale, French. */
const frenchSlug = 'etiquette-produit-kraft-40mm';

test('an edit saved in the panel shows on the product page within 2 seconds', async ({ page, request }) => {
  const cms = process.env.CMS_URL!;
  const login = await request.post(`${cms}/admin/login`, { data: { email: 'admin@ventalis.example', password: 'Ventalis-Admin-2026!' } });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${((await login.json()) as { data: { token: string } }).data.token}` };
  const found = await request.get(`${cms}/content-manager/collection-types/api::product.product?filters[$and][0][slug][$eq]=${frenchSlug}`, { headers });
  const product = ((await found.json()) as { results: { documentId: string; stock: number }[] }).results[0]!;

  await page.goto(`/products/${slug}`);
  await expect(page.getByText(/units available/)).toBeVisible();
  const stock = product.stock === 123_456 ? 123_457 : 123_456;
  const shown = `${stock.toLocaleString('en-GB')}\u00a0units available`;
  await expect(page.getByText(shown)).toHaveCount(0);

  // What the panel's Save button sends, on the French version: stock is shared by both languages.
  const saved = await request.put(`${cms}/content-manager/collection-types/api::product.product/${product.documentId}`, { headers, data: { stock } });
  expect(saved.ok(), await saved.text()).toBe(true);
  const savedAt = Date.now();

  let visible = false;
  while (!visible && Date.now() - savedAt < 2_000) {
    await page.reload();
    visible = (await page.getByText(shown).count()) > 0;
  }
  expect(visible, `the new stock did not show within 2 s (waited ${Date.now() - savedAt} ms)`).toBe(true);
});
