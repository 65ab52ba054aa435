import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Redis } from 'ioredis';
import { startApp, type TestApp } from './support/strapi';
import { asVisitor, createConsultant, registerCustomer, registration, snapshot } from './support/fixtures';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WRONG = 'Wrong-Password-1!';

async function clearRedis() {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('ventalis:rl:*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/** Both counter stores: in memory (default) and Redis (shared by every cms replica). */
describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL }],
])('authentication rate limits %s', (_store, env: Record<string, string>) => {
  let app: TestApp;
  beforeAll(async () => {
    if (env.REDIS_URL) await clearRedis();
    app = await startApp({
      RATE_LIMIT_AUTH_PER_ACCOUNT_AND_ADDRESS: '3',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '6',
      RATE_LIMIT_AUTH_PER_ADDRESS: '8',
      REDIS_URL: '',
      ...env,
    });
    await createConsultant(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const signIn = (address: string, identifier: string, password: string) => app.api().post('/api/auth/local').set(asVisitor(address)).send({ identifier, password });

  test('an address guessing an account is stopped on it with Retry-After, while its owner elsewhere signs in', async () => {
    const customer = await registerCustomer(app, {}, asVisitor('192.0.2.100'));
    for (let i = 0; i < 3; i++) expect((await signIn('10.0.0.1', customer.email, WRONG)).status).toBe(400);
    const stopped = await signIn('10.0.0.1', customer.email.toUpperCase(), customer.password);
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect(stopped.body.error.message).toMatch(/Too many attempts/);
    // The storefront words the wait in the reader's language from the code and its parameter.
    expect(stopped.body.error.details).toMatchObject({ code: 'request.too_many_attempts', params: { retryAfterSeconds: Number(stopped.headers['retry-after']) } });
    // Five wrong passwords used to close the account to everyone; now only the guesser waits.
    expect((await signIn('10.0.0.2', customer.email, customer.password)).status).toBe(200);
  });

  test('guesses from many addresses close the account to new addresses, never to the one its owner signs in from', async () => {
    const customer = await registerCustomer(app, {}, asVisitor('192.0.2.101'));
    const home = '192.0.2.1';
    expect((await signIn(home, customer.email, customer.password)).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(`10.1.0.${i}`, customer.email, WRONG)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 429, 429]);
    // Even the right password from an address the account does not know waits.
    const unknown = await signIn('10.1.0.99', customer.email, customer.password);
    expect(unknown.status).toBe(429);
    expect(Number(unknown.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, from the address they signed in from before, is let through.
    const owner = await signIn(home, customer.email, customer.password);
    expect(owner.status).toBe(200);
    expect(owner.body.jwt).toEqual(expect.any(String));
  });

  test('an address is stopped after too many attempts on different accounts, and a refused registration writes nothing', async () => {
    const visitor = asVisitor('10.2.0.1');
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      status = (await app.api().post('/api/auth/forgot-password').set(visitor).send({ email: `someone${i}@nowhere.test` })).status;
    }
    expect(status).toBe(429);
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/auth/local/register').set(visitor).send(registration());
    expect(res.status).toBe(429);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  if (env.REDIS_URL) {
    test('the counters live in Redis, so every replica sees them', async () => {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys('ventalis:rl:*');
      redis.disconnect();
      for (const name of ['authPerAddress', 'authPerAccountAndAddress', 'authPerAccount', 'authAccountBlocks', 'authKnownAddresses']) {
        expect(keys.some((k) => k.startsWith(`ventalis:rl:${name}:`)), name).toBe(true);
      }
    });
  }
});

/** With a one-second window, to watch an account's closing grow without waiting minutes. */
describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL }],
])('repeated attacks on one account %s', (_store, env: Record<string, string>) => {
  let app: TestApp;
  beforeAll(async () => {
    if (env.REDIS_URL) await clearRedis();
    app = await startApp({
      RATE_LIMIT_AUTH_WINDOW_SECONDS: '1',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '2',
      RATE_LIMIT_AUTH_MAX_BLOCK_SECONDS: '3',
      REDIS_URL: '',
      ...env,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('close it to new addresses longer each time: one window, two, four, up to the maximum', async () => {
    let n = 0;
    const ask = () => app.api().post('/api/auth/forgot-password').set(asVisitor(`10.9.0.${++n}`)).send({ email: 'target@client.test' });
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      // "Forgot password" costs no password hash: the three requests fit in the one-second window.
      const statuses = [(await ask()).status, (await ask()).status];
      const refused = await ask();
      expect([...statuses, refused.status], JSON.stringify(refused.body)).toEqual([200, 200, 429]);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    }
    expect(waits).toEqual([1, 2, 3]);
  });
});
