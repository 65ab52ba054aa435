import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';
import { payWithCard, placeOrder } from './support/orders';
import { dayClearOfMidnightInFrance, MIDNIGHT_WAIT_MS } from './support/calendar';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The client's yearly impact: spend excl. VAT and CO₂e of paid orders, by category and by month; the carbon statement as PDF and CSV. */
let app: TestApp;
let jwt: string;
/** The statement's year and month, read clear of midnight in Paris (a month may end then). */
let thisYear = 0;
let thisMonth = 0;

beforeAll(async () => {
  const today = await dayClearOfMidnightInFrance();
  thisYear = Number(today.slice(0, 4));
  thisMonth = Number(today.slice(5, 7));
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  const customer = await registerCustomer(app);
  jwt = (await login(app, customer.email, customer.password)).jwt;
  const consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;

  const paid = await placeOrder(app, jwt, [['kraft-shipping-box', 1000], ['plant-based-dish-soap', 1000]]);
  await payWithCard(app, jwt, paid.order.reference).expect(200);
  // Last year's order, placed before lines kept their category: the product's category counts.
  const old = await placeOrder(app, jwt, [['recycled-mailer-bag', 2000]]);
  await payWithCard(app, jwt, old.order.reference).expect(200);
  const oldRow = await app.strapi.db.query('api::order.order').findOne({ where: { reference: old.order.reference }, populate: { lines: true } });
  await app.strapi.db.query('api::order.order').update({ where: { id: oldRow.id }, data: { placedAt: new Date(Date.UTC(thisYear - 1, 5, 15)) } });
  expect(oldRow.lines[0].categoryName).toBe('Mailers');
  await app.strapi.db.query('order.line').update({ where: { id: oldRow.lines[0].id }, data: { categoryName: null } });
  expect((await app.strapi.db.query('order.line').findOne({ where: { id: oldRow.lines[0].id } })).categoryName).toBeNull();
  // Neither an unpaid nor a cancelled order is spend.
  await placeOrder(app, jwt, [['kraft-shipping-box', 5000]]);
  const cancelled = await placeOrder(app, jwt, [['paper-padded-envelope', 1000]]);
  await payWithCard(app, jwt, cancelled.order.reference).expect(200);
  await app
    .api()
    .post(`/api/consultant/orders/${cancelled.order.reference}/status`)
    .set(bearer(consultantJwt))
    .send({ status: 'cancelled', comment: 'Cancelled at your request.' })
    .expect(200);
}, 120_000 + MIDNIGHT_WAIT_MS);
afterAll(async () => {
  await app?.stop();
});

const impact = (query = '') => app.api().get(`/api/orders/impact${query}`).set(bearer(jwt));

describe('yearly impact', () => {
  test('this year by default: paid orders only, by category, largest spend first', async () => {
    const res = await impact();
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      year: thisYear,
      years: [thisYear, thisYear - 1],
      orders: 1,
      // 1000 × 4,500.00 € and 1000 × 650.00 €; 300 and 120.5 kg CO₂e per 1,000.
      totals: { exclVatCents: 450_000 + 65_000, co2eGrams: 300_000 + 120_500 },
      byCategory: [
        { category: 'Cleaning', units: 1000, exclVatCents: 450_000, co2eGrams: 300_000 },
        { category: 'Packaging', units: 1000, exclVatCents: 65_000, co2eGrams: 120_500 },
      ],
      // Every month of the year, this one with the order.
      byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...(i + 1 === thisMonth ? { exclVatCents: 515_000, co2eGrams: 420_500 } : { exclVatCents: 0, co2eGrams: 0 }) })),
    });
  });

  test('another year, with the category of a line that did not keep it', async () => {
    const res = await impact(`?year=${thisYear - 1}`);
    expect(res.body.data.byCategory).toEqual([{ category: 'Mailers', units: 2000, exclVatCents: 19_800, co2eGrams: 36_400 }]);
    expect(res.body.data.orders).toBe(1);
  });

  test('in English, a category kept under its French name is shown under its English name; one without an English version stays French', async () => {
    const docs = app.strapi.documents('api::category.category');
    const cleaning = await docs.findFirst({ filters: { slug: 'cleaning' } as never });
    await docs.update({ documentId: cleaning!.documentId, locale: 'en', data: { name: 'Cleaning products', slug: 'cleaning-products', visible: true } as never });
    const english = await impact('?locale=en');
    expect(english.status).toBe(200);
    expect(english.body.data.byCategory.map((c: { category: string; units: number }) => [c.category, c.units])).toEqual([
      ['Cleaning products', 1000],
      ['Packaging', 1000],
    ]);
    // French, the default, is how the lines kept them.
    expect((await impact()).body.data.byCategory.map((c: { category: string }) => c.category)).toEqual(['Cleaning', 'Packaging']);
    expect((await impact('?locale=fr')).body.data.byCategory.map((c: { category: string }) => c.category)).toEqual(['Cleaning', 'Packaging']);
  });

  test('an unknown locale is refused with the accepted ones', async () => {
    const res = await impact('?locale=de');
    expect(res.status).toBe(400);
    expect(res.body.error.details.codes.locale).toMatchObject({ code: 'locale.unknown' });
  });

  test("another client's impact counts none of these orders", async () => {
    const other = await registerCustomer(app, { email: 'other@client.test' });
    const otherJwt = (await login(app, other.email, other.password)).jwt;
    const res = await app.api().get('/api/orders/impact').set(bearer(otherJwt));
    expect(res.body.data).toMatchObject({ orders: 0, byCategory: [], years: [thisYear] });
  });

  test('a year without orders is empty, not an error', async () => {
    const res = await impact('?year=2001');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ year: 2001, orders: 0, totals: { exclVatCents: 0, co2eGrams: 0 }, byCategory: [] });
  });

  test.each([
    ['?year=last', 'year must be a year, such as 2026'],
    ['?year=1999', 'year must be 2000 or later'],
    ['?year=2026&customer=1', 'customer'],
  ])('refuses %s with a message naming the field', async (query, message) => {
    const res = await impact(query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(message);
  });
});

describe('the carbon statement', () => {
  const download = (file: string, query = '') =>
    app.api().get(`/api/orders/impact/${file}${query}`).set(bearer(jwt)).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });

  test('as CSV: a row per category and per month, the total, and the method', async () => {
    const res = await download('statement.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ventalis-carbon-statement-${thisYear}.csv"`);
    const lines = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('section,key,units,spend_excl_vat_cents,kg_co2e');
    expect(lines).toContain('category,Cleaning,1000,450000,300.000');
    expect(lines).toContain(`month,${thisYear}-${String(thisMonth).padStart(2, '0')},,515000,420.500`);
    expect(lines).toContain(`total,${thisYear},2000,515000,420.500`);
    expect(lines.filter((line) => line.startsWith('month,'))).toHaveLength(12);
    expect(lines.at(-1)).toContain('GHG Protocol, scope 3, catégorie 1');
  });

  test('as a PDF in the reader’s language: the company, the figures and the method', async () => {
    const res = await download('statement.pdf', '?locale=en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'carbon-')), 'statement.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(`Carbon statement of purchases, ${thisYear}`);
    expect(text).toContain('GHG Protocol, scope 3, category 1');
    expect(text).toContain('420.5');
    expect(text).toContain('Cleaning products');
    expect(text).toContain('€5,150.00');
  });

  test('only for the customer’s own orders, and a bad year is refused', async () => {
    expect((await app.api().get('/api/orders/impact/statement.pdf')).status).toBe(403);
    expect((await download('statement.csv', '?year=1999')).status).toBe(400);
  });
});
