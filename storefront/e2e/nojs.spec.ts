import { expect, test } from './support/fixtures.ts';

/**
 * Every form of the buying path works without JavaScript, and says what is wrong next to the
 * field. Sophie's cart and orders are this journey's alone; logging in without JavaScript is
 * customer.spec.ts' journey.
 */
const nbsp = '\u00a0';

test('a client without JavaScript fills a cart, checks out and pays', async ({ pageAs }) => {
  const page = await pageAs('sophie', { javaScriptEnabled: false });
  await page.goto('/products/kraft-shipping-box-s');
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();

  // Below the minimum: the server says so next to the field and keeps what was typed.
  await page.getByLabel('Quantity (units)').fill('999');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#field-quantity-error')).toHaveText('The minimum order is 1000 units');
  await expect(page.getByLabel('Quantity (units)')).toHaveValue('999');

  await page.getByLabel('Quantity (units)').fill('1000');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/\/cart\?added=kraft-shipping-box-s$/);
  await page.getByRole('button', { name: 'Empty the cart' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await page.goto('/products/kraft-shipping-box-s');
  await page.getByLabel('Quantity (units)').fill('2500');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('total-excl')).toHaveText(`1${'\u202f'}147,50${nbsp}€`);

  await page.getByRole('button', { name: 'Check out and pay' }).click();
  await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
  await page.getByLabel('Card number').fill('1234');
  await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
  await page.getByLabel('Security code (CVC)').fill('12');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.locator('#field-cardNumber-error')).toHaveText('Card number must be 13 to 19 digits');
  await expect(page.locator('#field-cvc-error')).toHaveText('CVC must be 3 or 4 digits');
  await expect(page.getByLabel('Expiry date (MM/YY)')).toHaveValue('12/30');
  // The card number is never sent back to the page.
  await expect(page.getByLabel('Card number')).toHaveValue('');

  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible();
});
