import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyTicket } from '@ventalis/contracts/chat-ticket';
import { startApp, type TestApp } from './support/strapi';
import { startDeliveryRecorder } from './support/delivery-recorder';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';

/**
 * The admin panel's Messages page (plugin `messages`): administrators' conversations
 * through admin-authenticated routes under /messages.
 */
let app: TestApp;
const CHAT_SECRET = 'panel-chat-secret';
const PANEL_PASSWORD = 'Panel-Password-2026!';
/** Storefront members: customers A (X's client) and B (Y's), consultants X and Y. */
const people = {} as Record<'a' | 'b' | 'x' | 'y', { id: number; jwt: string; name: string }>;
/** Panel accounts: two administrators, a panel consultant, a panel marketer. */
const panel = {} as Record<'ada' | 'bob' | 'consultant' | 'marketer', { id: number; token: string }>;
let chatServer: Awaited<ReturnType<typeof startDeliveryRecorder>>;
const deliveries = () => chatServer.deliveries;

async function panelAccount(email: string, roleCode: string, firstname: string, lastname: string) {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const user = await app.strapi.service('admin::user').create({ email, firstname, lastname, password: PANEL_PASSWORD, isActive: true, roles: [role.id] });
  const res = await app.api().post('/admin/login').send({ email, password: PANEL_PASSWORD });
  if (res.status !== 200) throw new Error(`panel login failed for ${email}: ${res.status}`);
  return { id: user.id as number, token: res.body.data.token as string };
}

beforeAll(async () => {
  chatServer = await startDeliveryRecorder();
  app = await startApp({
    CHAT_SECRET,
    CHAT_SERVER_URL: chatServer.url,
    CHAT_PUBLIC_URL: 'https://chat.ventalis.test',
  });
  // X is created first: A goes to X, B to Y.
  const x = await createConsultant(app, { firstName: 'Xavier', lastName: 'Roux' });
  const y = await createConsultant(app, { firstName: 'Yasmine', lastName: 'Blanc' });
  const a = await registerCustomer(app, { email: 'a@panel-chat.test', companyName: 'Alpha Packaging', firstName: 'Anna', lastName: 'Alves' });
  const b = await registerCustomer(app, { email: 'b@panel-chat.test', companyName: 'Beta Cleaning', firstName: 'Bruno', lastName: 'Bernard' });
  people.a = { id: a.id, jwt: (await login(app, a.email, a.password)).jwt, name: 'Anna Alves' };
  people.b = { id: b.id, jwt: (await login(app, b.email, b.password)).jwt, name: 'Bruno Bernard' };
  people.x = { id: x.userId, jwt: (await login(app, x.email, x.password)).jwt, name: 'Xavier Roux' };
  people.y = { id: y.userId, jwt: (await login(app, y.email, y.password)).jwt, name: 'Yasmine Blanc' };
  panel.ada = await panelAccount('ada@panel.test', 'strapi-super-admin', 'Ada', 'Admin');
  panel.bob = await panelAccount('bob@panel.test', 'strapi-super-admin', 'Bob', 'Boss');
  panel.consultant = await panelAccount('cat@panel.test', 'ventalis-consultant', 'Cat', 'Alogue');
  panel.marketer = await panelAccount('mark@panel.test', 'ventalis-marketer', 'Mark', 'Eter');
});
afterAll(async () => {
  await app?.stop();
  await chatServer?.close();
});

/** Requests as a panel account (admin token), or as nobody. */
const as = (who: keyof typeof panel | null) => {
  const auth = (request: ReturnType<ReturnType<TestApp['api']>['get']>) => (who ? request.set({ Authorization: `Bearer ${panel[who].token}` }) : request);
  return {
    get: (path: string) => auth(app.api().get(path)),
    post: (path: string, body: object = {}) => auth(app.api().post(path)).send(body),
  };
};
/** Requests as a storefront member, through the REST API. */
const member = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
});

/** The conversation A starts with Ada from the storefront, with a first message in it. */
async function conversationOfAWithAda(): Promise<number> {
  const started = await member('a').post('/api/conversations', { contact: { kind: 'admin', id: panel.ada.id } });
  expect(started.status).toBe(200);
  return started.body.data.id as number;
}

const waitForDelivery = async (messageId: number) => {
  const deadline = Date.now() + 3000;
  while (!deliveries().some((d) => d.body.message.id === messageId) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return deliveries().find((d) => d.body.message.id === messageId);
};

describe('who may use the Messages routes', () => {
  const routes = (id: number) =>
    [
      ['GET', '/messages/conversations'],
      ['POST', '/messages/conversations', { contact: { kind: 'user', id: people.b.id } }],
      ['GET', '/messages/contacts'],
      ['GET', `/messages/conversations/${id}`],
      ['GET', `/messages/conversations/${id}/messages`],
      ['POST', `/messages/conversations/${id}/messages`, { body: 'Not from an administrator' }],
      ['POST', `/messages/conversations/${id}/read`, { upTo: 1 }],
      ['POST', '/messages/ticket'],
    ] as const;

  test.each([
    ['anonymous', null, 401],
    ['panel consultant', 'consultant', 403],
    ['panel marketer', 'marketer', 403],
  ] as const)('every route refuses a %s (%i) and changes nothing', async (_label, who, status) => {
    const id = await conversationOfAWithAda();
    const before = await snapshot(app.strapi);
    for (const [method, path, body] of routes(id)) {
      const res = method === 'GET' ? await as(who).get(path) : await as(who).post(path, body ?? {});
      expect(res.status, `${method} ${path}`).toBe(status);
      if (status === 403) expect(res.body.error.message, `${method} ${path}`).toBe('Messages are for administrators only');
    }
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test("every route refuses a storefront customer's token (401) and changes nothing", async () => {
    const id = await conversationOfAWithAda();
    const before = await snapshot(app.strapi);
    for (const [method, path, body] of routes(id)) {
      const res = method === 'GET' ? await member('a').get(path) : await member('a').post(path, body ?? {});
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('every route answers an administrator', async () => {
    const id = await conversationOfAWithAda();
    for (const [method, path, body] of routes(id)) {
      const res = method === 'GET' ? await as('ada').get(path) : await as('ada').post(path, body ?? {});
      expect([200, 201], `${method} ${path}: ${JSON.stringify(res.body)}`).toContain(res.status);
    }
  });
});

describe("an administrator's conversations", () => {
  test('lists the conversations a customer started with them, with unread counts', async () => {
    const id = await conversationOfAWithAda();
    const sent = await member('a').post(`/api/conversations/${id}/messages`, { body: 'Hello, who handles invoices?' });
    expect(sent.status).toBe(201);

    const res = await as('ada').get('/messages/conversations');
    expect(res.status).toBe(200);
    const listed = res.body.data.find((c: { id: number }) => c.id === id);
    expect(listed).toMatchObject({
      with: [{ kind: 'user', id: people.a.id, name: people.a.name, role: 'customer', company: 'Alpha Packaging' }],
      lastMessage: { id: sent.body.data.id, body: 'Hello, who handles invoices?' },
    });
    expect(listed.unread).toBeGreaterThan(0);
    expect((await as('ada').get(`/messages/conversations/${id}`)).body.data).toMatchObject({ id, unread: listed.unread });
    // The other administrator is not in it.
    expect((await as('bob').get('/messages/conversations')).body.data.map((c: { id: number }) => c.id)).not.toContain(id);
  });

  test('contacts are every consultant and customer, then the other administrators: not themselves, nor panel consultants or marketers', async () => {
    const res = await as('ada').get('/messages/contacts');
    expect(res.status).toBe(200);
    const names = res.body.data.map((m: { name: string; role: string }) => `${m.role}: ${m.name}`);
    expect(names).toEqual(['consultant: Yasmine Blanc', 'consultant: Xavier Roux', `customer: ${people.a.name}`, `customer: ${people.b.name}`, 'administrator: Bob Boss']);
    expect(res.body.data.find((m: { id: number; kind: string }) => m.kind === 'user' && m.id === people.b.id)).toEqual({ kind: 'user', id: people.b.id, name: people.b.name, role: 'customer', company: 'Beta Cleaning' });
  });

  test('starts a conversation with a customer, a consultant or another administrator, and finds it again', async () => {
    const withB = await as('ada').post('/messages/conversations', { contact: { kind: 'user', id: people.b.id } });
    expect(withB.status).toBe(200);
    expect(withB.body.data).toMatchObject({ order: null, unread: 0, with: [{ kind: 'user', id: people.b.id, role: 'customer' }] });
    expect((await as('ada').post('/messages/conversations', { contact: { kind: 'user', id: people.b.id } })).body.data.id).toBe(withB.body.data.id);
    // B sees it among theirs.
    expect((await member('b').get('/api/conversations')).body.data.map((c: { id: number }) => c.id)).toContain(withB.body.data.id);

    expect((await as('ada').post('/messages/conversations', { contact: { kind: 'user', id: people.y.id } })).body.data.with).toMatchObject([{ id: people.y.id, role: 'consultant' }]);
    const withBob = await as('ada').post('/messages/conversations', { contact: { kind: 'admin', id: panel.bob.id } });
    expect(withBob.body.data.with).toEqual([{ kind: 'admin', id: panel.bob.id, name: 'Bob Boss', role: 'administrator', company: null }]);
    expect((await as('bob').get('/messages/conversations')).body.data.map((c: { id: number }) => c.id)).toContain(withBob.body.data.id);
  });

  test.each([
    ['an unknown customer', { contact: { kind: 'user', id: 999_999 } }, 404, 'No customer, consultant or other administrator has this id'],
    ['a panel consultant account', () => ({ contact: { kind: 'admin', id: panel.consultant.id } }), 404, 'No customer, consultant or other administrator has this id'],
    ['themselves', () => ({ contact: { kind: 'admin', id: panel.ada.id } }), 404, 'No customer, consultant or other administrator has this id'],
    ['no contact', {}, 400, 'contact'],
    ['a contact of an unknown kind', { contact: { kind: 'root', id: 1 } }, 400, 'contact.kind must be user or admin'],
    ['a contact without id', { contact: { kind: 'user' } }, 400, 'contact.id must be a member id'],
  ])('refuses to start a conversation with %s, and changes nothing', async (_label, input, status, message) => {
    const before = await snapshot(app.strapi);
    const res = await as('ada').post('/messages/conversations', typeof input === 'function' ? input() : input);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});

describe('answering from the panel', () => {
  test("a message sent is stored, handed to the chat-server for live delivery, and in the customer's history", async () => {
    const id = await conversationOfAWithAda();
    const unreadBefore = (await member('a').get(`/api/conversations/${id}`)).body.data.unread as number;
    const sent = await as('ada').post(`/messages/conversations/${id}/messages`, { body: '  Our accounts team does: I am copying them.  ' });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ conversationId: id, body: 'Our accounts team does: I am copying them.', sender: { kind: 'admin', id: panel.ada.id, name: 'Ada Admin', role: 'administrator' } });

    const delivery = await waitForDelivery(sent.body.data.id);
    expect(delivery).toMatchObject({ authorization: `Bearer ${CHAT_SECRET}`, body: { message: { id: sent.body.data.id, sender: { kind: 'admin', id: panel.ada.id } } } });
    expect(delivery!.body.recipients).toEqual(expect.arrayContaining([{ kind: 'user', id: people.a.id }, { kind: 'admin', id: panel.ada.id }]));

    const history = (await member('a').get(`/api/conversations/${id}/messages?limit=5`)).body.data;
    expect(history[0]).toMatchObject({ id: sent.body.data.id, body: 'Our accounts team does: I am copying them.', sender: { kind: 'admin', name: 'Ada Admin' } });
    expect((await member('a').get(`/api/conversations/${id}`)).body.data.unread).toBe(unreadBefore + 1);
    // The sender has read what they wrote.
    expect((await as('ada').get(`/messages/conversations/${id}`)).body.data.unread).toBe(0);
  });

  test('history comes page by page backwards, to load older messages, and forwards to catch up', async () => {
    const id = await conversationOfAWithAda();
    const bodies = ['one', 'two', 'three', 'four'].map((n) => `Page ${n}`);
    const ids: number[] = [];
    for (const body of bodies) ids.push((await as('ada').post(`/messages/conversations/${id}/messages`, { body })).body.data.id);

    const newest = (await as('ada').get(`/messages/conversations/${id}/messages?limit=2`)).body.data;
    expect(newest.map((m: { body: string }) => m.body)).toEqual(['Page four', 'Page three']);
    const older = (await as('ada').get(`/messages/conversations/${id}/messages?limit=2&before=${newest[1].id}`)).body.data;
    expect(older.map((m: { body: string }) => m.body)).toEqual(['Page two', 'Page one']);
    const missed = (await as('ada').get(`/messages/conversations/${id}/messages?after=${ids[1]}`)).body.data;
    expect(missed.map((m: { body: string }) => m.body)).toEqual(['Page three', 'Page four']);
  });

  test("reading a conversation clears its unread count and shows in the customer's read receipts", async () => {
    const id = await conversationOfAWithAda();
    const sent = (await member('a').post(`/api/conversations/${id}/messages`, { body: 'Are you there?' })).body.data;
    expect((await as('ada').get(`/messages/conversations/${id}`)).body.data.unread).toBeGreaterThan(0);

    const read = await as('ada').post(`/messages/conversations/${id}/read`, { upTo: sent.id });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ lastReadMessageId: sent.id });
    expect((await as('ada').get(`/messages/conversations/${id}`)).body.data.unread).toBe(0);
    expect((await member('a').get(`/api/conversations/${id}`)).body.data.readUpTo).toEqual([{ member: { kind: 'admin', id: panel.ada.id }, messageId: sent.id }]);
  });

  test('a fresh socket ticket names the administrator, with where the chat-server is', async () => {
    const res = await as('ada').post('/messages/ticket');
    expect(res.status).toBe(200);
    expect(res.body.data.url).toBe('https://chat.ventalis.test');
    const verified = verifyTicket(res.body.data.ticket, CHAT_SECRET, Math.floor(Date.now() / 1000));
    expect(verified).toMatchObject({ ok: true, claims: { kind: 'admin', id: panel.ada.id } });
    expect(new Date(res.body.data.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  test("the cms' pages may open sockets to the chat-server (Content-Security-Policy)", async () => {
    const csp = (await app.api().get('/_health')).headers['content-security-policy'] as string;
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    expect(connect?.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", 'https://chat.ventalis.test', 'wss://chat.ventalis.test']));
  });
});

describe('bad input and conversations that are not theirs', () => {
  test.each([
    [{ body: '' }, 'The message is empty'],
    [{ body: '   ' }, 'The message is empty'],
    [{ body: 'x'.repeat(4001) }, 'A message is at most 4000 characters'],
    [{}, 'body'],
    [{ body: 42 }, 'body'],
    [{ body: 'Hello', sender: { kind: 'user', id: 1 } }, 'sender'],
  ])('refuses to send %j with a message, and stores nothing', async (input, message) => {
    const id = await conversationOfAWithAda();
    const before = await snapshot(app.strapi);
    const res = await as('ada').post(`/messages/conversations/${id}/messages`, input);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a message of exactly 4000 characters goes through', async () => {
    const id = await conversationOfAWithAda();
    expect((await as('ada').post(`/messages/conversations/${id}/messages`, { body: 'x'.repeat(4000) })).status).toBe(201);
  });

  test.each(['999999', 'abc', '0', '-1'])('an unknown or malformed conversation (%s) is a 404 with a message, and nothing is stored', async (id) => {
    const before = await snapshot(app.strapi);
    for (const res of [
      await as('ada').get(`/messages/conversations/${id}`),
      await as('ada').get(`/messages/conversations/${id}/messages`),
      await as('ada').post(`/messages/conversations/${id}/messages`, { body: 'Hello?' }),
      await as('ada').post(`/messages/conversations/${id}/read`, { upTo: 1 }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('No conversation of yours has this id');
    }
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an administrator who is not in a conversation cannot read, write or mark it read, and it stays as it was', async () => {
    const id = await conversationOfAWithAda();
    const clientConversation = (await member('a').get('/api/conversations')).body.data.find((c: { with: { role: string }[] }) => c.with.some((m) => m.role === 'consultant')).id;
    for (const conversation of [id, clientConversation]) {
      const before = await snapshot(app.strapi);
      expect((await as('bob').get(`/messages/conversations/${conversation}`)).status).toBe(404);
      expect((await as('bob').get(`/messages/conversations/${conversation}/messages`)).status).toBe(404);
      expect((await as('bob').post(`/messages/conversations/${conversation}/messages`, { body: 'Let me in' })).status).toBe(404);
      expect((await as('bob').post(`/messages/conversations/${conversation}/read`, { upTo: 999_999 })).status).toBe(404);
      expect(await snapshot(app.strapi)).toEqual(before);
    }
  });

  test.each([
    ['limit=500', 'limit is at most 100'],
    ['limit=0', 'limit is at least 1'],
    ['before=3&after=1', 'Use before or after, not both'],
    ['before=abc', 'must be a message id'],
    ['populate=*', 'populate'],
  ])('history refuses ?%s with a message', async (query, message) => {
    const id = await conversationOfAWithAda();
    const res = await as('ada').get(`/messages/conversations/${id}/messages?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
  });

  test.each([
    [{}, 'upTo must be a message id'],
    [{ upTo: -1 }, 'upTo must be a message id'],
    [{ upTo: 'all' }, 'upTo must be a message id'],
  ])('mark read refuses %j with a message, and changes nothing', async (input, message) => {
    const id = await conversationOfAWithAda();
    const before = await snapshot(app.strapi);
    const res = await as('ada').post(`/messages/conversations/${id}/read`, input);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
