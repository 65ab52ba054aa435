import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startCluster, type Cluster } from '../scripts/cluster.ts';
import { replicaPorts } from '../scripts/cluster-topology.ts';
import { root } from '../scripts/lib.ts';
import { startRedis } from './redis.ts';

/**
 * The production topology (two cms, two storefronts, two chat-servers behind nginx, in
 * production mode on PostgreSQL and a Redis of their own) under a steady load of checkouts,
 * while replicas are killed with SIGKILL, a cms is stopped with SIGTERM and Redis restarted. Clients behave as the storefront does: a checkout that got no
 * answer is sent again with the same idempotency key. Afterwards every order a client was
 * answered exists once, none exists that nobody was answered, and the stock went down by
 * exactly what the orders hold.
 */
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const database = `faults_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
const PRODUCT = 'etiquette-expedition-recyclee-100x150';
/** The product's minimum order. */
const QUANTITY = 5000;
const CUSTOMERS = ['claire.dubois@maison-lavande.example', 'julien.moreau@atelier-boreal.example', 'sophie.martin@halles-gourmandes.example', 'marc.perrin@hotel-les-tilleuls.example'];

let cluster: Cluster;
let cms: string;
let redis: Awaited<ReturnType<typeof startRedis>>;
const dir = path.join(root, '.tmp', 'faults');
const jobLines: string[] = [];

async function sql<T>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const stock = async () => (await sql<{ stock: number }>(`SELECT stock FROM products WHERE slug = $1 AND locale = 'fr' AND published_at IS NOT NULL`, [PRODUCT]))[0]!.stock;

beforeAll(async () => {
  redis = await startRedis(16379, path.join(dir, `redis-${database}`));
  cluster = await startCluster({
    ports: { storefront: 18080, cms: 18337, chat: 18400 },
    replicaBase: 19000,
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix: `faults-${database}`,
    dir,
    // The services' warnings, errors and lines about jobs are kept: a test that finds a mail missing says what became of its job.
    write: (_stream, text) => {
      for (const line of text.split('\n')) if (/\bjob\b|"level":(40|50|"warn"|"error")/i.test(line)) jobLines.push(`${new Date().toISOString()} ${line.slice(0, 400)}`);
    },
    adminPanel: false,
  });
  cms = `${cluster.urls.cms}/api`;
  // Enough for every checkout of the run: a refusal for stock would hide a lost order.
  await sql(`UPDATE products SET stock = 1000000000 WHERE slug = $1`, [PRODUCT]);
});

afterAll(async () => {
  await cluster?.stop();
  await redis?.stop();
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  await client.end();
});

/** A request answered by the cluster, or the network error that took its place. */
async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // An HTML error page from the proxy.
    }
    return { status: res.status, body };
  } catch (error) {
    return { status: 0, body: String((error as Error).cause ?? error) };
  }
}
/** No answer, or the proxy's while no replica could take it: the client tries again. */
const transient = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

async function untilReady(name: string) {
  expect(await cluster.supervisor.whenSettled(name)).toBe('ready');
}

/** An operator's restart: SIGTERM, the service drains and exits, then it is started again. */
async function stopAndStart(name: string) {
  const child = cluster.supervisor.process(name)!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  cluster.supervisor.restart(name);
  await untilReady(name);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Customers who each add to their cart and check out, again and again, as the storefront
 * does (the same key until an answer), beside visitors reading the catalogue; counts the
 * errors clients see, and the order each checkout key was answered with.
 */
async function checkoutLoad() {
  const jwts = await Promise.all(CUSTOMERS.map((identifier) => signIn(identifier)));
  const stockBefore = await stock();
  const startedAt = new Date();
  const errors = { checkout: 0, cart: 0, storefront: 0 };
  /** What each error was, for a run that must explain itself. */
  const seen: string[] = [];
  const note = (what: string, answer: { status: number; body: unknown }) => seen.push(`${new Date().toISOString()} ${what} ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  /** Per customer, the order each checkout key was answered with. */
  const answered: Map<string, string>[] = jwts.map(() => new Map());
  let running = true;

  async function customer(jwt: string, index: number) {
    const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
    while (running) {
      const added = await call(`${cms}/cart/items`, { method: 'POST', headers, body: JSON.stringify({ product: PRODUCT, quantity: QUANTITY }) });
      if (added.status !== 200 && added.status !== 201) {
        if (!transient(added.status)) throw new Error(`adding to the cart refused: ${added.status} ${JSON.stringify(added.body)}`);
        errors.cart += 1;
        note('cart', added);
        await sleep(200);
        continue;
      }
      // The same key until an answer: as the storefront's checkout form does.
      const key = randomUUID();
      for (;;) {
        const placed = await call(`${cms}/checkout`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: key }) });
        if (placed.status === 201 || placed.status === 200) {
          answered[index]!.set(key, placed.body.data.order.reference);
          break;
        }
        if (!transient(placed.status)) throw new Error(`checkout refused: ${placed.status} ${JSON.stringify(placed.body)}`);
        errors.checkout += 1;
        note('checkout', placed);
        await sleep(200);
      }
    }
  }
  /** A visitor reads the catalogue and posts a form (signing out): nginx sends a GET again elsewhere after an error, never a POST. */
  async function visitor() {
    const storefront = cluster.urls.storefront;
    while (running) {
      const page = await call(`${storefront}/fr/catalogue`);
      if (page.status !== 200) {
        errors.storefront += 1;
        note('storefront GET', page);
      }
      const posted = await call(`${storefront}/logout`, { method: 'POST', redirect: 'manual', headers: { origin: storefront, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      if (posted.status !== 303) {
        errors.storefront += 1;
        note('storefront POST', posted);
      }
    }
  }

  const load = Promise.all([...jwts.map((jwt, i) => customer(jwt, i)), visitor(), visitor()]);
  const snapshot = () => ({ ...errors });
  return {
    startedAt,
    answered,
    seen,
    /** Runs `fault` and answers the errors clients saw meanwhile. */
    async during(fault: () => Promise<void>): Promise<typeof errors> {
      const before = snapshot();
      await fault();
      return Object.fromEntries(Object.entries(snapshot()).map(([k, v]) => [k, v - before[k as keyof typeof errors]])) as typeof errors;
    },
    async stop() {
      running = false;
      await load;
    },
    /** Every answered order exists once, under its key, none exists that nobody was answered, and the stock went down by what they hold. */
    async expectIntact(): Promise<string[]> {
      const placed = answered.reduce((sum, orders) => sum + orders.size, 0);
      expect(placed).toBeGreaterThan(10);
      const rows = await sql<{ key: string; reference: string; units: string }>(
        `SELECT split_part(o.idempotency_key, ':', 2) AS key, o.reference, COALESCE(SUM(l.quantity), 0) AS units
           FROM orders o
           LEFT JOIN orders_cmps c ON c.entity_id = o.id AND c.field = 'lines'
           LEFT JOIN components_order_lines l ON l.id = c.cmp_id
          WHERE o.placed_at >= $1
          GROUP BY o.id`,
        [startedAt],
      );
      expect(rows).toHaveLength(placed);
      const stored = rows.map(({ key, reference }) => ({ key, reference }));
      // A cart line added again after an answer lost (the cms died after storing it) holds twice the units: the orders say how many.
      const ordered = rows.reduce((sum, row) => sum + Number(row.units), 0);
      const expected = answered.flatMap((orders) => [...orders.entries()].map(([key, reference]) => ({ key, reference })));
      const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
      expect([...stored].sort(byKey)).toEqual(expected.sort(byKey));
      expect(ordered).toBeGreaterThanOrEqual(placed * QUANTITY);
      expect(await stock()).toBe(stockBefore - ordered);
      return expected.map(({ reference }) => reference);
    },
  };
}

test('SIGKILL of a cms and of a storefront under a load of checkouts: no order lost or doubled, no stock oversold', async () => {
  const load = await checkoutLoad();
  await sleep(3000);
  const during: Record<string, Awaited<ReturnType<typeof load.during>>> = {};
  // A cms dies in the middle of checkouts; the supervisor starts it again.
  during['cms-1 killed'] = await load.during(async () => {
    cluster.supervisor.process('cms-1')!.kill('SIGKILL');
    await sleep(500);
    await untilReady('cms-1');
  });
  during['storefront-1 killed'] = await load.during(async () => {
    cluster.supervisor.process('storefront-1')!.kill('SIGKILL');
    await sleep(500);
    await untilReady('storefront-1');
    await sleep(2000);
  });
  await load.stop();
  console.log(`Errors seen by clients during each fault (retried): ${JSON.stringify(during)}`);
  await load.expectIntact();
  // The storefront answered throughout, bar the requests in flight on the replica that died.
  expect(during['storefront-1 killed']!.storefront).toBeLessThan(10);
});

/** The mails of the outbox written since `since`, soft line breaks undone, each once, with when it was written. */
function mailsSince(since: Date): { text: string; at: Date }[] {
  const outbox = path.join(dir, 'outbox');
  return readdirSync(outbox)
    .map((name) => ({ name, at: statSync(path.join(outbox, name)).mtime }))
    .filter(({ name, at }) => name.endsWith('.eml') && at >= since)
    .map(({ name, at }) => ({ text: readFileSync(path.join(outbox, name), 'utf8').replace(/=\r?\n/g, ''), at }));
}

test('SIGTERM of a cms and of a storefront, then a restart of Redis, under a load of checkouts: no client error, no order lost or doubled, each order mailed once', async () => {
  const load = await checkoutLoad();
  await sleep(3000);
  const during: Record<string, Awaited<ReturnType<typeof load.during>>> = {};
  const faultTimes: Record<string, string> = {};
  // An operator restarts a cms: it stops taking connections, answers what it has, then exits.
  during['cms-2 stopped (SIGTERM) and started again'] = await load.during(async () => {
    faultTimes.sigterm = new Date().toISOString();
    await stopAndStart('cms-2');
  });
  // The same for a storefront: the form posts nginx sends it meanwhile are answered.
  during['storefront-2 stopped (SIGTERM) and started again'] = await load.during(async () => {
    faultTimes.storefrontSigterm = new Date().toISOString();
    await stopAndStart('storefront-2');
  });
  // Redis goes away and comes back: the job queues, cache invalidations and chat adapters reconnect.
  during['Redis restarted'] = await load.during(async () => {
    faultTimes.redisDown = new Date().toISOString();
    await redis.restart(1000);
    faultTimes.redisUp = new Date().toISOString();
    await sleep(4000);
  });
  await load.stop();
  console.log(`Errors seen by clients during each fault (retried): ${JSON.stringify(during)}`);
  const references = await load.expectIntact();
  // A graceful stop loses no request: the proxy sends new ones to the other cms.
  expect(during['cms-2 stopped (SIGTERM) and started again'], `errors: ${load.seen.join('\n')}`).toEqual({ checkout: 0, cart: 0, storefront: 0 });
  expect(during['storefront-2 stopped (SIGTERM) and started again'], `errors: ${load.seen.join('\n')}`).toEqual({ checkout: 0, cart: 0, storefront: 0 });
  // Every order's confirmation is a job (BullMQ on Redis, in process while Redis is away): each is mailed, once.
  const mailed = () => {
    const mails = mailsSince(load.startedAt);
    return references.map((reference) => {
      const its = mails.filter((mail) => mail.text.includes(reference));
      return { reference, mails: its.length, at: its[0]?.at };
    });
  };
  // Within a minute: a job that could not be queued while Redis came back waits up to JOB_QUEUE_WAIT_MS (30 s), then runs in its process.
  await vi.waitFor(() => expect(mailed().filter(({ mails }) => mails === 0)).toEqual([]), { timeout: 60_000, interval: 500 }).catch(() => undefined);
  const placed = new Map((await sql<{ reference: string; placed_at: Date }>(`SELECT reference, placed_at FROM orders WHERE reference = ANY($1)`, [references])).map((row) => [row.reference, row.placed_at]));
  const outcome = mailed().map((order) => ({ ...order, placedAt: placed.get(order.reference)!, delay: order.at ? order.at.getTime() - placed.get(order.reference)!.getTime() : null }));
  const notOnce = outcome.filter(({ mails }) => mails !== 1);
  const wrong = notOnce.map(({ reference, mails }) => ({ reference, mails }));
  const delays = outcome.flatMap(({ delay }) => (delay === null ? [] : [delay]));
  const remade = jobLines.filter((line) => line.includes('queue is made again')).length;
  console.log(`Confirmations: ${delays.length} of ${references.length} mailed; the slowest ${Math.max(0, ...delays)} ms after its order, ${delays.filter((ms) => ms > 5000).length} later than 5 s; jobs' queues made again after a failed first contact with Redis: ${remade}`);
  // A slow confirmation is not a failure (a job waits up to 30 s for Redis), but the run says why.
  const slow = outcome.filter(({ delay }) => delay !== null && delay > 5000).map(({ reference, placedAt, at }) => `${reference} placed ${placedAt.toISOString()} mailed ${at!.toISOString()}`);
  if (slow.length > 0) console.log(`Slow confirmations (faults: ${JSON.stringify(faultTimes)}):\n${slow.join('\n')}\nWhat the services said meanwhile:\n${jobLines.join('\n')}`);
  const placedAt = notOnce.map(({ reference, placedAt }) => ({ reference, placedAt }));
  expect(wrong, `orders not mailed once (${JSON.stringify(wrong)}), placed at ${JSON.stringify(placedAt)}; faults: ${JSON.stringify(faultTimes)}; what the services said:\n${jobLines.slice(-60).join('\n')}`).toEqual([]);
});

/** Signs in through the proxy and answers the account's token. */
async function signIn(identifier: string): Promise<string> {
  const signedIn = await call(`${cms}/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier, password: 'Ventalis-Demo-2026!' }) });
  expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
  return signedIn.body.jwt as string;
}

interface ChatMessage {
  id: number;
  body: string;
}

/**
 * A socket through the proxy that asks a fresh ticket at each (re)connection, as the
 * storefront's messages page does, and catches up with conversation:sync once reconnected.
 */
function chatClient(jwt: string, url = cluster.urls.chat) {
  const seen = new Map<number, ChatMessage>();
  let conversationId = 0;
  const socket: Socket = connect(url, {
    transports: ['websocket'],
    extraHeaders: { origin: cluster.urls.storefront },
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    auth: (give) => {
      void call(`${cms}/chat/ticket`, { method: 'POST', headers: { authorization: `Bearer ${jwt}` } }).then((res) => give({ ticket: res.body?.data?.ticket }));
    },
  });
  const events: string[] = [];
  const t0 = Date.now();
  socket.on('disconnect', (reason) => events.push(`${Date.now() - t0} disconnect ${reason}`));
  socket.on('message:new', (message: ChatMessage) => {
    events.push(`${Date.now() - t0} live ${message.body}`);
    seen.set(message.id, message);
  });
  socket.on('connect', () => {
    events.push(`${Date.now() - t0} connect`);
    if (!conversationId) return;
    const afterId = Math.max(0, ...[...seen.keys()]);
    socket.emit('conversation:sync', { conversationId, afterId }, (answer: { data?: ChatMessage[] }) => {
      events.push(`${Date.now() - t0} synced after ${afterId}: ${(answer.data ?? []).map((m) => m.body).join(',')} ${JSON.stringify((answer as { error?: unknown }).error ?? '')}`);
      for (const message of answer.data ?? []) seen.set(message.id, message);
    });
  });
  return {
    socket,
    seen,
    events,
    async join(): Promise<number> {
      if (!socket.connected) await new Promise((resolve) => socket.once('connect', resolve));
      const answer = await socket.timeout(5000).emitWithAck('conversation:list');
      conversationId = (answer.data as { id: number; company: string | null; order: string | null; quote: string | null }[]).find((c) => c.company && !c.order && !c.quote)!.id;
      return conversationId;
    },
  };
}

/**
 * A buyer writes to her company's conversation while `fault` runs; her colleague reads it.
 * Every acknowledged message must be stored once and reach the reader, live or caught up
 * once reconnected (a new ticket, then conversation:sync), without a reload.
 */
async function chatUnder(fault: () => Promise<void>, nodes: [string?, string?] = []) {
  const writer = chatClient(await signIn('claire.dubois@maison-lavande.example'), nodes[0]);
  // Her colleague reads the company's conversation with their consultant.
  const reader = chatClient(await signIn('paul.girard@maison-lavande.example'), nodes[1]);
  const conversationId = await writer.join();
  expect(await reader.join()).toBe(conversationId);

  const run = randomBytes(3).toString('hex');
  const linesBefore = jobLines.length;
  const acknowledged: ChatMessage[] = [];
  let unanswered = 0;
  let running = true;
  const write = async () => {
    for (let n = 0; running; n++) {
      if (!writer.socket.connected) {
        await sleep(100);
        continue;
      }
      try {
        const answer = await writer.socket.timeout(5000).emitWithAck('message:send', { conversationId, body: `fault ${run} ${n}` });
        if (answer.data) acknowledged.push(answer.data);
        else unanswered += 1;
      } catch {
        // No acknowledgement (the node died): the message may or may not be stored; the writer moves on.
        unanswered += 1;
      }
      // Under the per-socket limit (20 messages in 10 s).
      await sleep(550);
    }
  };
  const writing = write();
  await sleep(2000);
  await fault();
  running = false;
  await writing;
  expect(acknowledged.length).toBeGreaterThan(5);

  // Stored once each.
  const stored = await sql<{ id: number; body: string }>(`SELECT id, body FROM messages WHERE body LIKE $1`, [`fault ${run} %`]);
  for (const message of acknowledged) expect(stored.filter((row) => row.body === message.body), message.body).toHaveLength(1);
  const missing = () => acknowledged.filter((message) => !reader.seen.has(message.id)).map((m) => m.body);
  const said = () => jobLines.slice(linesBefore).filter((line) => line.includes('[chat-'));
  await vi.waitFor(() => expect(missing(), `reader: ${reader.events.join(' | ')}\nWhat the chat-servers said meanwhile:\n${said().join('\n')}`).toEqual([]), { timeout: 15_000, interval: 250 });
  const waited = said().filter((line) => line.includes('Redis takes messages again')).length;
  writer.socket.close();
  reader.socket.close();
  return { acknowledged: acknowledged.length, unanswered, waited, readerEvents: reader.events };
}

test('SIGKILL of a chat-server while a buyer writes: every acknowledged message stored once and delivered after the reconnect', async () => {
  const seen = await chatUnder(async () => {
    for (const name of ['chat-1', 'chat-2']) {
      cluster.supervisor.process(name)!.kill('SIGKILL');
      await sleep(500);
      await untilReady(name);
      await sleep(3000);
    }
  });
  console.log(`Chat, each chat-server killed: ${seen.acknowledged} messages acknowledged, ${seen.unanswered} sent without an acknowledgement`);
});

test('a Redis restart while a buyer writes on one chat-server and her colleague reads on the other: every acknowledged message stored once and delivered, without a reload', async () => {
  // Straight to each node, so that every message crosses Redis.
  const [first, second] = replicaPorts(cluster.options.replicaBase).chat.map((port) => `http://127.0.0.1:${port}`);
  const seen = await chatUnder(
    async () => {
      await redis.restart(1000);
      await sleep(4000);
    },
    [first, second],
  );
  console.log(`Chat, Redis restarted: ${seen.acknowledged} messages acknowledged, ${seen.unanswered} sent without an acknowledgement; ${seen.waited} time(s) a node's messages waited for Redis to take them`);
});
