import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { LOCALES } from '@ventalis/contracts/locale';
import { startApp, type TestApp } from './support/strapi';

/**
 * Marketers and consultants edit every language of the content they look after: the panel
 * roles grant each localized type in French and in English, not only in the default locale
 * Strapi's internationalisation would give them. Runs on the types that are localized.
 */
const PASSWORD = 'Panel-Password-2026!';
const HOME = 'api::home-page.home-page';
const PRODUCT = 'api::product.product';
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp();
  const locales = app.strapi.plugin('i18n').service('locales');
  for (const [code, name] of [
    ['fr', 'French (fr)'],
    ['en', 'English (en)'],
  ]) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name });
  }
  for (const [name, code] of [
    ['consultant', 'ventalis-consultant'],
    ['marketer', 'ventalis-marketer'],
  ]) {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    await app.strapi.service('admin::user').create({ email: `${name}@locales.test`, firstname: name, lastname: 'Panel', password: PASSWORD, isActive: true, roles: [role.id] });
    tokens[name] = (await app.api().post('/admin/login').send({ email: `${name}@locales.test`, password: PASSWORD })).body.data.token;
  }
});
afterAll(async () => {
  await app?.stop();
});

const isLocalized = (uid: string) => Boolean((app.strapi.contentType(uid as never).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);
const onlyWhenLocalized = (context: TestContext, uid: string) => {
  if (!isLocalized(uid)) context.skip();
};
const panel = (who: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
  const req = app.api()[method](path).set({ Authorization: `Bearer ${tokens[who]}` });
  return body ? req.send(body) : req;
};

describe('both languages of the content, in the panel', () => {
  test('the roles grant each localized type in French and English', async (context) => {
    onlyWhenLocalized(context, HOME);
    for (const [code, subject] of [
      ['ventalis-marketer', HOME],
      ['ventalis-consultant', PRODUCT],
    ] as const) {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject } });
      expect(permissions.length).toBeGreaterThan(0);
      for (const permission of permissions) expect({ action: permission.action, locales: permission.properties.locales }).toEqual({ action: permission.action, locales: [...LOCALES] });
    }
  });

  test('a marketer writes and publishes the Home page in French and in English', async (context) => {
    onlyWhenLocalized(context, HOME);
    const page = `/content-manager/single-types/${HOME}`;
    expect((await panel('marketer', 'put', `${page}?locale=fr`, { title: 'Bienvenue chez Ventalis', blocks: [] })).status).toBe(200);
    expect((await panel('marketer', 'put', `${page}?locale=en`, { title: 'Welcome to Ventalis', blocks: [] })).status).toBe(200);
    for (const locale of LOCALES) expect((await panel('marketer', 'post', `${page}/actions/publish?locale=${locale}`, {})).status).toBe(200);
    const published = (locale: string) => app.strapi.documents(HOME).findFirst({ locale, status: 'published' } as never);
    expect((await published('fr'))?.title).toBe('Bienvenue chez Ventalis');
    expect((await published('en'))?.title).toBe('Welcome to Ventalis');
  });

  test('a consultant writes the English version of a product', async (context) => {
    onlyWhenLocalized(context, PRODUCT);
    const fields = { priceCents: 3500, vatRate: 'standard_20', minQuantity: 1000, quantityStep: 100, stock: 1000, recycledContentPercent: 0, co2eKgPer1000: 4, countryOfOrigin: 'PT' };
    const created = await panel('consultant', 'post', `/content-manager/collection-types/${PRODUCT}?locale=fr`, { ...fields, name: 'Couverts en bambou', slug: 'couverts-en-bambou' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const english = await panel('consultant', 'put', `/content-manager/collection-types/${PRODUCT}/${documentId}?locale=en`, { ...fields, name: 'Bamboo cutlery set', slug: 'bamboo-cutlery-set' });
    expect(english.status).toBe(200);
    expect((await app.strapi.documents(PRODUCT).findOne({ documentId, locale: 'en' } as never))?.slug).toBe('bamboo-cutlery-set');
    expect((await app.strapi.documents(PRODUCT).findOne({ documentId, locale: 'fr' } as never))?.slug).toBe('couverts-en-bambou');
  });

  test("a consultant's product gets a SKU shared by both languages, and a SKU another product holds is refused on its field", async (context) => {
    onlyWhenLocalized(context, PRODUCT);
    const fields = { priceCents: 900, vatRate: 'standard_20', minQuantity: 1000, quantityStep: 100, stock: 1000, recycledContentPercent: 0, co2eKgPer1000: 2, countryOfOrigin: 'FR' };
    const base = `/content-manager/collection-types/${PRODUCT}`;
    // The panel's form sends every field, the SKU left empty included.
    const cups = await panel('consultant', 'post', `${base}?locale=fr`, { ...fields, name: 'Gobelets en carton', slug: 'gobelets-en-carton', sku: '' });
    expect(cups.status, JSON.stringify(cups.body)).toBe(201);
    const documentId = cups.body.data.documentId;
    expect(cups.body.data.sku).toBe('GOBELETS-EN-CARTON');
    const english = await panel('consultant', 'put', `${base}/${documentId}?locale=en`, { ...fields, name: 'Paper cups', slug: 'paper-cups', sku: '' });
    expect(english.status, JSON.stringify(english.body)).toBe(200);
    const skus = async () => (await app.strapi.db.query(PRODUCT).findMany({ where: { documentId }, select: ['locale', 'sku'], orderBy: { locale: 'asc' } })).map((r: { locale: string; sku: string }) => `${r.locale} ${r.sku}`);
    expect(await skus()).toEqual(['en GOBELETS-EN-CARTON', 'fr GOBELETS-EN-CARTON']);
    expect((await panel('consultant', 'put', `${base}/${documentId}?locale=en`, { ...fields, name: 'Paper cups', slug: 'paper-cups', sku: 'vt-cup-p' })).status).toBe(200);
    expect(await skus()).toEqual(['en VT-CUP-P', 'fr VT-CUP-P']);

    const plates = await panel('consultant', 'post', `${base}?locale=fr`, { ...fields, name: 'Assiettes en carton', slug: 'assiettes-en-carton', sku: 'VT-CUP-P' });
    expect(plates.status).toBe(400);
    expect(plates.body.error).toMatchObject({
      message: 'Another product already has the SKU VT-CUP-P',
      details: { errors: [{ path: ['sku'], message: 'Another product already has the SKU VT-CUP-P' }], codes: { sku: { code: 'catalogue.sku_taken', params: { sku: 'VT-CUP-P' } } } },
    });
    expect(await app.strapi.db.query(PRODUCT).count({ where: { slug: 'assiettes-en-carton' } })).toBe(0);
  });
});
