import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, forge, login, registerCustomer } from './support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((p) => p.name);
const list = (query = '') => app.api().get(`/api/products${query}`);

describe('product list', () => {
  test('shows products of visible categories only, by name, with public fields', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Kraft shipping box', 'Paper padded envelope', 'Plant-based dish soap', 'Recycled mailer bag']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 24, pageCount: 1, total: 4 });
    expect(res.body.data[2]).toEqual({
      locale: 'fr',
      name: 'Plant-based dish soap',
      slug: 'plant-based-dish-soap',
      slugs: { fr: 'plant-based-dish-soap', en: null },
      sku: 'DISH-SOAP',
      priceCents: 450000,
      vatRate: '10',
      minQuantity: 1000,
      quantityStep: 100,
      stock: 50000,
      recycledContentPercent: 80,
      co2eKgPer1000: 300,
      countryOfOrigin: 'BE',
      category: { locale: 'fr', name: 'Cleaning', slug: 'cleaning' },
      labels: [{ locale: 'fr', name: 'EU Ecolabel', slug: 'eu-ecolabel' }],
      image: null,
    });
  });

  test('a category includes its sub-categories', async () => {
    expect(names(await list('?category=packaging'))).toEqual(['Kraft shipping box', 'Paper padded envelope', 'Recycled mailer bag']);
    expect(names(await list('?category=mailers'))).toEqual(['Paper padded envelope', 'Recycled mailer bag']);
    expect(names(await list('?category=archive'))).toEqual([]);
    expect(names(await list('?category=unknown'))).toEqual([]);
  });

  test('filters by eco label, price range and text, together', async () => {
    expect(names(await list('?label=fsc'))).toEqual(['Kraft shipping box', 'Recycled mailer bag']);
    expect(names(await list('?priceMin=10000&priceMax=70000'))).toEqual(['Kraft shipping box', 'Paper padded envelope']);
    expect(names(await list('?q=MAILER'))).toEqual(['Recycled mailer bag', 'Paper padded envelope'].sort());
    expect(names(await list('?q=mailer&label=eu-ecolabel&priceMax=10000'))).toEqual(['Recycled mailer bag']);
  });

  test('sorts by price, name, newest and lowest CO2e', async () => {
    expect(names(await list('?sort=price_asc'))).toEqual(['Recycled mailer bag', 'Paper padded envelope', 'Kraft shipping box', 'Plant-based dish soap']);
    expect(names(await list('?sort=price_desc'))).toEqual(['Plant-based dish soap', 'Kraft shipping box', 'Paper padded envelope', 'Recycled mailer bag']);
    expect(names(await list('?sort=newest'))).toEqual(['Plant-based dish soap', 'Paper padded envelope', 'Recycled mailer bag', 'Kraft shipping box']);
    expect(names(await list('?sort=co2e'))).toEqual(['Recycled mailer bag', 'Paper padded envelope', 'Kraft shipping box', 'Plant-based dish soap']);
  });

  test('paginates', async () => {
    const page2 = await list('?sort=price_asc&page=2&pageSize=3');
    expect(names(page2)).toEqual(['Plant-based dish soap']);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
  });

  test.each([
    ['?sort=cheapest', 'sort', /sort must be one of/],
    ['?page=0', 'page', /page starts at 1/],
    ['?pageSize=500', 'pageSize', /at most 100/],
    ['?priceMin=abc', 'priceMin', /number of cents/],
    ['?priceMin=5000&priceMax=100', 'priceMax', /greater than or equal to priceMin/],
    ['?category=Not%20A%20Slug', 'category', /slug/],
  ])('refuses %s with a message naming %s', async (query, field, message) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[field]).toMatch(message);
  });

  test('refuses raw query parameters it does not know (filters, populate, fields, sort syntax)', async () => {
    for (const query of ['?filters[name][$eq]=x', '?populate=*', '?fields[0]=name', '?sort[0]=priceCents:asc', '?publicationState=preview']) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toMatch(/^Unknown query parameter (filters|populate|fields|publicationState):|sort must be one of/);
    }
  });
});

describe('product and category pages', () => {
  test('a product by its slug, with its description and eco data', async () => {
    const res = await app.api().get('/api/products/recycled-mailer-bag');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Recycled mailer bag',
      priceCents: 9900,
      vatRate: '20',
      labels: [{ slug: 'eu-ecolabel' }, { slug: 'fsc' }],
      category: { slug: 'mailers' },
      images: [],
      description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Recycled mailer bag, made in France.' }] }],
    });
  });

  test('an unknown slug, or a product of a hidden category, is a 404', async () => {
    for (const slug of ['does-not-exist', 'old-stock-crate']) {
      const res = await app.api().get(`/api/products/${slug}`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('No product has this address');
    }
    expect((await app.api().get('/api/categories/archive')).status).toBe(404);
  });

  test('categories list the visible ones with their sub-categories', async () => {
    const res = await app.api().get('/api/categories');
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { slug: string }) => c.slug)).toEqual(['mailers', 'packaging', 'cleaning']);
    const packaging = res.body.data.find((c: { slug: string }) => c.slug === 'packaging');
    expect(packaging.children).toEqual([{ locale: 'fr', name: 'Mailers', slug: 'mailers' }]);
    expect((await app.api().get('/api/categories/mailers')).body.data.parent).toEqual({ locale: 'fr', name: 'Packaging', slug: 'packaging' });
  });

  test('eco labels are listed for the filters', async () => {
    const res = await app.api().get('/api/eco-labels');
    expect(res.body.data).toEqual([
      { locale: 'fr', name: 'EU Ecolabel', slug: 'eu-ecolabel' },
      { locale: 'fr', name: 'FSC', slug: 'fsc' },
    ]);
  });
});

describe('bearer tokens on the catalogue', () => {
  test("an administrator's read-only API token reads it; a signed-in customer's JWT too; a forged token of either shape is refused", async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as { create: (attributes: object) => Promise<{ accessKey: string }> };
    const { accessKey } = await tokens.create({ name: 'Partner feed', description: '', type: 'read-only', lifespan: null });
    expect(accessKey).not.toContain('.');
    const withToken = await list().set('Authorization', `Bearer ${accessKey}`);
    expect(withToken.status).toBe(200);
    expect(names(withToken)).toHaveLength(4);

    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    const withJwt = await list().set(bearer(jwt));
    expect(withJwt.status).toBe(200);
    expect(names(withJwt)).toEqual(names(withToken));

    for (const forged of [forge(accessKey), forge(jwt), 'a.b.c']) {
      const refused = await list().set('Authorization', `Bearer ${forged}`);
      expect(refused.status).toBe(401);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.error.status).toBe(401);
    }
  });
});
