import type { Page } from '@playwright/test';
import { formatDateTime } from '@ventalis/contracts/format';
import { DEMO_PASSWORD, logIn, PANEL_PASSWORD, type Persona } from './support/accounts.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A client and his consultant talk in two Chromium pages, through the chat-server: one step of
 * the conversation per journey, in order. Marc's conversation is his alone in this suite:
 * another journey reading it would clear his unread count.
 */
test.describe('a client and his consultant', () => {
  test.describe.configure({ mode: 'serial' });
  const question = `Could you send us the FSC certificate of the S boxes? (${Date.now()})`;
  const answer = `Of course, I am sending it today. (${Date.now()})`;

  const openMessages = async (pageAs: (persona: Persona) => Promise<Page>) => {
    const clientPage = await pageAs('marc');
    await clientPage.goto('/account');
    await clientPage.getByRole('link', { name: 'Message my consultant' }).click();
    // The company's conversation with its consultant: named by the company, then who is in it.
    await expect(clientPage.getByRole('heading', { name: /^Hôtel Les Tilleuls · .*Camille Laurent/, level: 2 })).toBeVisible();
    const consultantPage = await pageAs('camille');
    await consultantPage.goto('/');
    await consultantPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ }).click();
    await consultantPage.getByRole('link', { name: /Hôtel Les Tilleuls · .*Marc Perrin/ }).click();
    await expect(consultantPage.getByRole('heading', { name: /^Hôtel Les Tilleuls · .*Marc Perrin/, level: 2 })).toBeVisible();
    // The list may open on this conversation already: wait for the link's navigation, and for
    // both sockets, before anyone types (a navigation landing after the typing would reset the form).
    await expect(consultantPage).toHaveURL(/[?&]c=\d+/);
    for (const page of [clientPage, consultantPage]) await expect(page.getByTestId('live-status')).toHaveText('Live');
    return { clientPage, consultantPage };
  };

  test('exchange messages live, with typing, presence and read receipts', async ({ pageAs }) => {
    const { clientPage, consultantPage } = await openMessages(pageAs);
    // Both are connected: each sees the other online.
    await expect(clientPage.getByTestId('presence')).toHaveText('Online');
    await expect(consultantPage.getByTestId('presence')).toHaveText('Online');

    await clientPage.getByLabel('Your message').pressSequentially('Could you', { delay: 20 });
    await expect(consultantPage.getByText('Marc Perrin is typing…')).toBeVisible();
    await clientPage.getByLabel('Your message').fill(question);
    await clientPage.getByRole('button', { name: 'Send' }).click();
    await expect(clientPage.getByLabel('Your message')).toHaveValue('');

    // Delivered live to the consultant, who reads it: the client sees "Seen".
    await expect(consultantPage.getByRole('list', { name: 'Messages' })).toContainText(question);
    await expect(clientPage.getByTestId('seen')).toBeVisible();

    await consultantPage.getByLabel('Your message').fill(answer);
    await consultantPage.getByRole('button', { name: 'Send' }).click();
    await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(answer);
  });

  test('find the whole exchange stored after a reload', async ({ pageAs }) => {
    const clientPage = await pageAs('marc');
    await clientPage.goto('/account');
    await clientPage.getByRole('link', { name: 'Message my consultant' }).click();
    await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(question);
    await expect(clientPage.getByRole('list', { name: 'Messages' })).toContainText(answer);
  });

  test('away from the messages page, the client sees a new message as unread until he reads it', async ({ pageAs }) => {
    const { clientPage, consultantPage } = await openMessages(pageAs);
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
  const reference = (await page.locator('a[href*="/orders/VT-"]').first().textContent())!.trim();
  await page.goto(`/orders/${reference}`);
  await page.getByRole('button', { name: 'Discuss this order' }).click();
  await expect(page).toHaveURL(/\/messages\?c=\d+$/);
  await expect(page.getByRole('link', { name: `Order ${reference}` }).first()).toBeVisible();
});

/** Hugo's and Antoine's conversations are theirs alone in this suite. */
const hugo = { email: 'hugo.bernard@cafe-solstice.example', password: DEMO_PASSWORD };
const antoine = { email: 'antoine.delorme@fromagerie-delorme.example', password: DEMO_PASSWORD };
const cmsUrl = () => process.env.CMS_URL!;

test('after a refused ticket the page says it is reconnecting, tries again with a fresh ticket, and is live again', async ({ page, request }) => {
  await logIn(page, hugo);
  // The first two tickets are refused by the chat-server (as after a restart, or once expired).
  let refused = 0;
  await page.route('**/messages/ticket', async (route) => {
    if (refused >= 2) return route.continue();
    refused += 1;
    return route.fulfill({ json: { ticket: 'not.a-ticket', expiresAt: new Date().toISOString() } });
  });
  await page.goto('/messages?with=consultant');
  const status = page.getByTestId('live-status');
  await expect(status).toHaveText('Reconnecting…');
  await expect(status).toHaveText('Live', { timeout: 15_000 });
  expect(refused).toBe(2);

  // Live indeed: the consultant's message arrives without a reload.
  const hugoJwt = (await (await request.post(`${cmsUrl()}/api/auth/local`, { data: { identifier: hugo.email, password: hugo.password } })).json()).jwt as string;
  const card = (await (await request.get(`${cmsUrl()}/api/account`, { headers: { Authorization: `Bearer ${hugoJwt}` } })).json()).data.consultant as { email: string; firstName: string; lastName: string };
  const { email } = card;
  const consultant = `${card.firstName} ${card.lastName}`;
  const jwt = (await (await request.post(`${cmsUrl()}/api/auth/local`, { data: { identifier: email, password: DEMO_PASSWORD } })).json()).jwt as string;
  const conversationId = new URL((await page.getByTestId('conversation-link').and(page.locator('[aria-current="page"]')).getAttribute('href'))!, 'http://x').searchParams.get('c');
  const text = `Back online? (${Date.now()})`;
  const sent = await request.post(`${cmsUrl()}/api/conversations/${conversationId}/messages`, { headers: { Authorization: `Bearer ${jwt}` }, data: { body: text } });
  expect(sent.status()).toBe(201);
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText(text);
});

test("a conversation an administrator starts appears on the client's open messages page", async ({ page, request }) => {
  await logIn(page, antoine);
  await page.goto('/messages');
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  await expect(page.getByRole('link', { name: /Ada Admin/ })).toHaveCount(0);

  const token = (await (await request.post(`${cmsUrl()}/admin/login`, { data: { email: 'admin@ventalis.example', password: PANEL_PASSWORD } })).json()).data.token as string;
  const auth = { Authorization: `Bearer ${token}` };
  const contacts = (await (await request.get(`${cmsUrl()}/messages/contacts`, { headers: auth })).json()).data as { kind: string; id: number; name: string }[];
  const client = contacts.find((c) => c.name === 'Antoine Delorme')!;
  const started = await request.post(`${cmsUrl()}/messages/conversations`, { headers: auth, data: { contact: { kind: client.kind, id: client.id } } });
  expect(started.status()).toBe(200);

  await expect(page.getByRole('link', { name: /Ada Admin/ })).toBeVisible();
});

test('in French, the messages page speaks French, writes dates the French way and a message arrives live', async ({ browser, request }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  // Signed in on the English login page (the French one is another journey's), then in French.
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(hugo.email);
  await page.getByLabel('Password').fill(hugo.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('user-name')).toBeVisible();
  await page.goto('/fr/messages?with=consultant');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveText('En direct');
  await expect(page.getByTestId('presence')).toHaveText(/^(En ligne|Absent|Hors ligne)$/);

  // An empty message is refused in French, before anything is sent.
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.locator('#message-error')).toHaveText('Le message est vide');

  // The consultant answers (through the cms' REST API): the message arrives without a reload.
  const hugoJwt = (await (await request.post(`${cmsUrl()}/api/auth/local`, { data: { identifier: hugo.email, password: hugo.password } })).json()).jwt as string;
  const card = (await (await request.get(`${cmsUrl()}/api/account`, { headers: { Authorization: `Bearer ${hugoJwt}` } })).json()).data.consultant as { email: string; firstName: string; lastName: string };
  const { email } = card;
  const consultant = `${card.firstName} ${card.lastName}`;
  const jwt = (await (await request.post(`${cmsUrl()}/api/auth/local`, { data: { identifier: email, password: DEMO_PASSWORD } })).json()).jwt as string;
  const conversationId = new URL((await page.getByTestId('conversation-link').and(page.locator('[aria-current="page"]')).getAttribute('href'))!, 'http://x').searchParams.get('c');
  expect(await page.getByTestId('conversation-link').and(page.locator('[aria-current="page"]')).getAttribute('href')).toMatch(/^\/fr\/messages\?c=\d+$/);
  const text = `Bonjour, votre devis est prêt. (${Date.now()})`;
  const sent = await request.post(`${cmsUrl()}/api/conversations/${conversationId}/messages`, { headers: { Authorization: `Bearer ${jwt}` }, data: { body: text } });
  expect(sent.status()).toBe(201);
  const arrived = page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
  await expect(arrived).toContainText(consultant);
  const time = arrived.locator('time');
  expect(await time.textContent()).toBe(formatDateTime((await time.getAttribute('datetime'))!, 'fr'));

  // Hugo answers from the page: his own message is signed « Vous ».
  const reply = `Merci, je le regarde. (${Date.now()})`;
  await page.getByLabel('Votre message').fill(reply);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByLabel('Votre message')).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: reply })).toContainText('Vous ·');
  await context.close();
});
