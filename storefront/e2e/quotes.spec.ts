import { readFile } from 'node:fs/promises';
import type { BrowserContextOptions, Page } from '@playwright/test';
import { confirmEmail, consultantPersona, logIn, register, uniqueSiret } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { payOnPayPage } from './support/payment.ts';

/**
 * Quotes. A new company asks for more boxes than the stock from its cart, with a message; its
 * consultant lowers the price and sends the offer; the buyer downloads the PDF and accepts it,
 * a declined card gives the offer back, and the buyer accepts it again, paying the order at the
 * quoted price. A second request is declined. On the demo data, Karim
 * reads the quote NordLog's consultant sent him, and Lucie's request waits in her consultant's
 * workspace.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const company = {
  companyName: 'Torréfaction du Canal',
  firstName: 'Jade',
  lastName: 'Roussel',
  email: `quote-${stamp}@torrefaction-canal.example`,
  password: 'Grain-Torréfié-2026!',
  siret: uniqueSiret(stamp + 31),
};
const boxS = 'Kraft Shipping Box S (200×150×100 mm)';
/** Quote lines keep the product's name as the catalogue's reference (French) row has it, as order lines do. */
const boxSFr = "Caisse d'expédition kraft S (200×150×100 mm)";
let consultantEmail = '';
let quoteNumber = '';
let companySession: BrowserContextOptions['storageState'];
test.use({ storageState: async ({}, use) => use(companySession) });

async function fillCart(page: Page, quantity: string) {
  await page.goto('/products/kraft-shipping-box-s');
  await page.getByLabel('Quantity (units)').fill(quantity);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page).toHaveURL(/\/cart\?added=/);
}

test('a new company asks for a quote from its cart, for more than the stock', async ({ page }) => {
  await register(page, company);
  await confirmEmail(page, company.email);
  await logIn(page, company);
  await page.goto('/account');
  consultantEmail = (await page.getByRole('region', { name: 'Your consultant' }).getByRole('link', { name: /@ventalis\.example$/ }).textContent())!.trim();
  companySession = await page.context().storageState();

  await fillCart(page, '1000');
  const request = page.getByRole('region', { name: 'Ask for a quote' });
  // No message: refused next to the field, the cart kept.
  await request.getByLabel(boxS).fill('300000');
  await request.getByRole('button', { name: 'Send the quote request' }).click();
  await expect(request.locator('#quote-message-error')).toContainText('This field is required');
  // Off the product's step: refused on its line.
  await request.getByLabel(boxS).fill('300250');
  await request.getByLabel('Your message').fill('Hello,\nwe need 300,000 boxes for the spring: what price can you do?');
  await request.getByRole('button', { name: 'Send the quote request' }).click();
  await expect(request.locator('#quote-kraft-shipping-box-s-error')).toContainText('steps of 500 units');

  await request.getByLabel(boxS).fill('300000');
  await request.getByRole('button', { name: 'Send the quote request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quote D-\d{4}-\d{6}$/ })).toBeVisible();
  quoteNumber = /D-\d{4}-\d{6}/.exec(await page.getByRole('heading', { level: 1 }).textContent() ?? '')![0];
  await expect(page.getByTestId('quote-status')).toHaveText('Requested');
  await expect(page.getByText('Your consultant is preparing your quote')).toBeVisible();
  await expect(page.getByTestId('quote-line')).toContainText('300,000');
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('the consultant lowers the price and sends the offer; a price of 0 is refused', async ({ pageAs }) => {
  const consultant = await pageAs(consultantPersona(consultantEmail));
  await consultant.goto('/consultant');
  await consultant.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  await consultant.getByLabel('Status').selectOption('requested');
  await consultant.getByRole('button', { name: 'Filter' }).click();
  await consultant.getByRole('link', { name: quoteNumber }).click();
  await expect(consultant.getByTestId('quote-message')).toContainText('we need 300,000 boxes for the spring');

  const offer = consultant.getByRole('region', { name: 'Your offer' });
  await offer.getByLabel(`Price excl. VAT / 1,000 (€) ${boxSFr}`).fill('0');
  await offer.getByRole('button', { name: 'Send the quote' }).click();
  await expect(offer.locator('[id^="price_"][id$="-error"]')).toContainText('more than €0');

  // What is in stock now, at a better price.
  await offer.getByLabel(`Quantity ${boxSFr}`).fill('2000');
  await offer.getByLabel(`Price excl. VAT / 1,000 (€) ${boxSFr}`).fill('400');
  await offer.getByLabel('Message to the client (optional)').fill('2,000 boxes from stock at €400 per 1,000; the rest in a second quote.');
  await offer.getByRole('button', { name: 'Send the quote' }).click();
  await expect(consultant.getByRole('status').filter({ hasText: 'Quote sent' })).toBeVisible();
  await expect(consultant.getByTestId('quote-status')).toHaveText('Sent');
});

test('the buyer downloads the PDF and accepts the offer; after a declined card, accepts it again: the order is at the quoted price', async ({ page }) => {
  await page.goto('/account');
  await page.getByRole('link', { name: 'Your quotes' }).click();
  await page.getByRole('link', { name: quoteNumber }).click();
  await expect(page.getByTestId('quote-status')).toHaveText('Sent');
  await expect(page.getByTestId('quote-comment')).toContainText('2,000 boxes from stock');
  await expect(page.getByTestId('quote-line-price')).toContainText('€400.00');
  await expect(page.getByTestId('quote-total-excl')).toHaveText('€800.00');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: `Download quote ${quoteNumber} (PDF)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${quoteNumber}.pdf`);
  expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const acceptAndPay = async (card: string) => {
    await page.getByRole('button', { name: 'Accept and order' }).click();
    return payOnPayPage(page, card);
  };
  // A declined card: the order failed, and the offer is the buyer's again, at its price.
  await acceptAndPay('4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('You can accept the quote again');
  await page.getByRole('link', { name: `Open quote ${quoteNumber}` }).click();
  await expect(page.getByTestId('quote-status')).toHaveText('Sent');
  await expect(page.getByTestId('quote-total-excl')).toHaveText('€800.00');
  await expect(page.getByText(/^Order VT-\d{6}-\w{6} was not placed in the end: the offer is open again\.$/)).toBeVisible();

  const reference = await acceptAndPay('4242 4242 4242 4242');
  await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('Paid');
  // €800.00 + 20 % VAT.
  await expect(page.getByTestId('order-total')).toHaveText('€960.00');

  await page.goto(`/account/quotes/${quoteNumber}`);
  await expect(page.getByTestId('quote-status')).toHaveText('Accepted');
  await expect(page.getByRole('link', { name: `Order ${reference}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept and order' })).toHaveCount(0);
});

test('a second request, declined with a reason', async ({ page, pageAs }) => {
  await fillCart(page, '1500');
  const request = page.getByRole('region', { name: 'Ask for a quote' });
  await request.getByLabel('Your message').fill('And for 1,500 boxes?');
  await request.getByRole('button', { name: 'Send the quote request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quote D-\d{4}-\d{6}$/ })).toBeVisible();
  const second = /D-\d{4}-\d{6}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')![0];

  const consultant = await pageAs(consultantPersona(consultantEmail));
  await consultant.goto(`/consultant/quotes/${second}`);
  await consultant.getByRole('region', { name: 'Your offer' }).getByRole('button', { name: 'Send the quote' }).click();
  await expect(consultant.getByTestId('quote-status')).toHaveText('Sent');

  await page.goto(`/account/quotes/${second}`);
  await page.getByLabel('Reason (optional)').fill('We found boxes closer to us.');
  await page.getByRole('button', { name: 'Decline the quote' }).click();
  await expect(page.getByTestId('quote-status')).toHaveText('Declined');
  await expect(page.getByText('We found boxes closer to us.')).toBeVisible();
});

test.describe('on the demo data', () => {
  test.use({ storageState: undefined });

  test('Karim reads the offer his consultant sent, in French too, and downloads it', async ({ pageAs }) => {
    const karim = await pageAs('karim');
    await karim.goto('/fr/account/quotes');
    const row = karim.getByTestId('quote-row').filter({ hasText: 'Envoyé' });
    await row.getByRole('link', { name: /^D-/ }).click();
    await expect(karim.getByTestId('quote-comment')).toContainText('120,000 boxes from stock');
    await expect(karim.getByTestId('quote-valid-until')).toContainText('Cette offre est valable jusqu’au');
    await expect(karim.getByRole('link', { name: /^Télécharger le devis D-\d{4}-\d{6} \(PDF\)$/ })).toBeVisible();
  });

  test('Lucie’s request waits in her consultant’s workspace', async ({ pageAs }) => {
    const lucie = await pageAs('lucie');
    await lucie.goto('/account');
    const email = (await lucie.getByRole('region', { name: /consultant|conseiller/i }).getByRole('link', { name: /@ventalis\.example$/ }).textContent())!.trim();
    const consultant = await pageAs(consultantPersona(email));
    await consultant.goto('/fr/consultant/quotes?status=requested');
    await expect(consultant.getByTestId('quote-row').filter({ hasText: 'Fromagerie Delorme' })).toContainText('Lucie Marchand');
  });
});
