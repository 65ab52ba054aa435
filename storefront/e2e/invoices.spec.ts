import { readFile } from 'node:fs/promises';
import { consultantPersona } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * NordLog's invoices. Its order on invoice (6,000 boxes, €3,304.80 incl. VAT) was invoiced as
 * it was confirmed: Élodie, the company's admin, finds it unpaid and downloads its Factur-X
 * PDF; her consultant records a first transfer, and Élodie sees what is left to pay.
 */
test.describe.configure({ mode: 'serial' });

// French amounts: a narrow no-break space between thousands, a no-break space before the euro sign.
const ON_INVOICE = '3\u202f304,80\u00a0€';

test('an admin finds her company’s invoices and downloads one as a Factur-X PDF', async ({ pageAs }) => {
  const page = await pageAs('elodie');
  await page.goto('/fr/account');
  await page.getByRole('link', { name: 'Factures', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Factures', level: 1 })).toBeVisible();
  const unpaid = page.getByTestId('invoice-row').filter({ hasText: ON_INVOICE });
  await expect(unpaid).toContainText('À payer');
  // Her colleague's orders paid by card are invoiced too, settled.
  await expect(page.getByTestId('invoice-row').filter({ hasText: 'Payée' }).first()).toBeVisible();

  const downloading = page.waitForEvent('download');
  await unpaid.getByRole('link', { name: /^Facture F-\d{4}-\d{6} \(PDF\)$/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^F-\d{4}-\d{6}\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  expect(pdf.includes('factur-x.xml')).toBe(true);
});

test('her consultant records a first transfer; she sees what is left to pay', async ({ pageAs }) => {
  const admin = await pageAs('elodie');
  await admin.goto('/fr/account');
  const consultantEmail = (await admin.getByRole('region', { name: 'Votre conseiller' }).getByRole('link', { name: /@/ }).textContent())!.trim();

  const consultant = await pageAs(consultantPersona(consultantEmail));
  await consultant.goto('/fr/consultant');
  await consultant.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Factures' }).click();
  await expect(consultant.getByRole('heading', { name: 'Factures de vos clients', level: 1 })).toBeVisible();
  const form = consultant.getByRole('region', { name: 'Enregistrer un virement reçu' });
  const option = form.locator('option', { hasText: new RegExp(`NordLog.*reste ${ON_INVOICE}`) });
  await form.getByLabel('Facture').selectOption((await option.getAttribute('value'))!);
  // More than is left: refused, next to the amount.
  await form.getByLabel('Montant reçu (€)').fill('4000');
  await form.getByLabel('Référence bancaire').fill('VIR SEPA NORDLOG 0412');
  await form.getByRole('button', { name: 'Enregistrer le virement' }).click();
  await expect(form.locator('#field-amount-error')).toContainText('C’est plus que le reste à payer de la facture');
  await form.getByLabel('Montant reçu (€)').fill('1000');
  await form.getByRole('button', { name: 'Enregistrer le virement' }).click();
  await expect(consultant.getByRole('status')).toContainText('Virement enregistré sur la facture F-');

  await admin.goto('/fr/account/invoices');
  const row = admin.getByTestId('invoice-row').filter({ hasText: ON_INVOICE });
  await expect(row).toContainText('Payée en partie');
  await expect(row).toContainText('2\u202f304,80\u00a0€');
});

test('her consultant credits 1,000 boxes that came back; she finds the credit note with her invoices', async ({ pageAs }) => {
  const admin = await pageAs('elodie');
  await admin.goto('/fr/account');
  const consultantEmail = (await admin.getByRole('region', { name: 'Votre conseiller' }).getByRole('link', { name: /@/ }).textContent())!.trim();
  const consultant = await pageAs(consultantPersona(consultantEmail));
  await consultant.goto('/fr/consultant/invoices');
  await consultant.getByTestId('invoice-row').filter({ hasText: ON_INVOICE }).getByRole('link', { name: /^VT-/ }).click();
  const credit = consultant.getByRole('region', { name: /^Avoir sur la facture F-/ });
  // Nothing named: refused, with what to do.
  await credit.getByLabel('Motif (le client le lit)').fill('1 000 boîtes retournées, abîmées au transport');
  await credit.getByRole('button', { name: 'Émettre l’avoir' }).click();
  await expect(credit.getByRole('alert')).toContainText('Indiquez les unités à créditer');
  await credit.getByLabel(/Caisse d.expédition kraft S.*facturées/).fill('1000');
  await credit.getByRole('button', { name: 'Émettre l’avoir' }).click();
  await expect(consultant.getByRole('status')).toContainText('Avoir émis');

  await admin.goto('/fr/account/invoices');
  const note = admin.getByTestId('credit-note-row');
  await expect(note).toContainText('1 000 boîtes retournées, abîmées au transport');
  await expect(note.getByRole('link', { name: /^Avoir A-\d{4}-\d{6} \(PDF\)$/ })).toBeVisible();
});
