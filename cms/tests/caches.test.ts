import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';

/** The read caches that make the catalogue fast must never serve a stale decision. */
let app: TestApp;
let jwt: string;
let customerId: number;
beforeAll(async () => {
  app = await startApp({ CATALOGUE_CACHE_SECONDS: '60' });
  await seedCatalogue(app.strapi);
  await createConsultant(app);
  const customer = await registerCustomer(app);
  customerId = customer.id;
  jwt = (await login(app, customer.email, customer.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});

const priceOf = async (slug: string) => (await app.api().get('/api/products')).body.data.find((p: { slug: string }) => p.slug === slug).priceCents;

describe('public catalogue cache', () => {
  test('an edit in the panel shows at once', async () => {
    expect(await priceOf('kraft-shipping-box')).toBe(65000);
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' } });
    await app.strapi.documents('api::product.product').update({ documentId: product.documentId, data: { priceCents: 61000 } as never });
    expect(await priceOf('kraft-shipping-box')).toBe(61000);
  });

  test('a category hidden in the panel disappears at once', async () => {
    expect((await app.api().get('/api/products?category=cleaning')).body.data).toHaveLength(1);
    const category = await app.strapi.db.query('api::category.category').findOne({ where: { slug: 'cleaning' } });
    await app.strapi.documents('api::category.category').update({ documentId: category.documentId, data: { visible: false } as never });
    expect((await app.api().get('/api/products?category=cleaning')).body.data).toHaveLength(0);
    await app.strapi.documents('api::category.category').update({ documentId: category.documentId, data: { visible: true } as never });
  });
});

describe('authentication caches', () => {
  test('a permission taken from a role is refused on the next request, and given back works again', async () => {
    await app.api().get('/api/account').set(bearer(jwt)).expect(200);
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'customer' } });
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { role: { id: role.id }, action: 'api::account.account.me' } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(403);
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { role: role.id, action: 'api::account.account.me' } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(200);
  });

  test('a blocked account is refused on the next request', async () => {
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { blocked: true } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(401);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { blocked: false } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(200);
  });

  test('a change to the accounts settings applies on the next request', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { confirmed: false } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(401);
    await store.set({ key: 'advanced', value: { ...advanced, email_confirmation: false } });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(200);
    await store.set({ key: 'advanced', value: advanced });
    expect((await app.api().get('/api/account').set(bearer(jwt))).status).toBe(401);
  });
});
