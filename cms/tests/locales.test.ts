import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  await app.strapi.documents('api::home-page.home-page').create({ data: { title: 'Accueil', blocks: [] } as never, status: 'published' });
  await app.strapi.documents('api::commitment-page.commitment-page').create({ data: { title: 'Notre engagement', blocks: [] } as never, status: 'published' });
});
afterAll(async () => {
  await app?.stop();
});

const PUBLIC_ROUTES = ['/api/products', '/api/products/kraft-shipping-box', '/api/categories', '/api/categories/packaging', '/api/eco-labels', '/api/pages/home', '/api/pages/commitment'];

describe('the locale of every public content read', () => {
  test.each(PUBLIC_ROUTES)('%s answers in French by default and takes fr and en', async (path) => {
    for (const query of ['', '?locale=fr', '?locale=en']) {
      const res = await app.api().get(`${path}${query}`);
      expect(res.status, `${path}${query}`).toBe(200);
    }
  });

  test.each(PUBLIC_ROUTES)('%s refuses an unknown locale as a whole, with its code', async (path) => {
    for (const locale of ['de', 'FR', 'fr-FR', '', 'en&locale=fr']) {
      const res = await app.api().get(`${path}?locale=${locale}`);
      expect(res.status, `${path}?locale=${locale}`).toBe(400);
      expect(res.body.data ?? null, locale).toBeNull();
      expect(res.body.error.message).toMatch(/^Unknown locale .*must be one of fr, en$/);
      expect(res.body.error.details).toMatchObject({ code: 'locale.unknown', errors: { locale: 'must be one of fr, en' } });
    }
  });

  test('an unknown locale wins over other bad parameters of the product list', async () => {
    const res = await app.api().get('/api/products?locale=es&page=0');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('locale.unknown');
  });
});
