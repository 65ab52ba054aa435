import type { Page } from '@playwright/test';
import { formatDate, formatDateTime } from '@ventalis/contracts/format';
import type { Persona } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A consultant works in French: the portfolio, a client's page and an order moved along with a
 * comment. Antoine Delorme's paid order is moved by this journey only (the other journeys
 * only read his account, or post forms that are refused).
 */
const company = 'Fromagerie Delorme & Fils';
const NBSP = '\u00a0';
/** The months as French dates write them (« janv. », « mai », « déc. »…): none is written so in English. */
const frenchMonths = Array.from({ length: 12 }, (_, month) => formatDate(new Date(Date.UTC(2026, month, 15)), 'fr').split(' ')[1]);
const inFrench = (date: string) => new RegExp(`^\\d{1,2} (${frenchMonths.map((m) => m.replace('.', '\\.')).join('|')}) \\d{4}`).test(date);

/** The demo consultant Antoine's company was given (the demo data spreads clients over them). */
async function consultantOfAntoine(pageAs: (persona: Persona) => Promise<Page>): Promise<Page> {
  for (const persona of ['camille', 'thomas', 'ines'] as const) {
    const page = await pageAs(persona);
    await page.goto(`/fr/consultant/clients?q=${encodeURIComponent('Delorme')}`);
    if ((await page.getByRole('row', { name: new RegExp(company) }).count()) > 0) return page;
  }
  throw new Error(`no demo consultant has ${company}`);
}

test("a consultant reads a client's order in French and moves it along with a comment", async ({ pageAs }) => {
  const page = await consultantOfAntoine(pageAs);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Vos clients', level: 1 })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Dernière commande' })).toBeVisible();

  // The portfolio, in French: the paid order waits in « Commandes payées à lancer », its total written the French way.
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon portefeuille' }).click();
  await expect(page).toHaveURL(/\/fr\/consultant$/);
  await expect(page.getByRole('heading', { name: /^Bonjour / })).toBeVisible();
  await expect(page.getByText(/^\d+ clients? dans votre portefeuille\.$/)).toBeVisible();
  const toStart = page.getByRole('region', { name: /Commandes payées à lancer/ });
  const row = toStart.getByRole('row').filter({ hasText: company });
  await expect(row).toContainText(new RegExp(`\\d,\\d{2}${NBSP}€`));
  const link = row.getByRole('link', { name: /^VT-/ });
  const reference = (await link.textContent())!.trim();
  expect(await link.getAttribute('href')).toBe(`/fr/consultant/orders/${reference}`);
  await link.click();

  // The order page in French.
  await expect(page.getByRole('heading', { name: `Commande ${reference}`, level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(`Commande ${reference} · Ventalis`);
  const placedOn = (await page.getByText(/^Passée le /).textContent())!.replace('Passée le ', '');
  expect(inFrench(placedOn), placedOn).toBe(true);
  await expect(page.getByRole('heading', { name: 'Faire avancer la commande' })).toBeVisible();

  // No comment: refused next to the field, in French.
  await page.getByRole('radio', { name: 'En préparation' }).check();
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await expect(page.locator('#comment-error')).toHaveText('Un commentaire pour le client est obligatoire');

  const comment = `Votre commande part en préparation dans notre entrepôt partenaire. (${Date.now()})`;
  await page.getByLabel('Commentaire pour le client (obligatoire)').fill(comment);
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await expect(page.getByRole('status')).toHaveText(`La commande est maintenant en préparation${NBSP}; votre commentaire figure sur la page de commande du client.`);
  await expect(page).toHaveURL(new RegExp(`/fr/consultant/orders/${reference}\\?moved$`));
  // The next step is offered, in French.
  await expect(page.getByRole('radio', { name: 'Expédiée' })).toBeVisible();

  // An internal note, dated the French way.
  const note = `Livrer avant 10 h, quai 2. (${Date.now()})`;
  await page.getByLabel('Nouvelle note').fill(note);
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  const notes = page.getByRole('region', { name: /Notes internes/ });
  await expect(notes).toContainText(note);
  const written = notes.getByRole('listitem').filter({ hasText: note }).locator('time');
  const writtenAt = (await written.textContent())!;
  expect(writtenAt).toBe(formatDateTime((await written.getAttribute('datetime'))!, 'fr'));
  expect(inFrench(writtenAt), writtenAt).toBe(true);

  // Back to the client's page, in French, dates included.
  await page.getByRole('link', { name: `← ${company}` }).click();
  await expect(page.getByRole('heading', { name: company, level: 1 })).toBeVisible();
  const contact = page.getByRole('region', { name: 'Coordonnées' });
  await expect(contact).toContainText('Client depuis le');
  await expect(contact).toContainText('N° de TVA intracommunautaire');
  const orders = page.getByRole('region', { name: /^Commandes \(\d+\)$/ });
  const moved = orders.getByRole('row').filter({ hasText: reference });
  const placed = (await moved.getByRole('cell').nth(1).textContent())!.trim();
  expect(inFrench(placed), placed).toBe(true);
});

test("in French, another consultant's client, order or conversation is a French 404", async ({ pageAs }) => {
  const page = await pageAs('camille');
  for (const [path, message] of [
    ['/fr/consultant/clients/999999', 'Aucun de vos clients ne porte ce numéro'],
    ['/fr/consultant/orders/VT-000000-AAAAAA', 'Aucune commande de vos clients ne porte cette référence'],
    ['/fr/messages?c=999999', 'Aucune de vos conversations ne porte ce numéro'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('main'), path).toContainText(message);
  }
});
