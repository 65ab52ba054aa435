import { sessionFile } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Companies at work. Fromagerie Delorme: Lucie's order passed her limit per order and waits;
 * Antoine, the admin, approves it in French and Lucie finds it waiting for its payment.
 * NordLog: Karim orders on invoice within what is left of the company's credit, in English.
 */
test.describe('an order above a buyer’s limit', () => {
  test.describe.configure({ mode: 'serial' });

  test.describe('the buyer', () => {
    test.use({ storageState: sessionFile('lucie'), locale: 'fr-FR' });
    test('reads that her order waits for an administrator, with the deadline', async ({ page }) => {
      await page.goto('/fr/orders');
      await page.getByRole('link', { name: /VT-/ }).first().click();
      await expect(page.getByTestId('awaiting-approval')).toContainText('dépasse votre plafond par commande');
      await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('En attente de validation');
      await expect(page.getByTestId('purchase-order')).toHaveText('FD-2026-0412');
    });
  });

  test.describe('the admin', () => {
    test.use({ storageState: sessionFile('antoine'), locale: 'fr-FR' });
    test('approves it with a word for the buyer', async ({ page }) => {
      await page.goto('/fr/account/approvals');
      await expect(page.getByRole('heading', { name: 'Commandes à valider', level: 1 })).toBeVisible();
      const order = page.getByRole('region', { name: /Commande VT-.* de Lucie Marchand/ });
      await expect(order).toContainText('Au-delà du plafond par commande');
      await order.getByLabel('Commentaire pour l’acheteur').fill('Validé pour le salon de printemps.');
      await order.getByRole('button', { name: 'Valider' }).click();
      await expect(page.getByRole('status')).toContainText('est validée');
      await expect(page.getByText('Aucune commande n’attend votre validation.')).toBeVisible();
    });
  });

  test.describe('the buyer again', () => {
    test.use({ storageState: sessionFile('lucie'), locale: 'fr-FR' });
    test('finds it confirmed on invoice, with the admin’s comment', async ({ page }) => {
      await page.goto('/fr/orders');
      await page.getByRole('link', { name: /VT-/ }).first().click();
      await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('En préparation');
      await expect(page.getByTestId('payment-status')).toHaveText('Non réglée');
      await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Validé pour le salon de printemps.');
    });
  });
});

test.describe('ordering on invoice', () => {
  test.use({ storageState: sessionFile('karim'), locale: 'en-US' });

  test('within the credit left, the order is confirmed and due by the terms’ date; the rest no longer fits', async ({ page }) => {
    await page.goto('/en/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('1000');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=/);
    await expect(page.getByTestId('credit-available')).toContainText('€695.20');
    await page.getByLabel(/On invoice, by bank transfer by/).check();
    await page.getByLabel(/Purchase-order number/).fill('NL-7781');
    await page.getByRole('button', { name: 'Check out and pay' }).click();
    await expect(page).toHaveURL(/\/en\/orders\/VT-[A-Z0-9-]+\?placed=1$/);
    await expect(page.getByRole('heading', { name: 'Thank you: your order is confirmed' })).toBeVisible();
    await expect(page.getByTestId('payment-due')).toBeVisible();
    await expect(page.getByTestId('purchase-order')).toHaveText('NL-7781');

    // €144.40 left: another 1,000 boxes no longer fit on invoice.
    await page.goto('/en/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('1000');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=/);
    await expect(page.getByTestId('credit-available')).toContainText('€144.40');
    await expect(page.getByLabel(/On invoice, by bank transfer by/)).toBeDisabled();
  });
});
