import { expect, type Page } from '@playwright/test';

/**
 * On the pay page (where a checkout, or a quote's acceptance, leads): pays with a simulated
 * card and waits for the order's page. Returns the order's reference.
 */
export async function payOnPayPage(page: Page, card: string): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
  const reference = /\/orders\/([^/]+)\/pay/.exec(page.url())![1]!;
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${reference}`));
  return reference;
}
