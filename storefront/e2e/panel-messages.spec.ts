import { expect, PANEL_JOURNEY_TIMEOUT, PANEL_LOAD_TIMEOUT, test } from './support/fixtures.ts';
import type { Page } from '@playwright/test';

/**
 * An administrator writes to a client from the admin panel's Messages page, and they talk
 * live through the chat-server: the client on the storefront, the administrator in the panel.
 * Élodie's conversations are hers alone in this suite.
 */

/** The panel, loaded from a stored panel session: the link to the Content Manager shows once it runs. */
async function openPanel(page: Page) {
  await page.goto(`${process.env.CMS_URL}/admin`);
  await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
}

/** A conversation of the panel's Messages page, opened from its address: its heading shows once the panel runs. */
async function openConversation(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /^Élodie Lefebvre \(NordLog/, level: 2 })).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
}

/** The conversation the first journey starts, and what is said in it, for the next ones. */
let conversationUrl = '';
const exchanged: string[] = [];

test.describe('an administrator and a client', () => {
  // Each journey goes on from the previous one's conversation. Each opens the panel once, and
  // its first load is the slow part: PANEL_JOURNEY_TIMEOUT.
  test.describe.configure({ mode: 'serial', timeout: PANEL_JOURNEY_TIMEOUT });

  test('an administrator starts a conversation with a client from the panel and writes to her', async ({ pageAs }) => {
    const adminPage = await pageAs('admin');
    await openPanel(adminPage);
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
    conversationUrl = adminPage.url();
    exchanged.push(hello);
  });

  test('the client reads it on the storefront, and they talk live, with typing, presence and "Seen"', async ({ pageAs }) => {
    expect(conversationUrl).toMatch(/\/admin\/plugins\/messages\?c=\d+$/);
    const hello = exchanged[0]!;
    const adminPage = await pageAs('admin');
    await openConversation(adminPage, conversationUrl);
    await expect(adminPage.getByTestId('live-status')).toHaveText('Live');

    // The client finds it on the storefront; both are connected and see each other online.
    const clientPage = await pageAs('elodie');
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
    exchanged.push(question, answer);
  });

  test('the administrator coming back to the panel finds the whole exchange stored', async ({ pageAs }) => {
    expect(conversationUrl).toMatch(/\/admin\/plugins\/messages\?c=\d+$/);
    const adminPage = await pageAs('admin');
    await openConversation(adminPage, conversationUrl);
    for (const text of exchanged) await expect(adminPage.getByRole('list', { name: 'Messages' })).toContainText(text);
  });
});

test('a marketer has no Messages page in the panel', async ({ pageAs }) => {
  // The panel's first load: see PANEL_JOURNEY_TIMEOUT.
  test.setTimeout(PANEL_JOURNEY_TIMEOUT);
  const page = await pageAs('marketer');
  // The address typed directly: refused, and the menu (loaded, with the Content Manager) has no link to it.
  await page.goto(`${process.env.CMS_URL}/admin/plugins/messages`);
  await expect(page.getByText("You don't have the permissions to access that content")).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
  await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Messages' })).toHaveCount(0);
});
