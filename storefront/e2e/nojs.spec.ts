import { expect, test } from './support/fixtures.ts';
import { sessionFile } from './support/accounts.ts';

/**
 * Every form of the buying path works without JavaScript, and says what is wrong next to the
 * field: one step of the purchase per journey, in order. Sophie's cart and orders are this
 * file's alone; logging in without JavaScript is customer.spec.ts' journey.
 */
/** The payment page of the order the third step creates, which the last step pays. */
let payUrl = '';

test.describe('a client without JavaScript', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: sessionFile('sophie'), javaScriptEnabled: false });

  test('is told next to the field that the quantity is below the minimum, with what they typed kept', async ({ page }) => {
    await page.goto('/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('999');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.locator('#field-quantity-error')).toHaveText('The minimum order is 1,000 units.');
    await expect(page.getByLabel('Quantity (units)')).toHaveValue('999');
  });

  test('adds a product to the cart, then empties the cart', async ({ page }) => {
    await page.goto('/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('1000');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=kraft-shipping-box-s$/);
    await expect(page.getByTestId('total-excl')).toHaveText('€459.00');
    await page.getByRole('button', { name: 'Empty the cart' }).click();
    await expect(page.getByText('Your cart is empty.')).toBeVisible();
  });

  test('checks out, and is told next to the fields what is wrong with the card, never shown the number again', async ({ page }) => {
    await page.goto('/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('2500');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByTestId('total-excl')).toHaveText('€1,147.50');

    await page.getByRole('button', { name: 'Check out and pay' }).click();
    await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
    payUrl = page.url();
    await page.getByLabel('Card number').fill('1234');
    await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
    await page.getByLabel('Security code (CVC)').fill('12');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.locator('#field-cardNumber-error')).toHaveText('This card number is not valid.');
    await expect(page.locator('#field-cvc-error')).toHaveText('Enter the 3 or 4 digits of the security code.');
    await expect(page.getByLabel('Expiry date (MM/YY)')).toHaveValue('12/30');
    // The card number is never sent back to the page.
    await expect(page.getByLabel('Card number')).toHaveValue('');
  });

  test('pays the order with a valid card', async ({ page }) => {
    expect(payUrl).toMatch(/\/orders\/[^/]+\/pay$/);
    await page.goto(payUrl);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
    await page.getByLabel('Security code (CVC)').fill('123');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible();
  });
});
