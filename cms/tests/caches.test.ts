import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { PASSWORD, bearer, companyIdOf, createConsultant, login, registerCustomer } from './support/fixtures';

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

describe('catalogue answers served before the pipeline', () => {
  const list = (token?: string) => (token ? app.api().get('/api/products').set(bearer(token)) : app.api().get('/api/products'));
  beforeAll(async () => {
    // Confirmed again, after the settings test above.
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { confirmed: true } });
  });
  const signIn = async () => {
    const customer = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: customerId }, select: ['email'] });
    return (await login(app, customer.email, PASSWORD)).jwt;
  };

  test('a reader whose session ended, who is blocked or who is not confirmed is refused, though their answer is cached', async () => {
    let token = await signIn();
    await list(token).expect(200);
    await list(token).expect(200);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { blocked: true } });
    expect((await list(token)).status).toBe(401);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { blocked: false, confirmed: false } });
    expect((await list(token)).status).toBe(401);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { confirmed: true } });
    await list(token).expect(200);
    await app.api().post('/api/auth/logout').set(bearer(token)).send({}).expect(200);
    expect((await list(token)).status).toBe(401);
    // A forged token of the same shape, and a token signed with another secret, too.
    const [head, payload] = token.split('.');
    expect((await list(`${head}.${payload}.forged-signature`)).status).toBe(401);
    token = await signIn();
    await list(token).expect(200);
  });

  test('a permission taken from visitors closes the cached catalogue to them at once', async () => {
    await list().expect(200);
    await list().expect(200);
    const publicRole = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = await app.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { role: { id: publicRole.id }, action: 'api::product.product.find' } });
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    expect((await list()).status).toBe(403);
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { role: publicRole.id, action: 'api::product.product.find' } });
    await list().expect(200);
  });

  test("a company's cached prices reach its members only, and a member who leaves gets list prices at once", async () => {
    const companyId = (await companyIdOf(app, customerId))!;
    const category = await app.strapi.db.query('api::category.category').findOne({ where: { slug: 'packaging' }, select: ['id'] });
    // As the consultant's route stores it: the company's cached answers go.
    await app.strapi.documents('api::company.price-agreement').create({ data: { company: companyId, kind: 'category_discount', category: category.id, discountBasisPoints: 1000, startsOn: '2000-01-01', endsOn: '2999-12-31' } as never });
    const token = await signIn();
    const priceFor = async (who?: string) => (await list(who)).body.data.find((p: { slug: string }) => p.slug === 'kraft-shipping-box');
    const listPrice = (await priceFor()).priceCents;
    for (let read = 0; read < 2; read++) expect(await priceFor(token)).toMatchObject({ priceCents: listPrice, companyPrice: { priceCents: listPrice * 0.9 } });
    expect((await priceFor()).companyPrice ?? null).toBeNull();
    const other = await registerCustomer(app, { companyName: 'Other cached' });
    expect((await priceFor((await login(app, other.email, other.password)).jwt)).companyPrice ?? null).toBeNull();

    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { company: null, companyRole: null } });
    expect((await priceFor(token)).companyPrice ?? null).toBeNull();
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customerId }, data: { company: companyId, companyRole: 'admin' } });
    expect((await priceFor(token)).companyPrice).toMatchObject({ priceCents: listPrice * 0.9 });
  });
});
