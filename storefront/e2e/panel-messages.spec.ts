import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from './support/accounts.ts';

/**
 * An administrator writes to a client from the admin panel's Messages page, and they talk
 * live through the chat-server: the client on the storefront, the administrator in the panel.
 * Élodie's conversations are hers alone in this suite.
 */
const PANEL_PASSWORD = 'Ventalis-Admin-2026!';
const elodie = { email: 'elodie.lefebvre@nordlog-fulfilment.example', password: DEMO_PASSWORD };

async function panelLogIn(page: Page, email: string) {
  await page.goto(`${process.env.CMS_URL}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PANEL_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible();
}

test('an administrator writes to a client from the panel, and they talk live, with typing, presence and "Seen"', async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await panelLogIn(adminPage, 'admin@ventalis.example');
  await adminPage.getByRole('link', { name: 'Messages' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expect(adminPage.getByTestId('live-status')).toHaveText('Live');

  // A new conversation with the client, found by her company.
  await adminPage.getByRole('button', { name: 'New conversation' }).click();
  const writeTo = adminPage.getByRole('combobox', { name: 'Write to' });
  await writeTo.click();
  await writeTo.pressSequentially('Nordlog');
  await adminPage.getByRole('option', { name: /^Élodie Lefebvre \(NordLog/ }).click();
  await adminPage.getByRole('button', { name: 'Start' }).click();
  await expect(adminPage.getByRole('heading', { name: /^Élodie Lefebvre \(NordLog/, level: 2 })).toBeVisible();
  const hello = `Hello Élodie, your pallet labels are ready to print. (${Date.now()})`;
  await adminPage.getByLabel('Your message').fill(hello);
  await adminPage.getByRole('button', { name: 'Send' }).click();
  await expect(adminPage.getByRole('list', { name: 'Messages' })).toContainText(hello);
  await expect(adminPage.getByLabel('Your message')).toHaveValue('');

  // The client finds it on the storefront; both are connected and see each other online.
  const clientPage = await (await browser.newContext()).newPage();
  await logIn(clientPage, elodie);
  await clientPage.goto('/messages');
  await clientPage.getByRole('link', { name: /Ada Admin/ }).click();
  await expect(clientPage.getByRole('heading', { name: 'Ada Admin', level: 2 })).toBeVisible();
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(hello);
  await expect(clientPage.getByTestId('presence')).toHaveText('Online');
  await expect(adminPage.getByTestId('presence')).toHaveText('Online');

  // She types and asks: the administrator sees it live.
  await clientPage.getByLabel('Your message').pressSequentially('Could', { delay: 20 });
  await expect(adminPage.getByText('Élodie Lefebvre is typing…')).toBeVisible();
  const question = `Could you add our SIRET under the address? (${Date.now()})`;
  await clientPage.getByLabel('Your message').fill(question);
  await clientPage.getByRole('button', { name: 'Send' }).click();
  await expect(adminPage.getByRole('list', { name: 'Messages' })).toContainText(question);

  // The administrator answers: she receives it live, reads it, and the panel shows "Seen".
  const answer = `Done: the SIRET is on every label now. (${Date.now()})`;
  await adminPage.getByLabel('Your message').fill(answer);
  await adminPage.getByRole('button', { name: 'Send' }).click();
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(answer);
  await expect(adminPage.getByTestId('seen')).toBeVisible();
  await adminPage.screenshot({ path: test.info().outputPath('persona-administrator-messages.png'), fullPage: true });

  // Stored, not only delivered: the panel shows the whole exchange after a reload.
  await adminPage.reload();
  for (const text of [hello, question, answer]) await expect(adminPage.getByRole('list', { name: 'Messages' })).toContainText(text);
});

test('a marketer has no Messages page in the panel', async ({ page }) => {
  await panelLogIn(page, 'marketer@ventalis.example');
  await expect(page.getByRole('link', { name: 'Messages' })).toHaveCount(0);
  await page.goto(`${process.env.CMS_URL}/admin/plugins/messages`);
  await expect(page.getByText("You don't have the permissions to access that content")).toBeVisible();
});
