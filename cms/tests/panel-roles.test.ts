import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';

const PASSWORD = 'Panel-Password-2026!';
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  for (const [name, code] of [
    ['consultant', 'ventalis-consultant'],
    ['marketer', 'ventalis-marketer'],
  ]) {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    await app.strapi.service('admin::user').create({ email: `${name}@panel.test`, firstname: name, lastname: 'Panel', password: PASSWORD, isActive: true, roles: [role.id] });
    const res = await app.api().post('/admin/login').send({ email: `${name}@panel.test`, password: PASSWORD });
    expect(res.status).toBe(200);
    tokens[name] = res.body.data.token;
  }
});
afterAll(async () => {
  await app?.stop();
});

const panel = (who: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
  const req = app.api()[method](path).set({ Authorization: `Bearer ${tokens[who]}` });
  return body ? req.send(body) : req;
};
const CM = '/content-manager';

describe('panel role Consultant: the catalogue only', () => {
  test.each(['api::product.product', 'api::category.category', 'api::eco-label.eco-label'])('reads %s', async (uid) => {
    expect((await panel('consultant', 'get', `${CM}/collection-types/${uid}`)).status).toBe(200);
  });

  test('creates a product', async () => {
    const res = await panel('consultant', 'post', `${CM}/collection-types/api::product.product`, {
      name: 'Bamboo cutlery set', slug: 'bamboo-cutlery-set', priceCents: 3500, vatRate: 'standard_20', minQuantity: 1000, quantityStep: 100, stock: 1000, recycledContentPercent: 0, co2eKgPer1000: 4, countryOfOrigin: 'PT',
    });
    expect(res.status).toBe(201);
    expect(await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'bamboo-cutlery-set' } })).not.toBeNull();
  });

  test.each([
    ['collection-types', 'plugin::users-permissions.user'],
    ['collection-types', 'api::consultant.consultant'],
    ['collection-types', 'api::inquiry.inquiry'],
    ['collection-types', 'api::order.order'],
    ['single-types', 'api::home-page.home-page'],
    ['single-types', 'api::commitment-page.commitment-page'],
  ])('cannot read %s %s', async (kind, uid) => {
    expect((await panel('consultant', 'get', `${CM}/${kind}/${uid}`)).status).toBe(403);
  });

  test('cannot create a consultant', async () => {
    const before = await app.strapi.db.query('api::consultant.consultant').count();
    const res = await panel('consultant', 'post', `${CM}/collection-types/api::consultant.consultant`, { firstName: 'Self', lastName: 'Made', email: 'self@made.test' });
    expect(res.status).toBe(403);
    expect(await app.strapi.db.query('api::consultant.consultant').count()).toBe(before);
  });
});

describe('panel role Marketer: the content pages only', () => {
  test('edits and publishes the Home page', async () => {
    const put = await panel('marketer', 'put', `${CM}/single-types/api::home-page.home-page`, { title: 'Welcome to Ventalis', blocks: [] });
    expect(put.status).toBe(200);
    const publish = await panel('marketer', 'post', `${CM}/single-types/api::home-page.home-page/actions/publish`, {});
    expect(publish.status).toBe(200);
    expect((await app.api().get('/api/pages/home')).body.data.title).toBe('Welcome to Ventalis');
  });

  test('reads the commitment page', async () => {
    expect([200, 404]).toContain((await panel('marketer', 'get', `${CM}/single-types/api::commitment-page.commitment-page`)).status);
  });

  test.each(['api::product.product', 'api::category.category', 'plugin::users-permissions.user', 'api::consultant.consultant', 'api::inquiry.inquiry'])('cannot read %s', async (uid) => {
    expect((await panel('marketer', 'get', `${CM}/collection-types/${uid}`)).status).toBe(403);
  });

  test('cannot change a product', async () => {
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' } });
    const res = await panel('marketer', 'put', `${CM}/collection-types/api::product.product/${product.documentId}`, { priceCents: 1 });
    expect(res.status).toBe(403);
    expect((await app.strapi.db.query('api::product.product').findOne({ where: { id: product.id } })).priceCents).toBe(65000);
  });
});
