import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationSummary } from '@ventalis/contracts';
import type { TestApp } from '../../cms/tests/support/strapi.ts';
import { bearer, createConsultant, login, registerCustomer } from '../../cms/tests/support/fixtures.ts';
import { collect, emitWithAck, messageCount, next, open, pause, startChat, startCms, ticketFor, type ChatClient, type Person } from './support/stack.ts';

/**
 * A socket speaks for a session: when the session ends (password reset, block, deletion) or
 * the conversation changes hands, open sockets follow at once. One cms, two chat-servers
 * without Redis: the cms tells the first one; the second one, which it does not tell, shows
 * that the cms itself refuses a socket whose session has ended.
 */
const USER = 'plugin::users-permissions.user';
let cms: TestApp;
let people: Record<'a' | 'b' | 'x' | 'y', Person>;
let told: Awaited<ReturnType<typeof startChat>>;
let untold: Awaited<ReturnType<typeof startChat>>;
const sockets: ChatClient[] = [];
let counter = 0;

beforeAll(async () => {
  const started = await startCms();
  cms = started.app;
  people = started.people;
  told = await startChat(started.url);
  untold = await startChat(started.url);
  await cms.strapi.config.set('ventalis.chat.serverUrl', told.url);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await told?.app.close();
  await untold?.app.close();
  await cms?.stop();
});

async function connect(url: string, ticket: string) {
  const socket = await open(url, ticket);
  sockets.push(socket);
  return socket;
}

/** A new client, signed in, with their conversation with their consultant. */
async function newClient() {
  counter += 1;
  const registered = await registerCustomer(cms, { email: `c${counter}.${process.pid}@sessions.test` });
  const person: Person = { id: registered.id, jwt: (await login(cms, registered.email, registered.password)).jwt };
  const [conversation] = (await cms.api().get('/api/conversations').set(bearer(person.jwt))).body.data as ConversationSummary[];
  const user = await cms.strapi.db.query(USER).findOne({ where: { id: registered.id }, select: ['documentId'] });
  return { ...person, email: registered.email, documentId: user.documentId as string, conversationId: conversation!.id };
}

const disconnection = (socket: ChatClient) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
const NEW_PASSWORD = 'An0ther-Long-Passphrase!';

describe('a session that ends takes its sockets with it', () => {
  test.each([
    ['a password reset', async (client: Awaited<ReturnType<typeof newClient>>) => {
      const code = await cms.strapi.service('api::account.password-reset').issueCode(client.id, 10);
      const reset = await cms.api().post('/api/auth/reset-password').send({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD });
      expect(reset.status).toBe(200);
    }],
    ['a block by an administrator', async (client: Awaited<ReturnType<typeof newClient>>) => {
      await cms.strapi.documents(USER).update({ documentId: client.documentId, data: { blocked: true } as never });
    }],
    ['a deletion', async (client: Awaited<ReturnType<typeof newClient>>) => {
      await cms.strapi.documents(USER).delete({ documentId: client.documentId });
    }],
  ])('%s closes the open sockets on the chat-server, refuses tickets minted before, and the cms refuses the old session', async (_case, endSession) => {
    const client = await newClient();
    const mintedBefore = await ticketFor(cms, client);
    const socket = await connect(told.url, await ticketFor(cms, client));
    const elsewhere = await connect(untold.url, await ticketFor(cms, client));
    const closed = disconnection(socket);
    // The socket works until then.
    expect(await emitWithAck(elsewhere, 'message:send', { conversationId: client.conversationId, body: 'Before' })).toHaveProperty('data');

    await endSession(client);

    expect(await closed).toBe('io server disconnect');
    await expect(open(told.url, mintedBefore)).rejects.toThrow('ticket revoked');
    // A socket the news did not reach can no longer do anything: the cms refuses its session.
    const before = await messageCount(cms);
    expect(await emitWithAck(elsewhere, 'message:send', { conversationId: client.conversationId, body: 'After' })).toMatchObject({ error: { code: 'session_ended' } });
    expect(await emitWithAck(elsewhere, 'conversation:sync', { conversationId: client.conversationId, afterId: 0 })).toMatchObject({ error: { code: 'session_ended' } });
    expect(await messageCount(cms)).toBe(before);
  });

  test("blocking a consultant in the panel closes the consultant's sockets, and their tickets stop working", async () => {
    const consultant = await createConsultant(cms, { firstName: 'Blocked', lastName: 'Soon' });
    const person: Person = { id: consultant.userId, jwt: (await login(cms, consultant.email, consultant.password)).jwt };
    const mintedBefore = await ticketFor(cms, person);
    const socket = await connect(told.url, await ticketFor(cms, person));
    const closed = disconnection(socket);
    await cms.strapi.documents('api::consultant.consultant').update({ documentId: consultant.documentId, data: { blocked: true } as never });
    expect(await closed).toBe('io server disconnect');
    await expect(open(told.url, mintedBefore)).rejects.toThrow('ticket revoked');
  });

  test('other members keep their sockets', async () => {
    const client = await newClient();
    const other = await connect(told.url, await ticketFor(cms, people.b));
    const socket = await connect(told.url, await ticketFor(cms, client));
    const closed = disconnection(socket);
    await cms.strapi.documents(USER).update({ documentId: client.documentId, data: { blocked: true } as never });
    await closed;
    await pause(200);
    expect(other.connected).toBe(true);
    expect(await emitWithAck(other, 'conversation:sync', { conversationId: 1_000_000, afterId: 0 })).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('a change of consultant', () => {
  test('closes the conversation for the old consultant and opens it, live, for the new one and the client', async () => {
    const client = await newClient();
    const consultants = await cms.strapi.db.query('api::consultant.consultant').findMany({ populate: { user: { select: ['id', 'documentId'] } } });
    const current = (await cms.strapi.db.query(USER).findOne({ where: { id: client.id }, populate: { consultant: { select: ['id'] } } })).consultant.id;
    const oldOne = consultants.find((c: { id: number }) => c.id === current)!;
    const newOne = consultants.find((c: { id: number }) => c.id !== current)!;
    const person = (userId: number) => (userId === people.x.id ? people.x : people.y);
    const [oldSocket, newSocket, clientSocket] = [
      await connect(told.url, await ticketFor(cms, person(oldOne.user.id))),
      await connect(told.url, await ticketFor(cms, person(newOne.user.id))),
      await connect(told.url, await ticketFor(cms, client)),
    ];
    await pause(200);
    const left = next(oldSocket, 'conversation:left');
    const joined = next(newSocket, 'conversation:new');
    const clientView = next(clientSocket, 'conversation:new');
    const handOver = next(clientSocket, 'message:new');

    // The administrator edits the consultant of the client's company in the panel.
    const { company } = await cms.strapi.db.query(USER).findOne({ where: { id: client.id }, select: ['id'], populate: { company: { select: ['documentId'] } } });
    await cms.strapi.documents('api::company.company').update({ documentId: company.documentId, data: { consultant: newOne.documentId } as never });

    expect(await left).toEqual({ conversationId: client.conversationId });
    expect(await joined).toMatchObject({ id: client.conversationId, with: [{ kind: 'user', id: client.id }] });
    expect(await clientView).toMatchObject({ id: client.conversationId, with: [{ kind: 'user', id: newOne.user.id }] });
    expect((await handOver).body).toMatch(/is now your consultant/);

    // Typing now goes to the new consultant only, and the old one's goes nowhere.
    const oldHears = collect(oldSocket, 'typing');
    const clientHears = collect(clientSocket, 'typing');
    const newHears = next(newSocket, 'typing');
    clientSocket.emit('typing:set', { conversationId: client.conversationId, typing: true });
    oldSocket.emit('typing:set', { conversationId: client.conversationId, typing: true });
    expect(await newHears).toMatchObject({ member: { kind: 'user', id: client.id } });
    await pause(300);
    expect(oldHears).toEqual([]);
    expect(clientHears).toEqual([]);
    const before = await messageCount(cms);
    expect(await emitWithAck(oldSocket, 'message:send', { conversationId: client.conversationId, body: 'Still mine?' })).toMatchObject({ error: { code: 'not_found' } });
    expect(await messageCount(cms)).toBe(before);
  });
});
