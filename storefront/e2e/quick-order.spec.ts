import { sessionFile } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A buyer pastes three lines "référence ; quantité" in French: two go into the cart, the third
 * (a SKU no product has) is reported with its line number and why, in French.
 */
test.use({ storageState: sessionFile('hugo'), locale: 'fr-FR' });

test('pastes three lines in French: two are added to the cart, the unknown reference is reported on its line', async ({ page }) => {
  // The reference to type is on each product page.
  await page.goto('/fr/products/caisse-expedition-kraft-s');
  await expect(page.getByRole('definition').filter({ hasText: 'VT-BOX-S' })).toHaveText('VT-BOX-S');
  await expect(page.getByText('Référence', { exact: true })).toBeVisible();

  await page.goto('/fr/cart');
  await page.getByRole('link', { name: /^Commande rapide\s?: coller une liste/ }).click();
  await expect(page).toHaveURL(/\/fr\/quick-order$/);
  await expect(page.getByRole('heading', { name: 'Commande rapide', level: 1 })).toBeVisible();

  await page.getByLabel('Références et quantités').fill('VT-BOX-S;1000\nvt-tape-k50 ; 1 500\nVT-NOPE-1;1000');
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();

  const report = page.getByTestId('quick-order-report');
  await expect(report.getByRole('heading', { name: '2 lignes ajoutées à votre panier' })).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: 'Ligne 1 · VT-BOX-S' })).toContainText(/1\s000\sunités/);
  await expect(report.getByRole('listitem').filter({ hasText: 'Ligne 2 · VT-TAPE-K50' })).toContainText(/1\s500\sunités/);
  await expect(report.getByRole('heading', { name: '1 ligne non ajoutée' })).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: 'Ligne 3 · VT-NOPE-1' })).toContainText('Aucun produit du catalogue n’a la référence VT-NOPE-1.');
  // Sent lines are in the cart: the text area starts empty again, so nothing is added twice.
  await expect(page.getByLabel('Références et quantités')).toHaveValue('');

  await report.getByRole('link', { name: 'Voir mon panier' }).click();
  await expect(page).toHaveURL(/\/fr\/cart$/);
  const lines = page.getByRole('list', { name: 'Produits de votre panier' });
  await expect(lines.getByRole('link', { name: /^Caisse d'expédition kraft S/ })).toBeVisible();
  await expect(lines.getByRole('link', { name: /^Ruban adhésif en papier kraft 50/ })).toBeVisible();
});
