import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, TEST_DATABASE, type TestApp } from './support/strapi';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';
import { placeOrder } from './support/orders';

/**
 * Content in French (the default) and English: every public read takes `locale`, a
 * document without an English version answers in French and says so, slugs are per
 * locale, search folds accents and case in the asked language, and what is not text
 * (stock) stays the same in both.
 */
let app: TestApp;
const PRODUCT = 'api::product.product';
const PASSWORD = 'Panel-Password-2026!';
const ids: Record<string, string> = {};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

beforeAll(async () => {
  app = await startApp();
  const docs = app.strapi.documents;
  const label = await docs('api::eco-label.eco-label').create({ data: { name: 'Écolabel européen', slug: 'ecolabel-europeen', description: 'Le label officiel de l’Union européenne.' } as never });
  await docs('api::eco-label.eco-label').update({ documentId: label.documentId, locale: 'en', data: { name: 'EU Ecolabel', slug: 'eu-ecolabel', description: 'The official European Union label.' } as never });
  const compost = await docs('api::eco-label.eco-label').create({ data: { name: 'Compostable', slug: 'compostable' } as never });
  const parent = await docs('api::category.category').create({ data: { name: 'Restauration', slug: 'restauration', visible: true, position: 1 } as never });
  await docs('api::category.category').update({ documentId: parent.documentId, locale: 'en', data: { name: 'Food service', slug: 'food-service' } as never });
  const cups = await docs('api::category.category').create({ data: { name: 'Gobelets', slug: 'gobelets', visible: true, position: 1, parent: parent.documentId, description: 'Gobelets et couvercles.' } as never });
  await docs('api::category.category').update({ documentId: cups.documentId, locale: 'en', data: { name: 'Cups', slug: 'cups', description: 'Cups and lids.', parent: parent.documentId } as never });
  const figures = { vatRate: 'standard_20', minQuantity: 1000, quantityStep: 100, stock: 50_000, recycledContentPercent: 80, co2eKgPer1000: 12, countryOfOrigin: 'FR' };
  const cup = await docs(PRODUCT).create({
    data: { ...figures, name: 'Gobelet carton recyclé', slug: 'gobelet-carton-recycle', priceCents: 7200, category: cups.documentId, labels: [label.documentId, compost.documentId], description: paragraph('Un gobelet éco-conçu pour les boissons chaudes, fabriqué à Lyon.') } as never,
  });
  await docs(PRODUCT).update({
    documentId: cup.documentId,
    locale: 'en',
    data: { name: 'Recycled paper cup', slug: 'recycled-paper-cup', category: cups.documentId, labels: [label.documentId], description: paragraph('An eco-designed cup for hot drinks, made in Lyon.') } as never,
  });
  const lid = await docs(PRODUCT).create({
    data: { ...figures, name: 'Couvercle en bagasse', slug: 'couvercle-bagasse', priceCents: 8900, category: cups.documentId, labels: [compost.documentId], description: paragraph('Couvercle compostable en fibre de canne à sucre, ÉCOLOGIQUE et sans plastique.') } as never,
  });
  Object.assign(ids, { cup: cup.documentId, lid: lid.documentId, cups: cups.documentId });

  await docs('api::home-page.home-page').create({ locale: 'fr', status: 'published', data: { title: 'Des fournitures éco-conçues', seoDescription: 'Ventalis, en français.', blocks: [{ __component: 'blocks.rich-text', body: paragraph('Bienvenue.') }] } as never });
  await docs('api::home-page.home-page').update({ documentId: (await docs('api::home-page.home-page').findFirst({}))!.documentId, locale: 'en', status: 'published', data: { title: 'Eco-designed supplies', seoDescription: 'Ventalis, in English.', blocks: [{ __component: 'blocks.rich-text', body: paragraph('Welcome.') }] } as never });
  await docs('api::commitment-page.commitment-page').create({ locale: 'fr', status: 'published', data: { title: 'Notre engagement', blocks: [] } as never });
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const get = (path: string) => app.api().get(path);
const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((p) => p.name);

const PUBLIC_ROUTES = ['/api/products', '/api/products/gobelet-carton-recycle', '/api/categories', '/api/categories/gobelets', '/api/eco-labels', '/api/pages/home', '/api/pages/commitment'];

describe('the locale of every public content read', () => {
  test.each(PUBLIC_ROUTES)('%s answers in French by default and takes fr and en', async (path) => {
    const [absent, fr, en] = await Promise.all(['', '?locale=fr', '?locale=en'].map((q) => get(`${path}${q}`)));
    for (const res of [absent, fr, en]) expect(res.status, path).toBe(200);
    expect(absent.body).toEqual(fr.body);
    expect(JSON.stringify(fr.body)).toMatch(/"locale":"fr"/);
  });

  test.each(PUBLIC_ROUTES)('%s refuses an unknown locale as a whole, with its code', async (path) => {
    for (const locale of ['de', 'FR', 'fr-FR', '', 'en&locale=fr']) {
      const res = await get(`${path}?locale=${locale}`);
      expect(res.status, `${path}?locale=${locale}`).toBe(400);
      expect(res.body.data ?? null, locale).toBeNull();
      expect(res.body.error.message).toMatch(/^Unknown locale .*must be one of fr, en$/);
      expect(res.body.error.details).toMatchObject({ code: 'locale.unknown', errors: { locale: 'must be one of fr, en' } });
    }
  });

  test('an unknown locale wins over other bad parameters of the product list', async () => {
    const res = await get('/api/products?locale=es&page=0');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('locale.unknown');
  });
});

describe('products and categories in French and English', () => {
  test('the list in French: French texts, both slugs', async () => {
    const res = await get('/api/products');
    expect(names(res)).toEqual(['Couvercle en bagasse', 'Gobelet carton recyclé']);
    expect(res.body.data[1]).toMatchObject({
      locale: 'fr',
      slug: 'gobelet-carton-recycle',
      slugs: { fr: 'gobelet-carton-recycle', en: 'recycled-paper-cup' },
      category: { locale: 'fr', name: 'Gobelets', slug: 'gobelets' },
      labels: [{ locale: 'fr', name: 'Compostable' }, { locale: 'fr', name: 'Écolabel européen', slug: 'ecolabel-europeen' }],
      priceCents: 7200,
    });
    expect(res.body.data[0]).toMatchObject({ locale: 'fr', slugs: { fr: 'couvercle-bagasse', en: null } });
  });

  test('the list in English: English where translated, French (and saying so) where not', async () => {
    const res = await get('/api/products?locale=en');
    expect(names(res)).toEqual(['Couvercle en bagasse', 'Recycled paper cup']);
    expect(res.body.data[1]).toMatchObject({
      locale: 'en',
      slug: 'recycled-paper-cup',
      slugs: { fr: 'gobelet-carton-recycle', en: 'recycled-paper-cup' },
      category: { locale: 'en', name: 'Cups', slug: 'cups' },
      // Relations, like figures, are the French version's: the label the English row lacks is still there.
      labels: [{ locale: 'fr', name: 'Compostable' }, { locale: 'en', name: 'EU Ecolabel', slug: 'eu-ecolabel' }],
      priceCents: 7200,
      stock: 50_000,
    });
    expect(res.body.data[0]).toMatchObject({ locale: 'fr', name: 'Couvercle en bagasse', slug: 'couvercle-bagasse' });
  });

  test('a product by its slug in each locale; the other locale’s slug names the same product', async () => {
    const fr = await get('/api/products/gobelet-carton-recycle');
    expect(fr.body.data).toMatchObject({ locale: 'fr', name: 'Gobelet carton recyclé', description: paragraph('Un gobelet éco-conçu pour les boissons chaudes, fabriqué à Lyon.') });
    const en = await get('/api/products/recycled-paper-cup?locale=en');
    expect(en.body.data).toMatchObject({ locale: 'en', name: 'Recycled paper cup', slug: 'recycled-paper-cup', description: paragraph('An eco-designed cup for hot drinks, made in Lyon.') });
    // Answered in the asked locale, with its own slug: the storefront redirects to it.
    expect((await get('/api/products/gobelet-carton-recycle?locale=en')).body.data).toMatchObject({ locale: 'en', slug: 'recycled-paper-cup' });
    expect((await get('/api/products/recycled-paper-cup')).body.data).toMatchObject({ locale: 'fr', slug: 'gobelet-carton-recycle' });
    expect((await get('/api/products/couvercle-bagasse?locale=en')).body.data).toMatchObject({ locale: 'fr', name: 'Couvercle en bagasse', slugs: { fr: 'couvercle-bagasse', en: null } });
    expect((await get('/api/products/nothing-here?locale=en')).status).toBe(404);
  });

  test('filters take a category or label slug of either locale', async () => {
    expect(names(await get('/api/products?locale=en&category=cups'))).toEqual(['Couvercle en bagasse', 'Recycled paper cup']);
    expect(names(await get('/api/products?locale=en&category=restauration'))).toHaveLength(2);
    expect(names(await get('/api/products?locale=en&label=eu-ecolabel'))).toEqual(['Recycled paper cup']);
    expect(names(await get('/api/products?label=ecolabel-europeen'))).toEqual(['Gobelet carton recyclé']);
  });

  test('categories and eco labels in each locale, with slugs', async () => {
    const en = await get('/api/categories?locale=en');
    expect(en.body.data.map((c: { name: string }) => c.name)).toEqual(['Cups', 'Food service']);
    expect(en.body.data[1]).toMatchObject({ locale: 'en', slugs: { fr: 'restauration', en: 'food-service' }, children: [{ locale: 'en', name: 'Cups', slug: 'cups' }] });
    const cups = await get('/api/categories/gobelets?locale=en');
    expect(cups.body.data).toMatchObject({ locale: 'en', name: 'Cups', slug: 'cups', description: 'Cups and lids.', parent: { locale: 'en', name: 'Food service' }, slugs: { fr: 'gobelets', en: 'cups' } });
    expect((await get('/api/categories/cups')).body.data).toMatchObject({ locale: 'fr', name: 'Gobelets', description: 'Gobelets et couvercles.' });
    expect((await get('/api/eco-labels?locale=en')).body.data).toEqual([
      { locale: 'fr', name: 'Compostable', slug: 'compostable' },
      { locale: 'en', name: 'EU Ecolabel', slug: 'eu-ecolabel' },
    ]);
    expect((await get('/api/eco-labels')).body.data.map((l: { name: string }) => l.name)).toEqual(['Compostable', 'Écolabel européen']);
  });

  test('the content pages in each locale, French when English is missing', async () => {
    expect((await get('/api/pages/home')).body.data).toMatchObject({ locale: 'fr', title: 'Des fournitures éco-conçues', blocks: [{ body: paragraph('Bienvenue.') }] });
    expect((await get('/api/pages/home?locale=en')).body.data).toMatchObject({ locale: 'en', title: 'Eco-designed supplies', blocks: [{ body: paragraph('Welcome.') }] });
    expect((await get('/api/pages/commitment?locale=en')).body.data).toMatchObject({ locale: 'fr', title: 'Notre engagement' });
  });
});

describe(`search in the visitor's language, accents and case ignored (${TEST_DATABASE})`, () => {
  test.each([
    ['eco', 'fr', ['Couvercle en bagasse', 'Gobelet carton recyclé']],
    ['ÉCO', 'fr', ['Couvercle en bagasse', 'Gobelet carton recyclé']],
    ['recycle', 'fr', ['Gobelet carton recyclé']],
    ['Canne a SUCRE', 'fr', ['Couvercle en bagasse']],
    ['fabriqué lyon', 'fr', ['Gobelet carton recyclé']],
    ['recycled', 'fr', []],
    ['RECYCLÉD', 'en', ['Recycled paper cup']],
    ['éco-designed', 'en', ['Recycled paper cup']],
    // The English list shows the lid in French: it is searched in French.
    ['ecologique', 'en', ['Couvercle en bagasse']],
    // A French word does not find the English version of the cup.
    ['gobelet', 'en', []],
    // The name of its category finds a product too.
    ['gobelet', 'fr', ['Couvercle en bagasse', 'Gobelet carton recyclé']],
    ['cups', 'en', ['Couvercle en bagasse', 'Recycled paper cup']],
  ])('"%s" in %s', async (q, locale, expected) => {
    const res = await get(`/api/products?locale=${locale}&q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
    expect(res.body.meta.pagination.total).toBe(expected.length);
  });

  test('the search text follows an edit of the name or description', async () => {
    await app.strapi.documents(PRODUCT).update({ documentId: ids.lid, locale: 'fr', data: { description: paragraph('Couvercle pour gobelet chaud.') } as never });
    expect(names(await get('/api/products?q=sucre'))).toEqual([]);
    expect(names(await get('/api/products?q=CHAUD'))).toEqual(['Couvercle en bagasse', 'Gobelet carton recyclé']);
  });
});

describe('what is not text is the same in every language', () => {
  test('a price edited in English is the French price too', async () => {
    await app.strapi.documents(PRODUCT).update({ documentId: ids.cup, locale: 'en', data: { priceCents: 7300 } as never });
    expect((await get('/api/products/gobelet-carton-recycle')).body.data.priceCents).toBe(7300);
    const rows = await app.strapi.db.query(PRODUCT).findMany({ where: { documentId: ids.cup }, select: ['locale', 'priceCents'] });
    expect(rows.map((r: { priceCents: number }) => r.priceCents)).toEqual([7300, 7300]);
  });

  test('checkout and cancellation move the stock of both language versions', async () => {
    await createConsultant(app);
    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    const stocks = async () => (await app.strapi.db.query(PRODUCT).findMany({ where: { documentId: ids.cup }, select: ['locale', 'stock'], orderBy: { locale: 'asc' } })).map((r: { locale: string; stock: number }) => `${r.locale} ${r.stock}`);
    expect(await stocks()).toEqual(['en 50000', 'fr 50000']);
    // Added to the cart by its English address: the cart holds the product, not a language.
    const { order } = await placeOrder(app, jwt, [['recycled-paper-cup', 2000]]);
    expect(await stocks()).toEqual(['en 48000', 'fr 48000']);
    expect((await get('/api/products/recycled-paper-cup?locale=en')).body.data.stock).toBe(48_000);
    const cancelled = await app.api().post(`/api/orders/${order.reference}/cancel`).set(bearer(jwt)).send({});
    expect(cancelled.status).toBe(200);
    expect(await stocks()).toEqual(['en 50000', 'fr 50000']);
  });

  test('names are unique within a locale, not across locales', async () => {
    await expect(app.strapi.documents(PRODUCT).create({ locale: 'fr', data: { name: 'GOBELET carton recycle', slug: 'autre-gobelet', priceCents: 1, countryOfOrigin: 'FR' } as never })).rejects.toThrow(/unique/);
    const other = await app.strapi.documents(PRODUCT).create({ locale: 'en', data: { name: 'Gobelet carton recyclé', slug: 'french-named-cup', priceCents: 1, countryOfOrigin: 'FR' } as never });
    expect(other.locale).toBe('en');
    await app.strapi.documents(PRODUCT).delete({ documentId: other.documentId, locale: 'en' });
  });
});

describe('panel: both languages of the pages and the catalogue', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, code] of [
      ['marketer', 'ventalis-marketer'],
      ['consultant', 'ventalis-consultant'],
    ]) {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      await app.strapi.service('admin::user').create({ email: `${name}@i18n.test`, firstname: name, lastname: 'Panel', password: PASSWORD, isActive: true, roles: [role.id] });
      tokens[name] = (await app.api().post('/admin/login').send({ email: `${name}@i18n.test`, password: PASSWORD })).body.data.token;
    }
  });
  const HOME = '/content-manager/single-types/api::home-page.home-page';

  test.each(['fr', 'en'])('a marketer edits and publishes the %s home page', async (locale) => {
    const title = locale === 'fr' ? 'Accueil modifié' : 'Home, edited';
    const put = await app.api().put(`${HOME}?locale=${locale}`).set(bearer(tokens.marketer)).send({ title, blocks: [] });
    expect(put.status).toBe(200);
    expect((await app.api().post(`${HOME}/actions/publish?locale=${locale}`).set(bearer(tokens.marketer)).send({ title, blocks: [] })).status).toBe(200);
    expect((await get(`/api/pages/home?locale=${locale}`)).body.data).toMatchObject({ locale, title });
  });

  test('a consultant edits the English version of a product', async () => {
    const res = await app.api()
      .put(`/content-manager/collection-types/${PRODUCT}/${ids.lid}?locale=en`)
      .set(bearer(tokens.consultant))
      .send({ name: 'Bagasse lid', slug: 'bagasse-lid', description: paragraph('A compostable lid.') });
    expect(res.status).toBe(200);
    expect((await get('/api/products/couvercle-bagasse?locale=en')).body.data).toMatchObject({ locale: 'en', name: 'Bagasse lid', slugs: { fr: 'couvercle-bagasse', en: 'bagasse-lid' }, priceCents: 8900 });
  });

  test('a customer cannot edit either', async () => {
    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    const before = (await get('/api/pages/home?locale=en')).body.data.title;
    for (const locale of ['fr', 'en']) {
      const res = await app.api().put(`${HOME}?locale=${locale}`).set(bearer(jwt)).send({ title: 'Hacked', blocks: [] });
      expect(res.status).toBe(401);
    }
    expect((await get('/api/pages/home?locale=en')).body.data.title).toBe(before);
  });
});
