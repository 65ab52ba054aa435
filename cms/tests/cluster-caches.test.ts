import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';

/**
 * Several cms processes share Redis: each keeps its own caches (public answers for a minute
 * here, permissions), and a change made through one is dropped from the others' at once. The
 * other process is played by this test: it changes the database behind the cms' back, as
 * another process would, and publishes what that process publishes.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test-${randomUUID()}`;
const CHANNEL = `${PREFIX}:caches:invalidate`;
let app: TestApp;
let redis: Redis;
let listener: Redis;
const heard: { kind: string; from: string }[] = [];

const priceOf = async () => (await app.api().get('/api/products/kraft-shipping-box').expect(200)).body.data.priceCents as number;
const eventually = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
};
/** What another cms process says once it changed something. */
const otherProcessChanged = (kind: string) => redis.publish(CHANNEL, JSON.stringify({ kind, from: 'another-cms' }));

beforeAll(async () => {
  app = await startApp({ REDIS_URL, REDIS_PREFIX: PREFIX, CATALOGUE_CACHE_SECONDS: '60' });
  await seedCatalogue(app.strapi);
  redis = new Redis(REDIS_URL);
  listener = new Redis(REDIS_URL);
  listener.on('message', (_channel, raw) => heard.push(JSON.parse(raw)));
  await listener.subscribe(CHANNEL);
});
afterAll(async () => {
  await listener?.quit();
  await redis?.quit();
  await app?.stop();
});

describe('public answers', () => {
  test('a change another process made is served here as soon as it says so, not a minute later', async () => {
    const before = await priceOf();
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' }, select: ['documentId'] });
    await app.strapi.db.query('api::product.product').updateMany({ where: { documentId: product.documentId }, data: { priceCents: before + 1000 } });
    // Nothing said yet: this process still serves its cached answer.
    expect(await priceOf()).toBe(before);
    await otherProcessChanged('catalogue');
    expect(await eventually(async () => (await priceOf()) === before + 1000)).toBe(true);
  });

  test('a change made through this process is told to the others', async () => {
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' }, select: ['documentId', 'locale'] });
    heard.length = 0;
    await app.strapi.documents('api::product.product').update({ documentId: product.documentId, locale: product.locale, data: { stock: 12_345 } as never });
    expect(await eventually(async () => heard.some((message) => message.kind === 'catalogue'))).toBe(true);
    // Its own news does not come back to it as another's: one message, from itself.
    expect(heard.filter((message) => message.kind === 'catalogue').every((message) => message.from !== 'another-cms')).toBe(true);
  });
});

describe('permissions', () => {
  test('a permission another process withdrew is refused here at once', async () => {
    await app.api().get('/api/products').expect(200);
    const publicRole = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, select: ['id'] });
    const permission = await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action: 'api::product.product.find', role: { id: publicRole.id } } });
    expect(permission).toBeTruthy();
    // Behind this process' back, as another process' change reaches the database.
    await app.strapi.db.connection('up_permissions_role_lnk').where({ permission_id: permission.id }).del();
    // Nothing said yet: this process still holds the permissions it read (for up to 5 seconds).
    expect((await app.api().get('/api/products')).status).toBe(200);
    await otherProcessChanged('permissions');
    expect(await eventually(async () => (await app.api().get('/api/products')).status === 403)).toBe(true);
  });
});
