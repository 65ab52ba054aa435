import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

/**
 * The panel's Preview button, in each language: the content-manager asks the cms for the URL of
 * the document being edited, with the locale being edited; the storefront serves every page
 * under /fr/… and /en/…, through /api/preview (not localized) which sets draft mode.
 */
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startApp({ PREVIEW_SECRET: 'preview-secret-for-tests', STOREFRONT_URL: 'http://shop.test:3000' });
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'ventalis-marketer' } });
  await app.strapi.service('admin::user').create({ email: 'marketer@preview.test', firstname: 'Mona', lastname: 'Marketer', password: 'Panel-Password-2026!', isActive: true, roles: [role.id] });
  token = (await app.api().post('/admin/login').send({ email: 'marketer@preview.test', password: 'Panel-Password-2026!' })).body.data.token;
});
afterAll(async () => {
  await app?.stop();
});

const HOME = 'api::home-page.home-page';
const COMMITMENT = 'api::commitment-page.commitment-page';
const PRODUCT = 'api::product.product';

/** What the Preview button opens for a document: the storefront path and status behind /api/preview, or null (no preview). */
async function previewOf(uid: string, query: Record<string, string>) {
  const res = await app.api().get(`/content-manager/preview/url/${uid}`).query(query).set({ Authorization: `Bearer ${token}` });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  if (!res.body.data?.url) return null;
  const url = new URL(res.body.data.url);
  expect(`${url.origin}${url.pathname}`).toBe('http://shop.test:3000/api/preview');
  expect(url.searchParams.get('secret')).toBe('preview-secret-for-tests');
  return { path: url.searchParams.get('path'), status: url.searchParams.get('status') };
}

const isLocalized = (uid: string) => Boolean((app.strapi.contentType(uid as never).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);

describe('the preview of a content page opens it in the language being edited', () => {
  test('the home page: its French draft at /fr, its English draft at /en', async () => {
    const home = await app.strapi.documents(HOME).create({ data: { title: 'Accueil' } as never });
    const documentId = home.documentId;
    expect(await previewOf(HOME, { documentId, locale: 'fr', status: 'draft' })).toEqual({ path: '/fr', status: 'draft' });
    expect(await previewOf(HOME, { documentId, locale: 'en', status: 'draft' })).toEqual({ path: '/en', status: 'draft' });
    expect(await previewOf(HOME, { documentId, locale: 'en', status: 'published' })).toEqual({ path: '/en', status: 'published' });
  });

  test('"Our commitment": /fr/our-commitment and /en/our-commitment', async () => {
    const page = await app.strapi.documents(COMMITMENT).create({ data: { title: 'Notre engagement' } as never });
    expect(await previewOf(COMMITMENT, { documentId: page.documentId, locale: 'fr', status: 'draft' })).toEqual({ path: '/fr/our-commitment', status: 'draft' });
    expect(await previewOf(COMMITMENT, { documentId: page.documentId, locale: 'en', status: 'draft' })).toEqual({ path: '/en/our-commitment', status: 'draft' });
  });

  test('without a locale (a type that is not localized) the French page opens; a locale the storefront does not serve has no preview', async () => {
    const home = await app.strapi.documents(HOME).findFirst({});
    expect(await previewOf(HOME, { documentId: home!.documentId, status: 'draft' })).toEqual({ path: '/fr', status: 'draft' });
    expect(await previewOf(HOME, { documentId: home!.documentId, locale: 'de', status: 'draft' })).toBeNull();
  });

  test('without a panel session there is no URL, and so no secret', async () => {
    const res = await app.api().get(`/content-manager/preview/url/${HOME}`).query({ locale: 'en', status: 'draft' });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('preview-secret-for-tests');
  });
});

describe('the preview of a product opens its page under the slug of the language being edited', () => {
  const product = { priceCents: 65_000, vatRate: 'standard_20', minQuantity: 1000, quantityStep: 100, stock: 5000, recycledContentPercent: 80, co2eKgPer1000: 120.5, countryOfOrigin: 'FR' };

  test('in French, the French slug (products have no drafts: the published page)', async () => {
    const box = await app.strapi.documents(PRODUCT).create({ locale: 'fr', data: { ...product, name: "Boîte d'expédition kraft", slug: 'boite-expedition-kraft' } as never } as never);
    expect(await previewOf(PRODUCT, { documentId: box.documentId, locale: 'fr' })).toEqual({ path: '/fr/products/boite-expedition-kraft', status: 'published' });
    // A document that does not exist has no page.
    expect(await previewOf(PRODUCT, { documentId: 'nonexistentdocument0000', locale: 'fr' })).toBeNull();
  });

  // Runs once products are localized (Strapi's i18n on their names and slugs).
  test('in English, the English slug; a language the product is not translated into has no page yet', async (context) => {
    if (!isLocalized(PRODUCT)) context.skip();
    const mailer = await app.strapi.documents(PRODUCT).create({ locale: 'fr', data: { ...product, name: 'Pochette recyclée', slug: 'pochette-recyclee' } as never } as never);
    await app.strapi.documents(PRODUCT).update({ documentId: mailer.documentId, locale: 'en', data: { ...product, name: 'Recycled mailer', slug: 'recycled-mailer' } as never } as never);
    expect(await previewOf(PRODUCT, { documentId: mailer.documentId, locale: 'en' })).toEqual({ path: '/en/products/recycled-mailer', status: 'published' });
    expect(await previewOf(PRODUCT, { documentId: mailer.documentId, locale: 'fr' })).toEqual({ path: '/fr/products/pochette-recyclee', status: 'published' });

    const soap = await app.strapi.documents(PRODUCT).create({ locale: 'fr', data: { ...product, name: 'Savon végétal', slug: 'savon-vegetal' } as never } as never);
    expect(await previewOf(PRODUCT, { documentId: soap.documentId, locale: 'en' })).toBeNull();
  });
});
