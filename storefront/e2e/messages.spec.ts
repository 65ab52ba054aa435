import { expect, test } from './support/fixtures.ts';

/**
 * A client and his consultant talk in two Chromium pages, through the chat-server. Marc's
 * conversation is his alone in this suite: another journey reading it would clear his unread count.
 */
test('a client and his consultant exchange messages live, with typing, presence and read receipts', async ({ pageAs }) => {
  const clientPage = await pageAs('marc');
  await clientPage.goto('/account');
  await clientPage.getByRole('link', { name: 'Message my consultant' }).click();
  await expect(clientPage.getByRole('heading', { name: 'Camille Laurent', level: 2 })).toBeVisible();

  const consultantPage = await pageAs('camille');
  await consultantPage.goto('/');
  await consultantPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ }).click();
  await consultantPage.getByRole('link', { name: /Marc Perrin \(Hôtel Les Tilleuls/ }).click();
  await expect(consultantPage.getByRole('heading', { name: /^Marc Perrin \(Hôtel Les Tilleuls/, level: 2 })).toBeVisible();

  // Both are connected: each sees the other online.
  await expect(clientPage.getByTestId('presence')).toHaveText('Online');
  await expect(consultantPage.getByTestId('presence')).toHaveText('Online');

  const question = `Could you send us the FSC certificate of the S boxes? (${Date.now()})`;
  await clientPage.getByLabel('Your message').pressSequentially('Could you', { delay: 20 });
  await expect(consultantPage.getByText('Marc Perrin is typing…')).toBeVisible();
  await clientPage.getByLabel('Your message').fill(question);
  await clientPage.getByRole('button', { name: 'Send' }).click();
  await expect(clientPage.getByLabel('Your message')).toHaveValue('');

  // Delivered live to the consultant, who reads it: the client sees "Seen".
  const messages = consultantPage.getByRole('list', { name: 'Messages' });
  await expect(messages).toContainText(question);
  await expect(clientPage.getByTestId('seen')).toBeVisible();

  const answer = `Of course, I am sending it today. (${Date.now()})`;
  await consultantPage.getByLabel('Your message').fill(answer);
  await consultantPage.getByRole('button', { name: 'Send' }).click();
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(answer);

  // Stored, not only delivered: a reload shows the whole exchange.
  await clientPage.reload();
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(question);
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(answer);

  // Away from the messages page, a new message shows as unread in the header.
  await clientPage.goto('/catalogue');
  const followUp = `The certificate is in your inbox. (${Date.now()})`;
  await consultantPage.getByLabel('Your message').fill(followUp);
  await consultantPage.getByRole('button', { name: 'Send' }).click();
  await expect(consultantPage.getByRole('list', { name: 'Messages' })).toContainText(followUp);
  await clientPage.reload();
  await expect(clientPage.getByTestId('unread-badge')).toContainText('1');
  await clientPage.screenshot({ path: test.info().outputPath('persona-customer-unread.png') });
  // Opening the conversation reads it: the badge goes, and stays gone on the next page.
  await clientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ }).click();
  await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(followUp);
  await expect(clientPage.getByTestId('unread-badge')).toHaveCount(0);
  await clientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
  await expect(clientPage.getByRole('heading', { name: 'Catalogue', level: 1 })).toBeVisible();
  await expect(clientPage.getByTestId('unread-badge')).toHaveCount(0);
  await consultantPage.screenshot({ path: test.info().outputPath('persona-consultant-messages.png'), fullPage: true });
});

test('without JavaScript, a message goes through the form and shows after the page reloads', async ({ pageAs }) => {
  const page = await pageAs('nadia', { javaScriptEnabled: false });
  await page.goto('/messages?with=consultant');
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('#message-error')).toHaveText('The message is empty');

  const text = `Sent without JavaScript (${Date.now()})`;
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(text);
});

test('a client opens the conversation about an order from the order page', async ({ pageAs }) => {
  const page = await pageAs('claire');
  await page.goto('/orders?scope=completed');
  const reference = (await page.locator('a[href^="/orders/VT-"]').first().textContent())!.trim();
  await page.goto(`/orders/${reference}`);
  await page.getByRole('button', { name: 'Discuss this order' }).click();
  await expect(page).toHaveURL(/\/messages\?c=\d+$/);
  await expect(page.getByRole('link', { name: `Order ${reference}` }).first()).toBeVisible();
});
