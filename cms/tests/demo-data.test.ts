import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isSku } from '@ventalis/contracts';
import { startApp, type TestApp } from './support/strapi';
import * as demo from '../scripts/demo-data.mts';
import { seed } from '../scripts/seed.mts';
import { bearer, login } from './support/fixtures';

/** The demo data `npm start` and the browser journeys load: the whole catalogue and both pages in French and English. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('the French demo texts', () => {
  test.each([
    ['eco labels', demo.ecoLabels, demo.ecoLabelsFr],
    ['categories', demo.categories, demo.categoriesFr],
    ['products', demo.products, demo.productsFr],
  ] as const)('every one of the %s has its French version, with its own slug and name', (_, entries, french) => {
    expect(Object.keys(french).sort()).toEqual(entries.map((e) => e.slug).sort());
    const frenchEntries = Object.values(french);
    for (const fr of frenchEntries) expect(fr.slug).toMatch(SLUG);
    expect(new Set(frenchEntries.map((fr) => fr.slug)).size).toBe(frenchEntries.length);
    expect(new Set(frenchEntries.map((fr) => fold(fr.name))).size).toBe(frenchEntries.length);
    // Written in French, not copied: descriptions differ from the English ones.
    for (const entry of entries) expect(french[entry.slug as keyof typeof french].description).not.toBe(entry.description);
  });

  test('every product has its own SKU, which follows the SKU rules', () => {
    for (const product of demo.products) expect(isSku(product.sku), product.slug).toBe(true);
    expect(new Set(demo.products.map((p) => p.sku)).size).toBe(demo.products.length);
  });

  test('French typography: no-break spaces before « : », « % », units and inside thousands', () => {
    expect(demo.frenchTypography('Livré par 1 000 : 100 % recyclé, 30 kg ; « oui » ?')).toBe('Livré par 1\u202f000\u00a0: 100\u00a0% recyclé, 30\u00a0kg\u202f; «\u00a0oui\u00a0»\u202f?');
    expect(demo.productsFr['kraft-shipping-box-s'].summary).toContain('100\u00a0% recyclé');
    expect(demo.homePageFr.title).toBe('Ventalis\u00a0: des fournitures éco-conçues pour les entreprises');
  });
});

describe('the demo data, loaded', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
    expect(await seed(app.strapi as never)).toBe(true);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });
  const get = async (path: string) => {
    const res = await app.api().get(path);
    expect(res.status, path).toBe(200);
    return res.body;
  };

  test('every product in French by default and in English on request, with both slugs', async () => {
    const fr = await get('/api/products?pageSize=100');
    const en = await get('/api/products?pageSize=100&locale=en');
    expect(fr.meta.pagination.total).toBe(demo.products.length);
    expect(en.meta.pagination.total).toBe(demo.products.length);
    for (const product of demo.products) {
      const french = demo.productsFr[product.slug];
      const inFrench = fr.data.find((p: { slugs: { en: string } }) => p.slugs.en === product.slug);
      const inEnglish = en.data.find((p: { slug: string }) => p.slug === product.slug);
      expect(inFrench).toMatchObject({ locale: 'fr', name: french.name, slug: french.slug, slugs: { fr: french.slug, en: product.slug }, sku: product.sku, priceCents: product.priceCents, stock: expect.any(Number) });
      expect(inEnglish).toMatchObject({ locale: 'en', name: product.name, slugs: { fr: french.slug, en: product.slug }, sku: product.sku, priceCents: product.priceCents });
      expect(inEnglish.category).toMatchObject({ locale: 'en', slug: product.categorySlug });
      expect(inFrench.category).toMatchObject({ locale: 'fr', slug: demo.categoriesFr[product.categorySlug].slug });
    }
    const kraft = await get(`/api/products/${demo.productsFr['kraft-shipping-box-s'].slug}`);
    expect(JSON.stringify(kraft.data.description)).toContain('Fabriquée en Normandie');
    expect(kraft.data.images).toHaveLength(1);
  });

  test('categories and eco labels in both languages', async () => {
    const fr = await get('/api/categories');
    const en = await get('/api/categories?locale=en');
    expect(fr.data.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Emballages', 'Restauration', 'Étiquettes']));
    expect(en.data.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Packaging', 'Food Service', 'Labels']));
    expect(fr.data.every((c: { locale: string }) => c.locale === 'fr') && en.data.every((c: { locale: string }) => c.locale === 'en')).toBe(true);
    expect(fr.data).toHaveLength(demo.categories.length);
    const labels = await get('/api/eco-labels?locale=en');
    expect(labels.data.map((l: { name: string }) => l.name).sort()).toEqual(demo.ecoLabels.map((l) => l.name).sort());
    expect((await get('/api/eco-labels')).data.map((l: { name: string }) => l.name)).toContain('Écolabel européen');
  });

  test('a French search finds French products, accents ignored; an English one English products', async () => {
    const fr = await get('/api/products?q=gobelet');
    expect(fr.data.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Gobelet boisson chaude 24\u00a0cl (barrière aqueuse)']));
    expect((await get('/api/products?q=etiquette')).data.length).toBeGreaterThanOrEqual(2);
    expect((await get('/api/products?q=cup&locale=en')).data.map((p: { locale: string }) => p.locale)).not.toContain('fr');
  });

  test('both content pages, published in French and English', async () => {
    for (const [name, fr, en] of [
      ['home', demo.homePageFr, demo.homePage],
      ['commitment', demo.commitmentPageFr, demo.commitmentPage],
    ] as const) {
      const inFrench = await get(`/api/pages/${name}`);
      const inEnglish = await get(`/api/pages/${name}?locale=en`);
      expect(inFrench.data).toMatchObject({ locale: 'fr', title: fr.title, seoDescription: fr.seoDescription });
      expect(inEnglish.data).toMatchObject({ locale: 'en', title: en.title, seoDescription: en.seoDescription });
      expect(inFrench.data.blocks).toHaveLength(fr.blocks.length);
      expect(inEnglish.data.blocks.map((b: { __component: string }) => b.__component)).toEqual(en.blocks.map((b) => b.__component));
      // Pictures on page blocks are captioned in the page's language.
      const hero = (data: { blocks: { __component: string; image: { alternativeText: string } }[] }) => data.blocks.find((b) => b.__component === 'blocks.hero')!.image.alternativeText;
      expect(hero(inFrench.data)).toBe(fr.blocks[0].__component === 'blocks.hero' ? fr.blocks[0].title : null);
      expect(hero(inEnglish.data)).toBe(en.blocks[0].__component === 'blocks.hero' ? en.blocks[0].title : null);
    }
  });

  test('two demo companies have negotiated prices on French rows; their members see them, visitors do not', async () => {
    const rows = await app.strapi.db.query('api::company.price-agreement').findMany({ populate: { category: { select: ['locale'] }, product: { select: ['locale'] }, company: { select: ['legalName'] } } });
    expect(rows).toHaveLength(demo.agreements.length);
    expect(new Set(rows.map((r: { company: { legalName: string } }) => r.company.legalName))).toEqual(new Set(['Maison Lavande Cosmétiques', 'Les Halles Gourmandes Traiteur']));
    for (const row of rows) expect((row.category ?? row.product).locale).toBe('fr');

    const { jwt } = await login(app, 'claire.dubois@maison-lavande.example', demo.demoPassword);
    const box = demo.productsFr['kraft-shipping-box-s'].slug;
    const member = await app.api().get(`/api/products/${box}`).set(bearer(jwt)).expect(200);
    expect(member.body.data).toMatchObject({ priceCents: 45_900, companyPrice: { priceCents: 39_900, kind: 'net_price' } });
    expect((await app.api().get(`/api/products/${box}`).expect(200)).body.data).not.toHaveProperty('companyPrice');
  });

  test('two demo quotes: one sent with a better price for what is in stock, one waiting for the consultant, each with its conversation', async () => {
    const karim = await login(app, 'karim.benoit@nordlog-fulfilment.example', demo.demoPassword);
    const [sent] = (await app.api().get('/api/quotes').set(bearer(karim.jwt)).expect(200)).body.data;
    const offer = demo.companyQuotes[0]!.offer!;
    expect(sent).toMatchObject({ status: 'sent', lines: [{ quantity: offer.quantity, pricePer1000Cents: offer.pricePer1000Cents }], comment: offer.comment, conversationId: expect.any(Number) });
    const lucie = await login(app, 'lucie.marchand@fromagerie-delorme.example', demo.demoPassword);
    const [requested] = (await app.api().get('/api/quotes').set(bearer(lucie.jwt)).expect(200)).body.data;
    expect(requested).toMatchObject({ status: 'requested', message: demo.companyQuotes[1]!.message, lines: [{ quantity: demo.companyQuotes[1]!.askedQuantity }] });
    expect((await app.api().get(`/api/quotes/${sent.number}/pdf`).set(bearer(karim.jwt))).status).toBe(200);
  });

  test('loading again changes nothing', async () => {
    expect(await seed(app.strapi as never)).toBe(false);
  });

  test('every demo client is the admin of its company, and a copy stored as before companies migrates with nothing lost', async () => {
    const USER = 'plugin::users-permissions.user';
    const COMPANY = 'api::company.company';
    const strapi = app.strapi;
    // The demo companies at work: colleagues with their roles, an order on invoice, one waiting for approval.
    for (const member of demo.companyMembers) {
      const user = await strapi.db.query(USER).findOne({ where: { email: member.email }, populate: { company: { select: ['legalName'] }, consultant: { select: ['id'] } } });
      const admin = await strapi.db.query(USER).findOne({ where: { email: member.company }, populate: { company: { select: ['legalName'] }, consultant: { select: ['id'] } } });
      expect(user).toMatchObject({ companyRole: member.role, confirmed: true, company: { legalName: admin.company.legalName }, consultant: { id: admin.consultant.id } });
    }
    const waiting = await strapi.db.query('api::order.order').findMany({ where: { status: 'awaiting_approval' }, populate: { customer: { select: ['email'] } } });
    expect(waiting.map((o: { customer: { email: string }; approvalReason: string }) => [o.customer.email, o.approvalReason])).toEqual([['lucie.marchand@fromagerie-delorme.example', 'order_limit']]);
    const nordlog = await strapi.db.query(USER).findOne({ where: { email: 'elodie.lefebvre@nordlog-fulfilment.example' }, populate: { company: { select: ['id'] } } });
    const credit = await strapi.service('api::company.terms').creditUsed(nordlog.company.id);
    expect(credit).toEqual({ usedCents: 330_480, overdue: false });
    // Before companies there were no colleagues: the copy stored as before holds the clients only.
    for (const member of demo.companyMembers) await strapi.db.query(USER).delete({ where: { email: member.email } });

    const clients = await strapi.db.query(USER).findMany({
      where: { role: { type: 'customer' } },
      populate: { company: { populate: { billingAddress: true, consultant: { select: ['id'] } } }, orders: { select: ['id'] } },
    });
    expect(clients.map((c: { email: string }) => c.email).sort()).toEqual(demo.clients.map((c) => c.email).sort());
    const expected = clients.map((c: Record<string, any>) => {
      expect(c.companyRole).toBe('admin');
      const { line1, line2, postalCode, city, country } = c.company.billingAddress;
      return { id: c.id, documentId: c.documentId, legalName: c.company.legalName, siret: c.company.siret, vatNumber: c.company.vatNumber, address: { line1, line2, postalCode, city, country }, consultant: c.company.consultant.id, orders: c.orders.map((o: { id: number }) => o.id).sort() };
    });
    expect(expected.some((c: { orders: number[] }) => c.orders.length > 0)).toBe(true);
    // The demo database as the previous release stored it: the company on the account.
    for (const c of expected) {
      await strapi.documents(USER).update({ documentId: c.documentId, data: { companyName: c.legalName, siret: c.siret, vatNumber: c.vatNumber, billingAddress: c.address } as never });
      await strapi.db.query(USER).update({ where: { id: c.id }, data: { company: null, companyRole: null } });
    }
    await strapi.db.query(COMPANY).deleteMany({});

    expect(await strapi.service('api::company.companies').migrateClientAccounts()).toBe(expected.length);
    for (const c of expected) {
      const user = await strapi.db.query(USER).findOne({ where: { id: c.id }, populate: { company: { populate: { billingAddress: true, consultant: { select: ['id'] }, orders: { select: ['id'] } } }, consultant: { select: ['id'] } } });
      expect(user.companyRole).toBe('admin');
      expect(user.company).toMatchObject({ legalName: c.legalName, siret: c.siret, vatNumber: c.vatNumber, billingAddress: c.address, consultant: { id: c.consultant } });
      expect(user.consultant.id).toBe(c.consultant);
      expect(user.company.orders.map((o: { id: number }) => o.id).sort()).toEqual(c.orders);
    }
    expect(await strapi.db.query(COMPANY).count()).toBe(expected.length);
  });
});

describe('a demo database loaded before the catalogue was bilingual', () => {
  let app: TestApp;
  afterAll(async () => {
    await app?.stop();
  });

  test('gets its French and English versions once, on the same documents and rows', async () => {
    app = await startApp();
    const strapi = app.strapi;
    // As the start-up leaves such a database: the English demo texts filed as French.
    const label = await strapi.documents('api::eco-label.eco-label').create({ data: { name: 'FSC', slug: 'fsc', description: demo.ecoLabels.find((l) => l.slug === 'fsc')!.description } as never });
    const category = await strapi.documents('api::category.category').create({ data: { name: 'Shipping Boxes', slug: 'shipping-boxes', visible: true } as never });
    const box = demo.products.find((p) => p.slug === 'kraft-shipping-box-s')!;
    const product = await strapi.documents('api::product.product').create({
      data: { name: box.name, slug: box.slug, description: demo.productDescriptionBlocks(box), category: category.documentId, labels: [label.documentId], priceCents: box.priceCents, vatRate: box.vatRate, minQuantity: box.minQuantity, quantityStep: box.quantityStep, stock: 1234, countryOfOrigin: box.countryOfOrigin } as never,
    });
    const rowId = (await strapi.db.query('api::product.product').findOne({ where: { documentId: product.documentId }, select: ['id'] })).id;
    await strapi.store({ type: 'plugin', name: 'ventalis' }).set({ key: 'demo-data', value: { loadedAt: '2026-11-01T00:00:00.000Z' } });
    // Written before SKUs: it has the one made from its slug; the demo data gives it its own.
    expect((await app.api().get(`/api/products/${box.slug}`)).body.data.sku).toBe('KRAFT-SHIPPING-BOX-S');

    expect(await seed(strapi as never)).toBe(true);
    const fr = (await app.api().get(`/api/products/${box.slug}`)).body.data;
    expect(fr).toMatchObject({ locale: 'fr', name: demo.productsFr[box.slug].name, slugs: { fr: demo.productsFr[box.slug].slug, en: box.slug }, sku: box.sku, stock: 1234, category: { name: "Caisses d'expédition" } });
    expect((await app.api().get(`/api/products/${box.slug}?locale=en`)).body.data).toMatchObject({ locale: 'en', name: box.name, sku: box.sku, stock: 1234, labels: [{ locale: 'en', name: 'FSC' }] });
    // The same row: carts and orders that point at it still do.
    expect((await strapi.db.query('api::product.product').findOne({ where: { id: rowId }, select: ['locale', 'slug'] }))).toEqual({ locale: 'fr', slug: demo.productsFr[box.slug].slug });
    expect((await app.api().get('/api/pages/home?locale=en')).body.data.title).toBe(demo.homePage.title);
    expect(await seed(strapi as never)).toBe(false);
  }, 300_000);
});
