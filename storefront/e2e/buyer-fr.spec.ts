import type { BrowserContextOptions } from '@playwright/test';
import { uniqueSiret } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';
import { mailTo } from './support/mail.ts';

/**
 * A French company buys in French, in a French browser: registration, the confirmation mail,
 * sign-in, the cart and the payment, every word and figure the French way (42,00 €,
 * 1 000 unités); then it switches its account to English and its mails follow.
 */
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'fr-FR' });

const stamp = Date.now();
const company = {
  companyName: 'Fromagerie des Alpages',
  firstName: 'Élise',
  lastName: 'Girardin',
  email: `achats-${stamp}@fromagerie-alpages.example`,
  password: 'Reblochon-Affiné-2026!',
  siret: uniqueSiret(stamp + 11),
};
const nbsp = '\u00a0';
const thin = '\u202f';
/** The company's session once signed in: the next steps start from it. */
let session: BrowserContextOptions['storageState'];

test('registers in French, told in French what is wrong, and is asked to check its inbox', async ({ page }) => {
  await page.goto('/register');
  await expect(page).toHaveURL(/\/fr\/register$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Ouvrir un compte professionnel' })).toBeVisible();
  await page.getByLabel('Raison sociale').fill(company.companyName);
  await page.getByLabel('SIRET (14 chiffres)').fill('12345678901234');
  await page.getByLabel('Prénom').fill(company.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(company.lastName);
  await page.getByLabel('Adresse e-mail (votre identifiant)').fill(company.email);
  await page.getByLabel('Téléphone').fill('+33 4 50 00 00 00');
  await page.getByLabel('Adresse', { exact: true }).fill('12 route des Aravis');
  await page.getByLabel('Code postal').fill('74220');
  await page.getByLabel('Ville').fill('La Clusaz');
  const password = page.getByLabel('Mot de passe', { exact: true });
  await password.fill('court');
  await expect(page.getByText('○ Au moins 12 caractères')).toBeVisible();
  await password.fill(company.password);
  await expect(page.getByText('✓ Au moins 12 caractères')).toBeVisible();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  await expect(page.locator('#field-siret-error')).toHaveText(`Ce SIRET n’existe pas${nbsp}: vérifiez les 14 chiffres.`);
  await expect(page.getByLabel('Raison sociale')).toHaveValue(company.companyName);

  await page.getByLabel('SIRET (14 chiffres)').fill(company.siret);
  await page.getByLabel('Mot de passe', { exact: true }).fill(company.password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/fr\/register\/sent\?/);
  await expect(page.getByRole('heading', { name: 'Consultez votre boîte de réception' })).toBeVisible();
  await expect(page.getByText(company.email)).toBeVisible();
});

test('confirms its email from the French mail, signs in and finds its account in French', async ({ page }) => {
  // The account took the language of the page it was opened from: the mail is French.
  const mail = await mailTo(company.email, /Confirmez votre compte Ventalis/);
  const link = new URL(mail.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)![0]);
  const cms = new URL(process.env.CMS_URL!);
  link.protocol = cms.protocol;
  link.host = cms.host;
  await page.goto(link.toString());
  await expect(page).toHaveURL(/\/fr\/account\/confirmed$/);
  await expect(page.getByRole('heading', { name: 'Votre adresse e-mail est confirmée' })).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/fr\/login\?redirectTo=/);
  await page.getByLabel('Adresse e-mail').fill(company.email);
  await page.getByLabel('Mot de passe').fill('Pas-le-bon-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#password-error')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await page.getByLabel('Mot de passe').fill(company.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();

  await expect(page).toHaveURL(/\/fr\/account$/);
  await expect(page.getByRole('heading', { name: `Bonjour ${company.firstName}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Votre conseiller' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
  session = await page.context().storageState();
});

test.describe('signed in', () => {
  test.use({ storageState: async ({}, use) => use(session) });

  test('fills its cart and pays, with French amounts, quantities and refusals', async ({ page }) => {
    await page.goto('/products/kraft-shipping-box-s');
    await expect(page).toHaveURL(/\/fr\/products\//);
    await page.getByLabel('Quantité (unités)').fill('1000');
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page).toHaveURL(/\/fr\/cart\?added=/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Ajouté à votre panier.');
    await expect(page.getByTestId('total-excl')).toHaveText(`459,00${nbsp}€`);
    const line = page.getByRole('list', { name: 'Produits de votre panier' }).getByRole('listitem');
    await expect(line).toContainText(`Min. 1${thin}000${nbsp}unités, par multiples de 500${nbsp}unités`);

    // Off the product's step: refused in French beside the field.
    const quantity = line.getByLabel(/^Quantité/);
    await quantity.fill('1250');
    await line.getByRole('button', { name: /^Mettre à jour/ }).click();
    await expect(line.locator('.field-error')).toHaveText(`Commandez par multiples de 500 unités à partir de 1${thin}000 (par exemple 1${thin}500).`);
    await quantity.fill('1500');
    await line.getByRole('button', { name: /^Mettre à jour/ }).click();
    await expect(page.getByTestId('total-excl')).toHaveText(`688,50${nbsp}€`);
    await expect(page.getByTestId('total-incl')).toHaveText(`826,20${nbsp}€`);
    await expect(page.getByTestId('total-co2e')).toHaveText(`177,6${nbsp}kg CO₂e`);

    await page.getByRole('button', { name: 'Commander et payer' }).click();
    await expect(page.getByRole('heading', { name: 'Payer votre commande' })).toBeVisible();
    await expect(page).toHaveURL(/\/fr\/orders\/[^/]+\/pay$/);
    const reference = /\/orders\/([^/]+)\/pay/.exec(page.url())![1];
    await expect(page.getByTestId('amount-due')).toHaveText(`826,20${nbsp}€`);
    await page.getByLabel('Numéro de carte').fill('1234');
    await page.getByLabel('Date d’expiration (MM/AA)').fill('12/30');
    await page.getByLabel('Cryptogramme (CVC)').fill('123');
    await page.getByRole('button', { name: /^Payer / }).click();
    await expect(page.locator('#field-cardNumber-error')).toHaveText('Ce numéro de carte n’est pas valide.');

    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel('Cryptogramme (CVC)').fill('123');
    await page.getByRole('button', { name: `Payer 826,20${nbsp}€` }).click();
    await expect(page).toHaveURL(new RegExp(`/fr/orders/${reference}\\?paid$`));
    await expect(page.getByRole('heading', { name: `Merci${nbsp}: votre commande est payée` })).toBeVisible();
    await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('Payée');
    await expect(page.getByTestId('order-total')).toHaveText(`826,20${nbsp}€`);
    await expect(page.getByRole('region', { name: 'Produits' })).toContainText(`1${thin}500${nbsp}unités`);

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Commandes' }).click();
    await expect(page).toHaveURL(/\/fr\/orders$/);
    const listed = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: reference }) });
    await expect(listed).toContainText('Payée');
    await expect(listed).toContainText(`826,20${nbsp}€ TTC`);
    await expect(listed).toContainText('1 produit');
  });

  test('switches its account to English: the account opens in English and its mails follow', async ({ page }) => {
    await page.goto('/fr/account');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(/\/en\/account\?language-saved$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your account’s language is saved.');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

    // A mail to the account is now written in English, whatever the page it was asked from.
    await page.goto('/fr/forgot-password');
    await page.getByLabel('Adresse e-mail').fill(company.email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText(`Si un compte utilise ${company.email}`);
    const mail = await mailTo(company.email, /Reset your Ventalis password/);
    expect(mail).toMatch(/\/en\/reset-password\?code=[a-f0-9]{64}/);
  });
});
