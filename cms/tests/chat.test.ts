import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyTicket } from '@ventalis/contracts/chat-ticket';
import { startApp, type TestApp } from './support/strapi';
import { startDeliveryRecorder } from './support/delivery-recorder';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { placeOrder } from './support/orders';

/** Conversations through the REST API: contact rules, history, unread counts, read receipts. */
let app: TestApp;
const people = {} as Record<'a' | 'b' | 'x' | 'y', { id: number; jwt: string }>;
let adminId = 0;
const CHAT_SECRET = 'chat-test-secret';
let chatServer: Awaited<ReturnType<typeof startDeliveryRecorder>>;
const deliveries = () => chatServer.deliveries;

beforeAll(async () => {
  chatServer = await startDeliveryRecorder();
  app = await startApp({ CHAT_SECRET, CHAT_SERVER_URL: chatServer.url });
  await seedCatalogue(app.strapi);
  // X is created first: A goes to X, B to Y.
  const x = await createConsultant(app, { firstName: 'Xavier', lastName: 'Roux' });
  const y = await createConsultant(app, { firstName: 'Yasmine', lastName: 'Blanc' });
  const a = await registerCustomer(app, { email: 'a@chat.test', companyName: 'Alpha Packaging' });
  const b = await registerCustomer(app, { email: 'b@chat.test', companyName: 'Beta Cleaning' });
  people.a = { id: a.id, jwt: (await login(app, a.email, a.password)).jwt };
  people.b = { id: b.id, jwt: (await login(app, b.email, b.password)).jwt };
  people.x = { id: x.userId, jwt: (await login(app, x.email, x.password)).jwt };
  people.y = { id: y.userId, jwt: (await login(app, y.email, y.password)).jwt };
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  const admin = await app.strapi.service('admin::user').create({ email: 'ada@panel.test', firstname: 'Ada', lastname: 'Admin', password: 'Panel-Password-2026!', isActive: true, roles: [superAdmin.id] });
  adminId = admin.id;
});
afterAll(async () => {
  await app?.stop();
  await chatServer?.close();
});

const as = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
});
const clientConversationOf = async (who: 'a' | 'b') => (await as(who).get('/api/conversations')).body.data.find((c: { order: string | null; with: { role: string }[] }) => !c.order && c.with.some((m) => m.role === 'consultant'));

describe('a client and their consultant', () => {
  test('share a conversation from registration', async () => {
    const conversation = await clientConversationOf('a');
    expect(conversation.with).toEqual([{ kind: 'user', id: people.x.id, name: 'Xavier Roux', role: 'consultant', company: null }]);
    const seenByX = (await as('x').get('/api/conversations')).body.data.map((c: { id: number }) => c.id);
    expect(seenByX).toContain(conversation.id);
    expect(seenByX).not.toContain((await clientConversationOf('b')).id);
  });

  test('a message is stored, counted unread for the other, and read receipts follow', async () => {
    const { id } = await clientConversationOf('a');
    const sent = await as('a').post(`/api/conversations/${id}/messages`, { body: '  Could we get samples of the S boxes?  ' });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ conversationId: id, body: 'Could we get samples of the S boxes?', sender: { kind: 'user', id: people.a.id, role: 'customer', company: 'Alpha Packaging' } });

    const forX = (await as('x').get(`/api/conversations/${id}`)).body.data;
    expect(forX.unread).toBe(1);
    // The header's total is the sum over the list.
    const listed = (await as('x').get('/api/conversations')).body.data.reduce((sum: number, c: { unread: number }) => sum + c.unread, 0);
    expect((await as('x').get('/api/conversations/unread')).body.data).toEqual({ unread: listed });
    expect(listed).toBeGreaterThan(0);
    expect(forX.lastMessage.id).toBe(sent.body.data.id);
    expect((await as('a').get(`/api/conversations/${id}`)).body.data.unread).toBe(0);

    expect((await as('x').post(`/api/conversations/${id}/read`, { upTo: sent.body.data.id })).body.data).toEqual({ lastReadMessageId: sent.body.data.id });
    expect((await as('x').get(`/api/conversations/${id}`)).body.data.unread).toBe(0);
    expect((await as('x').get('/api/conversations/unread')).body.data).toEqual({ unread: listed - 1 });
    expect((await as('a').get(`/api/conversations/${id}`)).body.data.readUpTo).toEqual([{ member: { kind: 'user', id: people.x.id }, messageId: sent.body.data.id }]);
    // Read receipts never go backwards, nor past the last message.
    expect((await as('x').post(`/api/conversations/${id}/read`, { upTo: 0 })).body.data.lastReadMessageId).toBe(sent.body.data.id);
    expect((await as('x').post(`/api/conversations/${id}/read`, { upTo: 999_999 })).body.data.lastReadMessageId).toBe(sent.body.data.id);
  });

  test('history comes page by page backwards, and from a message id forwards to catch up', async () => {
    const { id } = await clientConversationOf('a');
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await as(i % 2 ? 'x' : 'a').post(`/api/conversations/${id}/messages`, { body: `Message ${i}` })).body.data.id);
    const newest = (await as('a').get(`/api/conversations/${id}/messages?limit=2`)).body.data;
    expect(newest.map((m: { body: string }) => m.body)).toEqual(['Message 5', 'Message 4']);
    const older = (await as('a').get(`/api/conversations/${id}/messages?limit=2&before=${newest[1].id}`)).body.data;
    expect(older.map((m: { body: string }) => m.body)).toEqual(['Message 3', 'Message 2']);
    const missed = (await as('a').get(`/api/conversations/${id}/messages?after=${ids[1]}`)).body.data;
    expect(missed.map((m: { id: number }) => m.id)).toEqual(ids.slice(2));
  });
});

describe('bad input and other people\'s conversations', () => {
  test.each([
    [{ body: '' }, 'The message is empty'],
    [{ body: '   ' }, 'The message is empty'],
    [{ body: 'x'.repeat(4001) }, 'A message is at most 4000 characters'],
    [{ text: 'Hello' }, 'body'],
    [{ body: 'Hello', sender: 1 }, 'sender'],
  ])('refuses %j with a message, and stores nothing', async (input, message) => {
    const { id } = await clientConversationOf('a');
    const before = await snapshot(app.strapi);
    const res = await as('a').post(`/api/conversations/${id}/messages`, input);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test.each([
    ['another client', 'b'],
    ["another client's consultant", 'y'],
  ] as const)("%s cannot read or write in A's conversation, which stays as it was", async (_who, who) => {
    const { id } = await clientConversationOf('a');
    const before = await snapshot(app.strapi);
    expect((await as(who).get(`/api/conversations/${id}/messages`)).status).toBe(404);
    expect((await as(who).post(`/api/conversations/${id}/messages`, { body: 'Hi!' })).status).toBe(404);
    expect((await as(who).post(`/api/conversations/${id}/read`, { upTo: 1 })).status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an unknown or malformed conversation id is a 404', async () => {
    expect((await as('a').get('/api/conversations/999999/messages')).status).toBe(404);
    expect((await as('a').post('/api/conversations/abc/messages', { body: 'Hi' })).status).toBe(404);
  });

  test('history paging is validated', async () => {
    const { id } = await clientConversationOf('a');
    expect((await as('a').get(`/api/conversations/${id}/messages?limit=500`)).status).toBe(400);
    expect((await as('a').get(`/api/conversations/${id}/messages?before=3&after=1`)).status).toBe(400);
  });
});

describe('who may talk to whom', () => {
  const start = (who: keyof typeof people, contact: { kind: 'user' | 'admin'; id: number }) => as(who).post('/api/conversations', { contact });

  test('a client may write to their consultant and to administrators, not to another consultant or client', async () => {
    expect((await start('a', { kind: 'user', id: people.x.id })).body.data.id).toBe((await clientConversationOf('a')).id);
    const withAdmin = await start('a', { kind: 'admin', id: adminId });
    expect(withAdmin.status).toBe(200);
    expect(withAdmin.body.data.with).toEqual([{ kind: 'admin', id: adminId, name: 'Ada Admin', role: 'administrator', company: null }]);
    // Starting again finds the same conversation.
    expect((await start('a', { kind: 'admin', id: adminId })).body.data.id).toBe(withAdmin.body.data.id);

    const before = await snapshot(app.strapi);
    expect((await start('a', { kind: 'user', id: people.y.id })).status).toBe(403);
    expect((await start('a', { kind: 'user', id: people.b.id })).status).toBe(403);
    expect((await start('a', { kind: 'user', id: people.a.id })).status).toBe(403);
    expect((await start('a', { kind: 'user', id: 999_999 })).status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a consultant may write to their clients, other consultants and administrators, not to others\' clients', async () => {
    expect((await start('x', { kind: 'user', id: people.a.id })).body.data.id).toBe((await clientConversationOf('a')).id);
    const colleagues = await start('x', { kind: 'user', id: people.y.id });
    expect(colleagues.status).toBe(200);
    expect((await start('y', { kind: 'user', id: people.x.id })).body.data.id).toBe(colleagues.body.data.id);
    expect((await start('x', { kind: 'admin', id: adminId })).status).toBe(200);
    expect((await start('x', { kind: 'user', id: people.b.id })).status).toBe(403);
  });

  test('contacts list exactly who each may write to', async () => {
    const names = async (who: keyof typeof people) => (await as(who).get('/api/conversations/contacts')).body.data.map((m: { name: string }) => m.name);
    const a = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: people.a.id } });
    // A panel account that is not an administrator's (a marketer) is nobody's contact.
    const marketerRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'ventalis-marketer' } });
    const marketer = await app.strapi.service('admin::user').create({ email: 'mona@panel.test', firstname: 'Mona', lastname: 'Marketer', password: 'Panel-Password-2026!', isActive: true, roles: [marketerRole.id] });
    expect((await as('a').post('/api/conversations', { contact: { kind: 'admin', id: marketer.id } })).status).toBe(404);
    expect(await names('a')).toEqual(['Xavier Roux', 'Ada Admin']);
    expect(await names('b')).toEqual(['Yasmine Blanc', 'Ada Admin']);
    // X: the other consultant and X's own client (not B, Y's client), then administrators.
    expect(await names('x')).toEqual(['Yasmine Blanc', `${a.firstName} ${a.lastName}`, 'Ada Admin']);
  });

  test('the conversation about an order is between the client and their consultant', async () => {
    const { order } = await placeOrder(app, people.a.jwt, [['kraft-shipping-box', 1000]]);
    const byClient = await as('a').post(`/api/conversations/order/${order.reference}`);
    expect(byClient.status).toBe(200);
    expect(byClient.body.data).toMatchObject({ order: order.reference, with: [{ id: people.x.id, role: 'consultant' }] });
    expect((await as('x').post(`/api/conversations/order/${order.reference}`)).body.data.id).toBe(byClient.body.data.id);
    expect((await as('b').post(`/api/conversations/order/${order.reference}`)).status).toBe(404);
    expect((await as('y').post(`/api/conversations/order/${order.reference}`)).status).toBe(404);
  });
});

describe('a change of consultant', () => {
  test('hands the client conversation, with its history, to the new consultant, with a message saying so', async () => {
    const { id } = await clientConversationOf('a');
    const consultantY = await app.strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: people.y.id } } });
    await app.strapi.service('api::consultant.assignment').reassignClient(people.a.id, consultantY.id);

    const history = (await as('y').get(`/api/conversations/${id}/messages?limit=100`)).body.data;
    expect(history[0]).toMatchObject({ sender: null, body: 'Yasmine Blanc is now your consultant and takes over this conversation.' });
    expect(history.some((m: { body: string }) => m.body === 'Could we get samples of the S boxes?')).toBe(true);
    expect((await clientConversationOf('a')).with.map((m: { name: string }) => m.name)).toEqual(['Yasmine Blanc']);

    // X no longer follows A: the conversation is gone from X's list, and closed to X.
    expect((await as('x').get('/api/conversations')).body.data.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await as('x').post(`/api/conversations/${id}/messages`, { body: 'Still there?' })).status).toBe(404);
  });

  /** A consultant with one new client, who has written to them. */
  async function consultantWithClient(label: string) {
    const consultant = await createConsultant(app, { firstName: 'Leaving', lastName: label });
    const registered = await registerCustomer(app, { email: `${label.toLowerCase()}@handover.test` });
    if (registered.consultantId !== consultant.id) await app.strapi.service('api::consultant.assignment').reassignClient(registered.id, consultant.id);
    const jwt = (await login(app, registered.email, registered.password)).jwt;
    const [conversation] = (await app.api().get('/api/conversations').set(bearer(jwt))).body.data;
    await app.api().post(`/api/conversations/${conversation.id}/messages`).set(bearer(jwt)).send({ body: `Hello ${label}` }).expect(201);
    return { consultant, client: { id: registered.id, jwt }, conversationId: conversation.id as number };
  }
  const lastMessageOf = async (jwt: string, conversationId: number) => (await app.api().get(`/api/conversations/${conversationId}`).set(bearer(jwt))).body.data;

  test.each([
    ['blocked', async (consultant: { documentId: string }) => {
      await app.strapi.documents('api::consultant.consultant').update({ documentId: consultant.documentId, data: { blocked: true } as never });
    }],
    ['deleted', async (consultant: { documentId: string }) => {
      await app.strapi.documents('api::consultant.consultant').delete({ documentId: consultant.documentId });
    }],
    ['replaced in the panel', async (_consultant: unknown, clientId: number) => {
      const { company } = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: clientId }, select: ['id'], populate: { company: { select: ['documentId'] } } });
      const y = await app.strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: people.y.id } }, select: ['documentId'] });
      await app.strapi.documents('api::company.company').update({ documentId: company.documentId, data: { consultant: y.documentId } as never });
    }],
  ])('a consultant %s hands their clients over with a message naming the new one', async (label, change) => {
    const { consultant, client, conversationId } = await consultantWithClient(label.split(' ')[0]!.replace(/^./, (c) => c.toUpperCase()));
    await change(consultant, client.id);
    const now = await lastMessageOf(client.jwt, conversationId);
    expect(now.with).toHaveLength(1);
    expect(now.with[0].name).not.toMatch(/^Leaving /);
    expect(now.lastMessage).toMatchObject({ sender: null, body: `${now.with[0].name} is now your consultant and takes over this conversation.` });
  });
});

describe('a session that has ended', () => {
  const ticketOf = async (jwt: string) => {
    const res = await app.api().post('/api/chat/ticket').set(bearer(jwt));
    return verifyTicket(res.body.data.ticket, CHAT_SECRET, Math.floor(Date.now() / 1000)) as { ok: true; claims: { gen: string; jti: string } };
  };

  test('a password reset changes the generation: the chat-server\'s calls for the old one are refused, and store nothing', async () => {
    const registered = await registerCustomer(app, { email: 'reset@chat.test' });
    const jwt = (await login(app, registered.email, registered.password)).jwt;
    const [conversation] = (await app.api().get('/api/conversations').set(bearer(jwt))).body.data;
    const before = (await ticketOf(jwt)).claims.gen;
    const call = (generation: string) => app.api().post('/api/chat/internal/send').set({ Authorization: `Bearer ${CHAT_SECRET}` }).send({ member: { kind: 'user', id: registered.id }, generation, conversationId: conversation.id, body: 'Hello' });
    expect((await call(before)).status).toBe(201);

    const code = await app.strapi.service('api::account.password-reset').issueCode(registered.id, 10);
    await app.api().post('/api/auth/reset-password').send({ code, password: 'An0ther-Long-Passphrase!', passwordConfirmation: 'An0ther-Long-Passphrase!' }).expect(200);

    const stored = await snapshot(app.strapi);
    const refused = await call(before);
    expect(refused.status).toBe(401);
    expect(await snapshot(app.strapi)).toEqual(stored);
    // Signed in again, the member gets tickets of the new generation.
    const again = (await login(app, registered.email, 'An0ther-Long-Passphrase!')).jwt;
    const after = (await ticketOf(again)).claims.gen;
    expect(after).not.toBe(before);
    expect((await call(after)).status).toBe(201);
  });
});

describe('the chat-server side', () => {
  /** The session generation the member's tickets carry now. */
  const generations: Record<number, string> = {};
  beforeAll(async () => {
    for (const who of [people.a, people.b]) {
      const ticket = (await app.api().post('/api/chat/ticket').set(bearer(who.jwt))).body.data.ticket;
      generations[who.id] = (verifyTicket(ticket, CHAT_SECRET, Math.floor(Date.now() / 1000)) as { ok: true; claims: { gen: string } }).claims.gen;
    }
  });
  /** A call of the chat-server's, with the session generation of the member it names. */
  const internal = (path: string, body: { member?: { id: unknown } } & object, secret: string | null = CHAT_SECRET) => {
    const request = app.api().post(`/api/chat/internal/${path}`);
    const generation = typeof body.member?.id === 'number' ? generations[body.member.id] ?? 'unknown-generation' : 'unknown-generation';
    return (secret ? request.set({ Authorization: `Bearer ${secret}` }) : request).send({ generation, ...body });
  };

  test('a signed-in member gets a short-lived ticket naming them', async () => {
    const res = await as('a').post('/api/chat/ticket');
    expect(res.status).toBe(200);
    const verified = verifyTicket(res.body.data.ticket, CHAT_SECRET, Math.floor(Date.now() / 1000));
    expect(verified).toMatchObject({ ok: true, claims: { kind: 'user', id: people.a.id, gen: expect.any(String), jti: expect.any(String) } });
    expect(new Date(res.body.data.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await app.api().post('/api/chat/ticket')).status).toBe(403);
  });

  test('only the chat-server, with the shared secret, may call its routes', async () => {
    const { id } = await clientConversationOf('a');
    const before = await snapshot(app.strapi);
    for (const secret of [null, 'guess']) {
      expect((await internal('send', { member: { kind: 'user', id: people.a.id }, conversationId: id, body: 'Forged' }, secret)).status).toBe(403);
    }
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('sends for a member, with the same rights as the REST API', async () => {
    const { id } = await clientConversationOf('a');
    const sent = await internal('send', { member: { kind: 'user', id: people.a.id }, conversationId: id, body: 'Through the socket' });
    expect(sent.status).toBe(201);
    expect(sent.body.data.message).toMatchObject({ conversationId: id, body: 'Through the socket' });
    expect(sent.body.data.recipients).toEqual(expect.arrayContaining([{ kind: 'user', id: people.a.id }]));

    const before = await snapshot(app.strapi);
    expect((await internal('send', { member: { kind: 'user', id: people.b.id }, conversationId: id, body: 'Not mine' })).status).toBe(404);
    expect((await internal('send', { member: { kind: 'user', id: people.a.id }, conversationId: id, body: '' })).status).toBe(400);
    expect((await internal('send', { member: { kind: 'root', id: 1 }, conversationId: id, body: 'Hi' })).status).toBe(400);
    expect(await snapshot(app.strapi)).toEqual(before);

    const missed = await internal('history', { member: { kind: 'user', id: people.a.id }, conversationId: id, page: { after: sent.body.data.message.id - 1 } });
    expect(missed.body.data.map((m: { body: string }) => m.body)).toEqual(['Through the socket']);
    const read = await internal('read', { member: { kind: 'user', id: people.a.id }, conversationId: id, upTo: sent.body.data.message.id });
    expect(read.body.data).toMatchObject({ lastReadMessageId: sent.body.data.message.id });
  });

  test("tells the chat-server a member's conversations and who else is in each", async () => {
    const { id } = await clientConversationOf('a');
    const res = await internal('memberships', { member: { kind: 'user', id: people.a.id } });
    expect(res.status).toBe(200);
    const mine = (await as('a').get('/api/conversations')).body.data as { id: number; with: { kind: string; id: number }[] }[];
    expect(res.body.data.map((c: { id: number }) => c.id).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(res.body.data.find((c: { id: number }) => c.id === id).with).toEqual(mine.find((c) => c.id === id)!.with.map(({ kind, id }) => ({ kind, id })));
    expect((await internal('memberships', { member: { kind: 'user', id: people.a.id } }, null)).status).toBe(403);
    expect((await internal('memberships', { member: { kind: 'user', id: 'me' } })).status).toBe(400);
  });

  test('a message sent through the REST API is handed to the chat-server for live delivery', async () => {
    const { id } = await clientConversationOf('a');
    deliveries().length = 0;
    const sent = await as('a').post(`/api/conversations/${id}/messages`, { body: 'Live, please' });
    const deadline = Date.now() + 3000;
    while (deliveries().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deliveries()[0]).toMatchObject({ authorization: `Bearer ${CHAT_SECRET}`, body: { message: { id: sent.body.data.id, body: 'Live, please' } } });
    expect(deliveries()[0]!.body.recipients).toEqual(expect.arrayContaining([{ kind: 'user', id: people.a.id }]));
  });
});
