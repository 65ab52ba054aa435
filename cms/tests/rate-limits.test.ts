import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Redis } from 'ioredis';
import { startApp, type TestApp } from './support/strapi';
import { createConsultant, registerCustomer, registration, snapshot } from './support/fixtures';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Both counter stores: in memory (default) and Redis (shared by every cms replica). */
describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL }],
])('authentication rate limits %s', (_store, env: Record<string, string>) => {
  let app: TestApp;
  beforeAll(async () => {
    if (env.REDIS_URL) {
      const redis = new Redis(env.REDIS_URL);
      const keys = await redis.keys('ventalis:rl:*');
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    app = await startApp({ RATE_LIMIT_AUTH_PER_ACCOUNT: '3', RATE_LIMIT_AUTH_PER_ADDRESS: '8', REDIS_URL: '', ...env });
    await createConsultant(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('an account is locked out after repeated logins, from any address, with Retry-After', async () => {
    const customer = await registerCustomer(app);
    const attempt = (forwarded: string) =>
      app.api().post('/api/auth/local').set('X-Forwarded-For', forwarded).send({ identifier: customer.email, password: 'Wrong-Password-1!' });
    expect((await attempt('10.0.0.1')).status).toBe(400);
    expect((await attempt('10.0.0.2')).status).toBe(400);
    expect((await attempt('10.0.0.3')).status).toBe(400);
    const locked = await app.api().post('/api/auth/local').send({ identifier: customer.email.toUpperCase(), password: customer.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.error.message).toMatch(/Too many attempts/);
  });

  test('an address is stopped after too many attempts on different accounts, and a refused registration writes nothing', async () => {
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      status = (await app.api().post('/api/auth/forgot-password').send({ email: `someone${i}@nowhere.test` })).status;
    }
    expect(status).toBe(429);
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/auth/local/register').send(registration());
    expect(res.status).toBe(429);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  if (env.REDIS_URL) {
    test('the counters live in Redis, so every replica sees them', async () => {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys('ventalis:rl:*');
      redis.disconnect();
      expect(keys.some((k) => k.startsWith('ventalis:rl:authPerAccount'))).toBe(true);
      expect(keys.some((k) => k.startsWith('ventalis:rl:authPerAddress'))).toBe(true);
    });
  }
});
