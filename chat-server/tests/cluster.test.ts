import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ChatMessage } from '@ventalis/contracts';
import type { TestApp } from '../../cms/tests/support/strapi.ts';
import { bearer, login, registerCustomer } from '../../cms/tests/support/fixtures.ts';
import { emitWithAck, next, open, ORIGIN, pause, SECRET, startCms, ticketFor, type ChatClient, type Person } from './support/stack.ts';

/**
 * Two chat-server processes sharing delivery through the machine's Redis (Streams adapter), as
 * a Redis user of their own: a test can take a command away from them without touching others.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const stream = `ventalis-chat-test-${process.pid}-${Date.now()}`;
const redisUser = { name: `ventalis-chat-test-${process.pid}`, password: randomBytes(12).toString('hex') };
const nodesRedisUrl = Object.assign(new URL(REDIS_URL), { username: redisUser.name, password: redisUser.password }).toString();
async function onRedis<T>(work: (redis: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    await redis.quit();
  }
}
let cms: TestApp;
let people: Record<'a' | 'b' | 'x' | 'y', Person>;
let conversationA = 0;
const nodes: { child: ChildProcess; url: string }[] = [];
const sockets: ChatClient[] = [];

function startNode(cmsUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'src', 'main.ts')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CMS_URL: cmsUrl, CHAT_SECRET: SECRET, ALLOWED_ORIGINS: ORIGIN, REDIS_URL: nodesRedisUrl, REDIS_STREAM_NAME: stream, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening on (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`chat-server exited with ${code}`)));
  });
}

beforeAll(async () => {
  await onRedis((redis) => redis.sendCommand(['ACL', 'SETUSER', redisUser.name, 'on', `>${redisUser.password}`, '~*', '&*', '+@all']));
  const started = await startCms();
  cms = started.app;
  people = started.people;
  nodes.push(await startNode(started.url), await startNode(started.url));
  conversationA = (await cms.api().get('/api/conversations').set(bearer(people.a.jwt))).body.data[0].id;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await Promise.all(nodes.map(({ child }) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  await onRedis(async (redis) => {
    await redis.del(stream);
    await redis.sendCommand(['ACL', 'DELUSER', redisUser.name]);
  });
  await cms?.stop();
});

async function connect(who: Person, node: number) {
  const socket = await open(nodes[node]!.url, await ticketFor(cms, who));
  sockets.push(socket);
  return socket;
}

describe('two chat-servers on Redis', () => {
  test('a message sent on one node reaches the other participant on the other node', async () => {
    const a = await connect(people.a, 0);
    const x = await connect(people.x, 1);
    await pause(200);
    const arrival = next(x, 'message:new', 'across nodes');
    const ack = (await emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'From node one' })) as { data: ChatMessage };
    expect((await arrival).id).toBe(ack.data.id);
  });

  test('a message Redis refused for a while reaches the other node once Redis takes it again, before the next one', async () => {
    const a = await connect(people.a, 0);
    const x = await connect(people.x, 1);
    await pause(200);
    const arrivals: string[] = [];
    x.on('message:new', (message) => arrivals.push(message.body));
    // As while Redis restarts: every write of the nodes to the stream is refused.
    await onRedis((redis) => redis.sendCommand(['ACL', 'SETUSER', redisUser.name, '-xadd']));
    try {
      const first = (await emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'Written while Redis refused' })) as { data: ChatMessage };
      expect(first.data.body).toBe('Written while Redis refused');
      const second = (await emitWithAck<ChatMessage>(a, 'message:send', { conversationId: conversationA, body: 'Written just after' })) as { data: ChatMessage };
      expect(second.data.body).toBe('Written just after');
      await pause(1_000);
      expect(arrivals).toEqual([]);
    } finally {
      await onRedis((redis) => redis.sendCommand(['ACL', 'SETUSER', redisUser.name, '+xadd']));
    }
    const deadline = Date.now() + 5_000;
    while (arrivals.length < 2 && Date.now() < deadline) await pause(50);
    expect(arrivals).toEqual(['Written while Redis refused', 'Written just after']);
  });

  test('a message handed over by the cms to one node reaches a socket on the other', async () => {
    await cms.strapi.config.set('ventalis.chat.serverUrl', nodes[0]!.url);
    const x = await connect(people.x, 1);
    await pause(200);
    const arrival = next(x, 'message:new', 'REST message across nodes');
    const sent = await cms.api().post(`/api/conversations/${conversationA}/messages`).set(bearer(people.a.jwt)).send({ body: 'From the REST API' });
    expect((await arrival).id).toBe(sent.body.data.id);
  });

  test('a ticket spent on one node is refused by the other', async () => {
    const ticket = await ticketFor(cms, people.a);
    sockets.push(await open(nodes[0]!.url, ticket));
    await expect(open(nodes[1]!.url, ticket)).rejects.toThrow('ticket used');
    await expect(open(nodes[0]!.url, ticket)).rejects.toThrow('ticket used');
  });

  test("an ended session closes the member's sockets on every node, told to one", async () => {
    await cms.strapi.config.set('ventalis.chat.serverUrl', nodes[0]!.url);
    const registered = await registerCustomer(cms, { email: `cluster.${process.pid}@chat.test` });
    const client = { id: registered.id, jwt: (await login(cms, registered.email, registered.password)).jwt };
    const onNode0 = await connect(client, 0);
    const onNode1 = await connect(client, 1);
    const closed = [onNode0, onNode1].map((socket) => new Promise((resolve) => socket.once('disconnect', resolve)));
    const user = await cms.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: client.id }, select: ['documentId'] });
    await cms.strapi.documents('plugin::users-permissions.user').update({ documentId: user.documentId, data: { blocked: true } as never });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
  });

  test('a conversation started meanwhile reaches a socket on the other node, which then relays typing in it', async () => {
    await cms.strapi.config.set('ventalis.chat.serverUrl', nodes[0]!.url);
    const x = await connect(people.x, 0);
    const y = await connect(people.y, 1);
    await pause(200);
    const appeared = next(y, 'conversation:new', 'across nodes');
    const started = await cms.api().post('/api/conversations').set(bearer(people.x.jwt)).send({ contact: { kind: 'user', id: people.y.id } });
    expect(started.status).toBe(200);
    expect((await appeared).id).toBe(started.body.data.id);
    const typing = next(x, 'typing', 'typing relayed by the other node');
    y.emit('typing:set', { conversationId: started.body.data.id, typing: true });
    expect(await typing).toMatchObject({ conversationId: started.body.data.id, member: { kind: 'user', id: people.y.id } });
  });

  test('a member is offline only when their last tab, on any node, has gone', async () => {
    const x = await connect(people.x, 0);
    const tabOnNode0 = await connect(people.a, 0);
    const tabOnNode1 = await connect(people.a, 1);
    await pause(300);
    const presence: string[] = [];
    x.on('presence', (event) => event.member.id === people.a.id && presence.push(event.status));
    tabOnNode0.close();
    await pause(500);
    expect(presence).toEqual([]);
    tabOnNode1.close();
    const deadline = Date.now() + 5_000;
    while (presence.length === 0 && Date.now() < deadline) await pause(50);
    expect(presence).toEqual(['offline']);
  });
});
