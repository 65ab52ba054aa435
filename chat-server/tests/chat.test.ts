import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { mintTicket } from '@ventalis/contracts/chat-ticket';
import type { ChatMessage } from '@ventalis/contracts';
import type { TestApp } from '../../cms/tests/support/strapi.ts';
import { bearer } from '../../cms/tests/support/fixtures.ts';
import { createServer } from 'node:http';
import { createApplication } from '../src/app.ts';
import { createCmsGateway } from '../src/cms.ts';
import { collect, emitWithAck, messageCount, next, open, ORIGIN, pause, SECRET, startChat, startCms, ticketFor, type ChatClient, type Person } from './support/stack.ts';

/** One cms, one chat-server; real Socket.IO clients. */
let cms: TestApp;
let cmsUrl: string;
let people: Record<'a' | 'b' | 'x' | 'y', Person>;
let chat: Awaited<ReturnType<typeof startChat>>;
let conversationA = 0;
let conversationB = 0;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  const started = await startCms();
  cms = started.app;
  cmsUrl = started.url;
  people = started.people;
  chat = await startChat(cmsUrl);
  // The cms tells this chat-server what happens outside sockets.
  await cms.strapi.config.set('ventalis.chat.serverUrl', chat.url);
  const list = async (who: Person) => (await cms.api().get('/api/conversations').set(bearer(who.jwt))).body.data as { id: number }[];
  conversationA = (await list(people.a))[0]!.id;
  conversationB = (await list(people.b))[0]!.id;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await chat?.app.close();
  await cms?.stop();
});

async function connectAs(who: Person, url = chat.url) {
  const socket = await open(url, await ticketFor(cms, who));
  sockets.push(socket);
  return socket;
}

describe('handshake', () => {
  const now = () => Math.floor(Date.now() / 1000);

  test.each([
    ['no ticket', undefined, 'ticket malformed'],
    ['a forged ticket', mintTicket({ kind: 'user', id: 1, exp: 4_000_000_000, gen: 'made-up-generation' }, 'not-the-secret'), 'ticket forged'],
    ['an expired ticket', mintTicket({ kind: 'user', id: 1, exp: 1_000, gen: 'made-up-generation' }, SECRET), 'ticket expired'],
  ])('refuses %s', async (_case, ticket, reason) => {
    await expect(open(chat.url, ticket)).rejects.toThrow(reason);
  });

  test('refuses a page from another origin, even with a valid ticket', async () => {
    const ticket = await ticketFor(cms, people.a);
    await expect(open(chat.url, ticket, 'https://evil.example')).rejects.toThrow();
    const accepted = await open(chat.url, ticket);
    expect(accepted.connected).toBe(true);
    accepted.close();
  });

  test('a ticket opens one socket, once', async () => {
    const ticket = await ticketFor(cms, people.a);
    sockets.push(await open(chat.url, ticket));
    await expect(open(chat.url, ticket)).rejects.toThrow('ticket used');
  });

  test('refuses a signed ticket whose session generation is not the account\'s', async () => {
    const ticket = mintTicket({ kind: 'user', id: people.a.id, exp: now() + 60, gen: 'not-the-generation' }, SECRET);
    await expect(open(chat.url, ticket)).rejects.toThrow('ticket revoked');
  });
});

describe('acknowledgements', () => {
  const raw = (socket: ChatClient) => socket as unknown as { emit: (event: string, ...args: unknown[]) => void; timeout: (ms: number) => { emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown> } };

  test.each(['message:send', 'conversation:read', 'conversation:sync'])('%s answers even without a payload, or with garbage', async (event) => {
    const a = await connectAs(people.a);
    const before = await messageCount(cms);
    for (const args of [[], [null], ['text'], [42], [[1, 2]], [{ conversationId: 'one', body: 7, upTo: 'x', afterId: {} }]]) {
      expect(await raw(a).timeout(3_000).emitWithAck(event, ...args)).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    expect(await messageCount(cms)).toBe(before);
  });

  test('conversation:list answers with or without a payload before its acknowledgement', async () => {
    const a = await connectAs(people.a);
    const bare = (await raw(a).timeout(3_000).emitWithAck('conversation:list')) as { data: { id: number }[] };
    expect(bare.data.map((c) => c.id)).toContain(conversationA);
    expect(await raw(a).timeout(3_000).emitWithAck('conversation:list', { junk: true })).toHaveProperty('data');
  });

  test('a non-function acknowledgement, or none, does not break the socket', async () => {
    const a = await connectAs(people.a);
    const before = await messageCount(cms);
    raw(a).emit('message:send', { conversationId: conversationA, body: 'No ack' }, 'not a function');
    raw(a).emit('message:send');
    raw(a).emit('conversation:list', 42);
    raw(a).emit('typing:set');
    raw(a).emit('presence:set', 'online', () => {});
    await pause(300);
    expect(a.connected).toBe(true);
    expect(await messageCount(cms)).toBe(before + 1);
    expect(await emitWithAck(a, 'message:send', { conversationId: conversationA, body: 'Still answered' })).toHaveProperty('data');
  });
});

describe('messages', () => {
  test('are stored by the cms, acknowledged, and delivered to every tab of every participant', async () => {
    const [aTab1, aTab2, x] = [await connectAs(people.a), await connectAs(people.a), await connectAs(people.x)];
    const bSeen = collect(await connectAs(people.b), 'message:new');
    const arrivals = Promise.all([next(aTab2, 'message:new'), next(x, 'message:new'), next(aTab1, 'message:new')]);
    const ack = await emitWithAck<ChatMessage>(aTab1, 'message:send', { conversationId: conversationA, body: 'Hello from tab 1' });
    expect(ack).toMatchObject({ data: { conversationId: conversationA, body: 'Hello from tab 1', sender: { kind: 'user', id: people.a.id } } });
    const id = (ack as { data: ChatMessage }).data.id;
    for (const received of await arrivals) expect(received.id).toBe(id);
    // Stored before it was delivered: the REST history has it.
    const history = await cms.api().get(`/api/conversations/${conversationA}/messages?limit=1`).set(bearer(people.x.jwt));
    expect(history.body.data[0].id).toBe(id);
    await pause(200);
    expect(bSeen).toEqual([]);
  });

  test("sending into someone else's conversation is refused, stores nothing, and the socket stays usable", async () => {
    const b = await connectAs(people.b);
    const before = await messageCount(cms);
    expect(await emitWithAck(b, 'message:send', { conversationId: conversationA, body: 'Let me in' })).toMatchObject({ error: { code: 'not_found' } });
    expect(await messageCount(cms)).toBe(before);
    expect(await emitWithAck(b, 'message:send', { conversationId: conversationB, body: 'My own conversation' })).toMatchObject({ data: { body: 'My own conversation' } });
  });

  test.each([
    ['an oversized message', { conversationId: 1, body: 'x'.repeat(4001) }, 'invalid_payload'],
    ['an empty message', { conversationId: 1, body: '   ' }, 'invalid_payload'],
    ['a malformed payload', { conversationId: 'one', text: 'hi' }, 'invalid_payload'],
    ['no payload at all', null, 'invalid_payload'],
    ['an unknown conversation', { conversationId: 999_999, body: 'Hello?' }, 'not_found'],
  ])('refuses %s with an error code, stores nothing, and stays usable', async (_case, payload, code) => {
    const a = await connectAs(people.a);
    const before = await messageCount(cms);
    expect(await emitWithAck(a, 'message:send', payload)).toMatchObject({ error: { code } });
    expect(await messageCount(cms)).toBe(before);
    expect(await emitWithAck(a, 'message:send', { conversationId: conversationA, body: 'Still here' })).toHaveProperty('data');
  });

  test('a flood from one socket is cut off with rate_limited, and the refused ones are not stored', async () => {
    const flooder = await startChat(cmsUrl, 0, { floodLimit: 5 });
    const a = await open(flooder.url, await ticketFor(cms, people.a));
    sockets.push(a);
    const before = await messageCount(cms);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => emitWithAck(a, 'message:send', { conversationId: conversationA, body: `Flood ${i}` })));
    const codes = answers.map((answer) => ('error' in answer ? answer.error.code : 'stored'));
    expect(codes.filter((code) => code === 'stored')).toHaveLength(5);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(3);
    expect(await messageCount(cms)).toBe(before + 5);
    await flooder.app.close();
  });

  test('a message sent through the REST API reaches connected sockets', async () => {
    await cms.strapi.config.set('ventalis.chat.serverUrl', chat.url);
    const a = await connectAs(people.a);
    const arrival = next(a, 'message:new');
    const sent = await cms.api().post(`/api/conversations/${conversationA}/messages`).set(bearer(people.x.jwt)).send({ body: 'Sent from the REST API' });
    expect(sent.status).toBe(201);
    expect(await arrival).toMatchObject({ id: sent.body.data.id, body: 'Sent from the REST API' });
  });
});

describe('no loss', () => {
  test('a client that reconnects gets exactly what it missed', async () => {
    const a = await connectAs(people.a);
    const x = await connectAs(people.x);
    const seen = (await emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'Last one I saw' })) as { data: ChatMessage };
    a.close();
    const missed: number[] = [];
    for (const body of ['While you were away 1', 'While you were away 2', 'While you were away 3']) {
      missed.push(((await emitWithAck<ChatMessage>(x, 'message:send', { conversationId: conversationA, body })) as { data: ChatMessage }).data.id);
    }
    const back = await connectAs(people.a);
    const sync = (await emitWithAck<ChatMessage[]>(back, 'conversation:sync', { conversationId: conversationA, afterId: seen.data.id })) as { data: ChatMessage[] };
    expect(sync.data.map((m) => m.id)).toEqual(missed);
  });

  test('a client whose chat-server restarted catches up from the cms', async () => {
    const node = await startChat(cmsUrl);
    const a = await open(node.url, await ticketFor(cms, people.a));
    const last = (await emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'Before the restart' })) as { data: ChatMessage };
    const disconnected = new Promise((resolve) => a.once('disconnect', resolve));
    await node.app.close();
    await disconnected;
    // Meanwhile the consultant writes through the REST API.
    const during = await cms.api().post(`/api/conversations/${conversationA}/messages`).set(bearer(people.x.jwt)).send({ body: 'During the restart' });
    const restarted = await startChat(cmsUrl, node.port);
    const back = await open(restarted.url, await ticketFor(cms, people.a));
    sockets.push(back);
    const sync = (await emitWithAck<ChatMessage[]>(back, 'conversation:sync', { conversationId: conversationA, afterId: last.data.id })) as { data: ChatMessage[] };
    expect(sync.data.map((m) => m.body)).toEqual(['During the restart']);
    expect(sync.data[0]!.id).toBe(during.body.data.id);
    await restarted.app.close();
  });
});

describe('typing, presence and read receipts', () => {
  test('the consultant sees the client come online, type, read, and go offline', async () => {
    const x = await connectAs(people.x);
    await pause(100);
    const online = next(x, 'presence', 'online');
    const a = await connectAs(people.a);
    expect(await online).toEqual({ member: { kind: 'user', id: people.a.id }, status: 'online' });

    await pause(100);
    const typing = next(x, 'typing');
    a.emit('typing:set', { conversationId: conversationA, typing: true });
    expect(await typing).toEqual({ conversationId: conversationA, member: { kind: 'user', id: people.a.id }, typing: true });

    const sent = (await emitWithAck<ChatMessage>(x, 'message:send', { conversationId: conversationA, body: 'Did you get the samples?' })) as { data: ChatMessage };
    const receipt = next(x, 'conversation:read');
    expect(await emitWithAck(a, 'conversation:read', { conversationId: conversationA, upTo: sent.data.id })).toEqual({ data: { lastReadMessageId: sent.data.id } });
    expect(await receipt).toEqual({ conversationId: conversationA, member: { kind: 'user', id: people.a.id }, messageId: sent.data.id });

    const away = next(x, 'presence', 'away');
    a.emit('presence:set', { status: 'away' });
    expect((await away).status).toBe('away');
    const offline = next(x, 'presence', 'offline');
    a.close();
    expect(await offline).toEqual({ member: { kind: 'user', id: people.a.id }, status: 'offline' });
  });

  test('a flood of typing and presence reaches the others a bounded number of times', async () => {
    const limited = await startChat(cmsUrl, 0, { typingLimit: 10, presenceLimit: 5 });
    try {
      const x = await open(limited.url, await ticketFor(cms, people.x));
      const a = await open(limited.url, await ticketFor(cms, people.a));
      sockets.push(x, a);
      await pause(200);
      const typing = collect(x, 'typing');
      const presence = collect(x, 'presence');
      for (let i = 0; i < 500; i++) {
        a.emit('typing:set', { conversationId: conversationA, typing: i % 2 === 0 });
        a.emit('presence:set', { status: i % 2 === 0 ? 'away' : 'online' });
      }
      await pause(1_000);
      expect(typing).toHaveLength(10);
      expect(presence).toHaveLength(5);
      // Messages have their own allowance: the flood of typing did not use it up.
      expect(await emitWithAck(a, 'message:send', { conversationId: conversationA, body: 'After the flood' })).toHaveProperty('data');
    } finally {
      await limited.app.close();
    }
  });

  test('a client of another consultant sees none of it', async () => {
    const y = await connectAs(people.y);
    const seen = [...[collect(y, 'presence'), collect(y, 'typing'), collect(y, 'message:new')]];
    const a = await connectAs(people.a);
    a.emit('typing:set', { conversationId: conversationA, typing: true });
    // Typing into a conversation that is not one's own goes nowhere.
    a.emit('typing:set', { conversationId: conversationB, typing: true });
    await emitWithAck(a, 'message:send', { conversationId: conversationA, body: 'Private' });
    await pause(300);
    expect(seen.flat()).toEqual([]);
  });
});

describe('presence for the email fallback', () => {
  const PRESENCE = 'api::conversation.member-presence';
  const lastSeen = async (who: Person) => {
    const row = await cms.strapi.db.query(PRESENCE).findOne({ where: { member: `user:${who.id}` } });
    return row?.lastSeenAt ? new Date(row.lastSeenAt).getTime() : 0;
  };
  const longAgo = (who: Person) => cms.strapi.service('api::conversation.presence').seen([{ kind: 'user', id: who.id }], new Date(Date.now() - 3_600_000));
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 3000;
    while (!(await check()) && Date.now() < deadline) await pause(50);
    return check();
  };

  test('a member is reported seen when they connect and every period while connected, and no longer once gone', async () => {
    const quick = await startChat(cmsUrl, 0, { seenEveryMs: 300 });
    try {
      await Promise.all([longAgo(people.a), longAgo(people.b)]);
      const bBefore = await lastSeen(people.b);
      const connectedAt = Date.now();
      const socket = await open(quick.url, await ticketFor(cms, people.a));
      expect(await until(async () => (await lastSeen(people.a)) >= connectedAt - 1000)).toBe(true);

      await longAgo(people.a);
      const stillHere = Date.now();
      expect(await until(async () => (await lastSeen(people.a)) >= stillHere - 1000)).toBe(true);

      socket.close();
      await pause(200);
      await longAgo(people.a);
      const goneAt = Date.now();
      await pause(900);
      expect(await lastSeen(people.a)).toBeLessThan(goneAt - 1000);
      expect(await lastSeen(people.b)).toBe(bBefore);
    } finally {
      await quick.app.close();
      quick.http.close();
    }
  });

  test('leaving is reported too: the last moment they were there', async () => {
    const socket = await connectAs(people.a);
    await pause(200);
    await longAgo(people.a);
    const leftAt = Date.now();
    socket.close();
    expect(await until(async () => (await lastSeen(people.a)) >= leftAt - 1000)).toBe(true);
  });
});

describe('conversations that appear', () => {
  test("a conversation an administrator starts appears at once on the client's open page, and theirs follows the client's typing", async () => {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    await cms.strapi.service('admin::user').create({ email: 'ada@chat-server.test', firstname: 'Ada', lastname: 'Admin', password: 'Panel-Password-2026!', isActive: true, roles: [role.id] });
    const token = (await cms.api().post('/admin/login').send({ email: 'ada@chat-server.test', password: 'Panel-Password-2026!' })).body.data.token as string;
    const adminTicket = (await cms.api().post('/messages/ticket').set(bearer(token))).body.data.ticket as string;
    const admin = await open(chat.url, adminTicket);
    const b = await connectAs(people.b);
    sockets.push(admin);
    const appeared = next(b, 'conversation:new', 'the new conversation');
    const forAdmin = next(admin, 'conversation:new', "the administrator's other tabs");

    const started = await cms.api().post('/messages/conversations').set(bearer(token)).send({ contact: { kind: 'user', id: people.b.id } });
    expect(started.status).toBe(200);
    const conversation = await appeared;
    expect(conversation).toMatchObject({ id: started.body.data.id, unread: 0, with: [{ kind: 'admin', name: 'Ada Admin', role: 'administrator' }] });
    expect((await forAdmin).with).toEqual([expect.objectContaining({ kind: 'user', id: people.b.id })]);

    // Both sockets now know of each other in it: typing goes through without a reconnect.
    const typing = next(admin, 'typing');
    b.emit('typing:set', { conversationId: conversation.id, typing: true });
    expect(await typing).toMatchObject({ conversationId: conversation.id, member: { kind: 'user', id: people.b.id } });
  });
});

describe('operations', () => {
  const TOKEN = 'chat-metrics-token-0123456789';

  test('/readyz reports what it checks; a failed check is 503, the process still alive', async () => {
    const ready = await startChat(cmsUrl, 0, { readiness: async () => ({ redis: 'ok' }) });
    const down = await startChat(cmsUrl, 0, { readiness: async () => ({ redis: 'failed' }) });
    try {
      const ok = await fetch(`${ready.url}/readyz`);
      expect([ok.status, await ok.json()]).toEqual([200, { status: 'ready', checks: { redis: 'ok' } }]);
      const failed = await fetch(`${down.url}/readyz`);
      expect([failed.status, await failed.json()]).toEqual([503, { status: 'not_ready', checks: { redis: 'failed' } }]);
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    } finally {
      await ready.app.close();
      await down.app.close();
    }
  });

  test('/metrics, behind its token, counts sockets, deliveries and acknowledgements', async () => {
    const observed = await startChat(cmsUrl, 0, { metricsToken: TOKEN });
    try {
      expect((await fetch(`${observed.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${observed.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(404);
      const a = await open(observed.url, await ticketFor(cms, people.a));
      sockets.push(a);
      expect(await emitWithAck(a, 'message:send', { conversationId: conversationA, body: 'Counted' })).toHaveProperty('data');
      expect(await emitWithAck(a, 'message:send', { conversationId: conversationB, body: 'Not mine' })).toHaveProperty('error');
      const text = await (await fetch(`${observed.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      expect(text).toMatch(/chat_sockets_connected\{service="chat-server"\} 1/);
      expect(text).toMatch(/chat_deliveries_total\{via="socket",service="chat-server"\} 1/);
      expect(text).toMatch(/chat_acks_total\{event="message:send",outcome="ok",service="chat-server"\} 1/);
      expect(text).toMatch(/chat_acks_total\{event="message:send",outcome="refused",service="chat-server"\} 1/);
    } finally {
      await observed.app.close();
    }
  });

  test('stopping lets a message under way be stored and acknowledged, and refuses new sockets meanwhile', async () => {
    const gateway = createCmsGateway({ baseUrl: cmsUrl, secret: SECRET });
    // A cms slow to store: the message is still under way when the chat-server is told to stop.
    const slow = { ...gateway, send: async (...args: Parameters<typeof gateway.send>) => (await pause(400), gateway.send(...args)) };
    const http = createServer();
    const stopping = createApplication(http, { cms: slow }, { allowedOrigins: [ORIGIN], secret: SECRET });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    const a = await open(url, await ticketFor(cms, people.a));
    sockets.push(a);
    const before = await messageCount(cms);
    const ack = emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'Sent as it stops' });
    await pause(100);
    const closed = stopping.close();
    await expect(open(url, await ticketFor(cms, people.a))).rejects.toThrow();
    expect(await ack).toMatchObject({ data: { body: 'Sent as it stops' } });
    await closed;
    expect(await messageCount(cms)).toBe(before + 1);
  });
});
