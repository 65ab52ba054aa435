import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { hasKnownCode } from './support/codes';
import { backfillSkus } from '../src/documents/product-skus';

/**
 * Quick order: "SKU;quantity" lines, typed or as a CSV file, into the cart at once. The test
 * catalogue's SKUs: KRAFT-BOX, MAILER-BAG, PADDED-ENV, DISH-SOAP (minimum 1,000, steps of
 * 100, 50,000 in stock) and OLD-CRATE (in a hidden category).
 */
let app: TestApp;
let jwt: string;
let otherJwt: string;
let consultantJwt: string;
let customerId: number;
let otherId: number;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  const customer = await registerCustomer(app);
  const other = await registerCustomer(app);
  customerId = customer.id;
  otherId = other.id;
  jwt = (await login(app, customer.email, customer.password)).jwt;
  otherJwt = (await login(app, other.email, other.password)).jwt;
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(async () => {
  await app.api().delete('/api/cart').set(bearer(jwt)).expect(200);
});

const typed = (lines: unknown, token = jwt, locale = 'en') => app.api().post(`/api/cart/quick-order?locale=${locale}`).set(bearer(token)).send({ lines });
const uploaded = (bytes: Buffer, filename = 'order.csv') => app.api().post('/api/cart/quick-order?locale=en').set(bearer(jwt)).attach('file', bytes, { filename, contentType: 'text/csv' });
/** The customer's cart as the database holds it: SKU and quantity per line. */
const cartOf = async (id = customerId) => {
  const rows = await app.strapi.db.query('api::cart.cart-item').findMany({ where: { customer: { id } }, populate: { product: { select: ['sku'] } }, orderBy: { id: 'asc' } });
  return rows.map((row: { quantity: number; product: { sku: string } }) => [row.product.sku, row.quantity]);
};
const addToCart = (product: string, quantity: number) => app.api().post('/api/cart/items').set(bearer(jwt)).send({ product, quantity }).expect(200);
const codesOf = (refused: { line: number; code: { code: string; params?: unknown } }[]) => refused.map(({ line, code }) => [line, code.code, code.params ?? null]);

describe('valid lines', () => {
  test('go into the cart, each reported with its line number; SKUs in any case, quantities with spaces', async () => {
    const res = await typed('KRAFT-BOX;1000\n\nmailer-bag ; 2\u00a0000\r\nDISH-SOAP,1 500');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The separator is the first line's: "DISH-SOAP,1 500" is not a line of this list.
    expect(res.body.data.added).toEqual([
      { line: 1, sku: 'KRAFT-BOX', quantity: 1000 },
      { line: 3, sku: 'MAILER-BAG', quantity: 2000 },
    ]);
    expect(codesOf(res.body.data.refused)).toEqual([[4, 'quick_order.bad_line', null]]);
    expect(res.body.data.cart.lines.map((l: { product: { slug: string }; quantity: number }) => [l.product.slug, l.quantity])).toEqual([
      ['kraft-shipping-box', 1000],
      ['recycled-mailer-bag', 2000],
    ]);
    expect(await cartOf()).toEqual([['KRAFT-BOX', 1000], ['MAILER-BAG', 2000]]);
  });

  test('add to what the cart already holds, like "Add to cart"', async () => {
    await addToCart('kraft-shipping-box', 1000);
    const res = await typed('sku;quantity\nKRAFT-BOX;500');
    expect(res.body.data.added).toEqual([{ line: 2, sku: 'KRAFT-BOX', quantity: 500 }]);
    expect(await cartOf()).toEqual([['KRAFT-BOX', 1500]]);
  });
});

describe('refused lines', () => {
  test('each says why with its line number and a code; the valid ones still go in', async () => {
    const res = await typed(
      ['Référence;Quantité', 'KRAFT-BOX;1000', 'NOPE-123;1000', 'MAILER-BAG;999', 'PADDED-ENV;1050', 'DISH-SOAP;60000', 'OLD-CRATE;1000', 'kraft-box;2000', 'just words', 'PADDED-ENV;abc'].join('\n'),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.added).toEqual([{ line: 2, sku: 'KRAFT-BOX', quantity: 1000 }]);
    expect(codesOf(res.body.data.refused)).toEqual([
      [3, 'quick_order.unknown_sku', { sku: 'NOPE-123' }],
      [4, 'quantity.below_minimum', { min: 1000 }],
      [5, 'quantity.wrong_step', { step: 100, min: 1000, example: 1100 }],
      [6, 'quantity.above_stock', { stock: 50_000 }],
      // A product no buyer can see is no product.
      [7, 'quick_order.unknown_sku', { sku: 'OLD-CRATE' }],
      [8, 'quick_order.duplicate_sku', { sku: 'KRAFT-BOX', firstLine: 2 }],
      [9, 'quick_order.bad_line', null],
      [10, 'quick_order.bad_line', null],
    ]);
    expect(res.body.data.refused[1]).toMatchObject({ sku: 'MAILER-BAG', reason: expect.stringMatching(/^Line 4: Recycled mailer bag: The minimum order is 1,000/) });
    expect(res.body.data.refused.every((r: { code: object }) => hasKnownCode(r.code))).toBe(true);
    expect(await cartOf()).toEqual([['KRAFT-BOX', 1000]]);
  });

  test('a line whose quantity, with what the cart holds, is over the stock is refused and the cart line kept', async () => {
    await addToCart('kraft-shipping-box', 49_000);
    const res = await typed('KRAFT-BOX;2000\nMAILER-BAG;1000');
    expect(codesOf(res.body.data.refused)).toEqual([[1, 'quantity.above_stock', { stock: 50_000 }]]);
    expect(await cartOf()).toEqual([['KRAFT-BOX', 49_000], ['MAILER-BAG', 1000]]);
  });

  test('when every line is refused, nothing is written', async () => {
    const before = await cartOf();
    const res = await typed('NOPE;1000\nKRAFT-BOX;10');
    expect(res.status).toBe(200);
    expect(res.body.data.added).toEqual([]);
    expect(res.body.data.refused).toHaveLength(2);
    expect(await cartOf()).toEqual(before);
  });
});

describe('limits', () => {
  const many = (count: number) => ['KRAFT-BOX;1000', ...Array.from({ length: count - 1 }, (_, i) => `UNKNOWN-${i};1000`)].join('\n');

  test('500 lines are read', async () => {
    const res = await typed(`sku;quantity\n${many(500)}`);
    expect(res.status).toBe(200);
    expect(res.body.data.added).toEqual([{ line: 2, sku: 'KRAFT-BOX', quantity: 1000 }]);
    expect(res.body.data.refused).toHaveLength(499);
    expect(res.body.data.refused.at(-1)).toMatchObject({ line: 501, code: { code: 'quick_order.unknown_sku' } });
  });

  test.each([
    ['501 typed lines', () => typed(many(501)), 501],
    ['10,000 typed lines', () => typed(many(10_000)), 10_000],
    ['a file of 10,000 lines', () => uploaded(Buffer.from(many(10_000))), 10_000],
  ])('%s are refused as a whole, naming the limit, and change nothing', async (_name, send, count) => {
    await addToCart('paper-padded-envelope', 1000);
    const before = await snapshot(app.strapi);
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ code: 'quick_order.too_many_lines', params: { max: 500, count } });
    expect(await cartOf()).toEqual([['PADDED-ENV', 1000]]);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test.each([
    ['nothing', { lines: '' }, 'quick_order.empty'],
    ['blank lines and a header', { lines: '\n  \nsku;quantity\n' }, 'quick_order.empty'],
    ['no body at all', {}, 'quick_order.empty'],
    ['a NUL in the text', { lines: 'KRAFT-BOX;1000\u0000' }, 'quick_order.not_text'],
  ])('%s is refused as a whole', async (_name, body, code) => {
    const res = await app.api().post('/api/cart/quick-order').set(bearer(jwt)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code });
    expect(await cartOf()).toEqual([]);
  });

  test('lines that are not text, an unknown field or an unknown locale are refused with a code', async () => {
    for (const res of [
      await typed(42),
      await app.api().post('/api/cart/quick-order').set(bearer(jwt)).send({ lines: 'KRAFT-BOX;1000', product: 'x' }),
      await typed('KRAFT-BOX;1000', jwt, 'de'),
    ]) {
      expect(res.status).toBe(400);
      expect(hasKnownCode(res.body.error.details), JSON.stringify(res.body)).toBe(true);
    }
    expect(await cartOf()).toEqual([]);
  });
});

describe('files', () => {
  test('a Windows-1252 file from Excel, with an accented header and no-break spaces, is read', async () => {
    const res = await uploaded(Buffer.from('Référence;Quantité\r\nKRAFT-BOX;1\u00a0000\r\nMAILER-BAG;1500\r\n', 'latin1'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.added).toEqual([
      { line: 2, sku: 'KRAFT-BOX', quantity: 1000 },
      { line: 3, sku: 'MAILER-BAG', quantity: 1500 },
    ]);
    expect(await cartOf()).toEqual([['KRAFT-BOX', 1000], ['MAILER-BAG', 1500]]);
  });

  test('a UTF-8 file with its byte-order mark is read', async () => {
    const res = await uploaded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('KRAFT-BOX;1000\nPADDED-ENV;1 100\n')]));
    expect(res.body.data.added).toEqual([
      { line: 1, sku: 'KRAFT-BOX', quantity: 1000 },
      { line: 2, sku: 'PADDED-ENV', quantity: 1100 },
    ]);
  });

  test('a binary file, an empty one, or a file with typed lines too is refused and changes nothing', async () => {
    await addToCart('paper-padded-envelope', 1000);
    const before = await snapshot(app.strapi);
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const binary = await uploaded(xlsx, 'order.xlsx');
    const empty = await uploaded(Buffer.from(''), 'empty.csv');
    const both = await app.api().post('/api/cart/quick-order').set(bearer(jwt)).field('lines', 'KRAFT-BOX;1000').attach('file', Buffer.from('MAILER-BAG;1000'), 'order.csv');
    expect([binary.status, empty.status, both.status]).toEqual([400, 400, 400]);
    expect([binary, empty, both].map((res) => res.body.error.details.code)).toEqual(['quick_order.not_text', 'quick_order.empty', 'quick_order.lines_and_file']);
    expect(binary.body.error.message).toMatch(/not text/);
    expect(await cartOf()).toEqual([['PADDED-ENV', 1000]]);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('typed lines may come as a form field too', async () => {
    const res = await app.api().post('/api/cart/quick-order').set(bearer(jwt)).field('lines', 'KRAFT-BOX;1000');
    expect(res.body.data.added).toEqual([{ line: 1, sku: 'KRAFT-BOX', quantity: 1000 }]);
  });
});

describe('who may order', () => {
  test('only a signed-in customer, into their own cart: visitors and consultants are refused and nothing changes', async () => {
    await addToCart('paper-padded-envelope', 1000);
    const before = await snapshot(app.strapi);
    const anonymous = await app.api().post('/api/cart/quick-order').send({ lines: 'KRAFT-BOX;1000' });
    const consultant = await typed('KRAFT-BOX;1000', consultantJwt);
    expect([anonymous.status, consultant.status]).toEqual([403, 403]);
    expect(hasKnownCode(anonymous.body.error.details) && hasKnownCode(consultant.body.error.details)).toBe(true);
    expect(await cartOf()).toEqual([['PADDED-ENV', 1000]]);
    expect(await app.strapi.db.query('api::cart.cart-item').count()).toBe(1);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test("an accountant of the company is refused with the reason, and nothing changes", async () => {
    const accountant = await registerCustomer(app, { companyName: 'Comptable SARL' });
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: accountant.id }, data: { companyRole: 'accountant' } });
    const accountantJwt = (await login(app, accountant.email, accountant.password)).jwt;
    const before = await snapshot(app.strapi);
    const res = await typed('KRAFT-BOX;1000', accountantJwt);
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ code: 'company.ordering_not_allowed', params: { role: 'accountant' } });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test("another customer's quick order fills their cart, not this one", async () => {
    await addToCart('paper-padded-envelope', 1000);
    await typed('KRAFT-BOX;1000', otherJwt).expect(200);
    expect(await cartOf()).toEqual([['PADDED-ENV', 1000]]);
    expect(await cartOf(otherId)).toEqual([['KRAFT-BOX', 1000]]);
    await app.api().delete('/api/cart').set(bearer(otherJwt)).expect(200);
  });
});

describe('SKUs', () => {
  const PRODUCT = 'api::product.product';
  const docs = () => app.strapi.documents(PRODUCT);
  const rowsOf = (documentId: string) => app.strapi.db.query(PRODUCT).findMany({ where: { documentId }, select: ['locale', 'sku'], orderBy: { locale: 'asc' } });
  const documentOf = async (slug: string) => (await app.strapi.db.query(PRODUCT).findOne({ where: { slug }, select: ['documentId'] })).documentId as string;
  const refusalOf = async (write: Promise<unknown>) =>
    write.then(
      () => null,
      (e: { name: string; message: string; details?: { errors?: { path: string[] }[]; codes?: Record<string, { code: string }> } }) => ({ name: e.name, message: e.message, path: e.details?.errors?.[0]?.path, code: e.details?.codes?.sku?.code }),
    );

  test('the product API answers the SKU, in every language', async () => {
    expect((await app.api().get('/api/products/kraft-shipping-box')).body.data).toMatchObject({ sku: 'KRAFT-BOX' });
    const list = (await app.api().get('/api/products?locale=en&pageSize=100')).body.data;
    expect(list.map((p: { sku: string }) => p.sku).sort()).toEqual(['DISH-SOAP', 'KRAFT-BOX', 'MAILER-BAG', 'PADDED-ENV']);
  });

  test("is one for the product's French and English versions, and a change reaches both", async () => {
    const documentId = await documentOf('recycled-mailer-bag');
    await docs().update({ documentId, locale: 'en', data: { name: 'Recycled mailer bag (EN)', slug: 'recycled-mailer-bag-en' } as never });
    expect(await rowsOf(documentId)).toEqual([{ locale: 'en', sku: 'MAILER-BAG' }, { locale: 'fr', sku: 'MAILER-BAG' }]);
    await docs().update({ documentId, locale: 'fr', data: { sku: 'mailer-bag-2' } as never });
    expect(await rowsOf(documentId)).toEqual([{ locale: 'en', sku: 'MAILER-BAG-2' }, { locale: 'fr', sku: 'MAILER-BAG-2' }]);
    const res = await typed('MAILER-BAG-2;1000', jwt, 'en');
    expect(res.body.data.added).toEqual([{ line: 1, sku: 'MAILER-BAG-2', quantity: 1000 }]);
    expect(res.body.data.cart.lines[0].product).toMatchObject({ locale: 'en', name: 'Recycled mailer bag (EN)' });
    await docs().update({ documentId, locale: 'fr', data: { sku: 'MAILER-BAG' } as never });
    expect(await rowsOf(documentId)).toEqual([{ locale: 'en', sku: 'MAILER-BAG' }, { locale: 'fr', sku: 'MAILER-BAG' }]);
  });

  test('a SKU another product holds, whatever its case, or one that breaks the rules, is refused on the field (the panel) and nothing changes', async () => {
    const documentId = await documentOf('paper-padded-envelope');
    const before = await snapshot(app.strapi);
    expect(await refusalOf(docs().update({ documentId, data: { sku: 'kraft-box' } as never }))).toEqual({
      name: 'ValidationError',
      message: 'Another product already has the SKU KRAFT-BOX',
      path: ['sku'],
      code: 'catalogue.sku_taken',
    });
    for (const sku of ['AB', 'VT BOX', '-VT-BOX', 'É-BOX', 'X'.repeat(33), '']) {
      expect(await refusalOf(docs().update({ documentId, data: { sku } as never })), sku).toMatchObject({ path: ['sku'], code: 'catalogue.sku_invalid' });
    }
    expect(await refusalOf(docs().create({ data: { name: 'Second box', slug: 'second-box', sku: 'KRAFT-BOX', priceCents: 1, vatRate: 'standard_20', minQuantity: 1, quantityStep: 1, stock: 1, countryOfOrigin: 'FR' } as never }))).toMatchObject({
      code: 'catalogue.sku_taken',
    });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a product written without a SKU gets one from its slug; products from before SKUs get theirs at start', async () => {
    const created = await docs().create({ data: { name: 'Kraft box', slug: 'kraft-box', priceCents: 1, vatRate: 'standard_20', minQuantity: 1, quantityStep: 1, stock: 1, countryOfOrigin: 'FR' } as never });
    // KRAFT-BOX is the shipping box's: the next free one.
    expect(await rowsOf(created.documentId)).toEqual([{ locale: 'fr', sku: 'KRAFT-BOX-2' }]);
    await docs().delete({ documentId: created.documentId });

    const soap = await documentOf('plant-based-dish-soap');
    await app.strapi.db.query(PRODUCT).updateMany({ where: { documentId: soap }, data: { sku: null } });
    await backfillSkus(app.strapi);
    expect(await rowsOf(soap)).toEqual([{ locale: 'fr', sku: 'PLANT-BASED-DISH-SOAP' }]);
    await docs().update({ documentId: soap, data: { sku: 'DISH-SOAP' } as never });
  });
});
