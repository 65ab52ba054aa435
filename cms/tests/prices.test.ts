import { randomUUID } from 'node:crypto';
import { dayInFrance } from '@ventalis/contracts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { hasKnownCode } from './support/codes';
import { dayClearOfMidnightInFrance, MIDNIGHT_WAIT_MS } from './support/calendar';

/**
 * Negotiated prices: a consultant agrees with a company they follow category discounts and
 * net prices; the company's members (whatever their role) see its prices everywhere, with the
 * list price beside them; visitors and other companies never do, and the shared public cache
 * never carries them. The catalogue cache is on here, as in production.
 *
 * Catalogue (list prices per 1,000): Packaging › kraft box 650.00 €; Mailers (sub-category of
 * Packaging) › mailer bag 99.00 €, padded envelope 210.00 €; Cleaning › dish soap 4,500.00 €.
 */
const USER = 'plugin::users-permissions.user';
let app: TestApp;
type Person = { id: number; jwt: string };
const people = {} as Record<'adminA' | 'buyerA' | 'adminB' | 'consultantA' | 'consultantB', Person>;
const companies = { A: 0, B: 0 };

/**
 * Every agreement and expectation counts days from it. Read again in beforeAll, clear of
 * midnight in Paris, for the whole file; the load-time value only fills the far-off periods of
 * the bad-input table, which no day changes.
 */
let today = dayInFrance();
const shift = (days: number) => {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const as = (who: keyof typeof people | 'anonymous') => {
  const auth = (req: ReturnType<ReturnType<TestApp['api']>['get']>) => (who === 'anonymous' ? req : req.set(bearer(people[who].jwt)));
  return {
    get: (path: string) => auth(app.api().get(path)),
    post: (path: string, body: object = {}) => auth(app.api().post(path)).send(body),
    put: (path: string, body: object) => auth(app.api().put(path)).send(body),
    delete: (path: string) => auth(app.api().delete(path)),
  };
};
const agreementsOf = (company: number) => `/api/consultant/companies/${company}/agreements`;
const companyOf = async (userId: number) => (await app.strapi.db.query(USER).findOne({ where: { id: userId }, populate: { company: true } })).company.id as number;
const bySlug = <T extends { slug: string }>(list: T[]) => Object.fromEntries(list.map((p) => [p.slug, p]));

/** Agreement ids of A, set in beforeAll through the consultant's routes. */
const agreed = { packaging: 0, mailers: 0, envelope: 0, expired: 0, future: 0 };

beforeAll(async () => {
  today = await dayClearOfMidnightInFrance();
  app = await startApp({ CATALOGUE_CACHE_SECONDS: '60' });
  await seedCatalogue(app.strapi);
  const consultantA = await createConsultant(app);
  const consultantB = await createConsultant(app);
  const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ id: registered.id, jwt: (await login(app, registered.email, registered.password)).jwt });
  people.consultantA = { id: consultantA.userId, jwt: (await login(app, consultantA.email, consultantA.password)).jwt };
  people.consultantB = { id: consultantB.userId, jwt: (await login(app, consultantB.email, consultantB.password)).jwt };
  people.adminA = await signIn(await registerCustomer(app, { companyName: 'Alpha Emballages' }));
  people.buyerA = await signIn(await registerCustomer(app, { companyName: 'Alpha buyer’s own' }));
  people.adminB = await signIn(await registerCustomer(app, { companyName: 'Beta Nettoyage' }));
  companies.A = await companyOf(people.adminA.id);
  companies.B = await companyOf(people.adminB.id);
  // The buyer joins Alpha (their own company is removed); Alpha follows consultant A, Beta consultant B.
  const own = await companyOf(people.buyerA.id);
  await app.strapi.db.query(USER).update({ where: { id: people.buyerA.id }, data: { company: companies.A, companyRole: 'buyer' } });
  await app.strapi.db.query('api::company.company').delete({ where: { id: own } });
  const assignment = app.strapi.service('api::consultant.assignment');
  await assignment.reassignCompany(companies.A, consultantA.id);
  await assignment.reassignCompany(companies.B, consultantB.id);

  const create = async (body: object) => {
    const res = await as('consultantA').post(agreementsOf(companies.A), body);
    if (res.status !== 201) throw new Error(`agreement refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.id as number;
  };
  agreed.packaging = await create({ kind: 'category_discount', category: 'packaging', discountBasisPoints: 1000, startsOn: shift(-30), endsOn: shift(30) });
  // Ends today and starts today: both days count.
  agreed.mailers = await create({ kind: 'category_discount', category: 'mailers', discountBasisPoints: 2000, startsOn: shift(-30), endsOn: today });
  agreed.envelope = await create({ kind: 'net_price', product: 'paper-padded-envelope', netPriceCents: 15_000, startsOn: today, endsOn: shift(30) });
  agreed.expired = await create({ kind: 'category_discount', category: 'cleaning', discountBasisPoints: 5000, startsOn: shift(-60), endsOn: shift(-1) });
  agreed.future = await create({ kind: 'net_price', product: 'plant-based-dish-soap', netPriceCents: 100_000, startsOn: shift(1), endsOn: shift(60) });
}, 120_000 + MIDNIGHT_WAIT_MS);
afterAll(async () => {
  await app?.stop();
});

const expectedA = () => ({
  'kraft-shipping-box': { priceCents: 58_500, kind: 'category_discount', discountBasisPoints: 1000, endsOn: shift(30) },
  'recycled-mailer-bag': { priceCents: 7_920, kind: 'category_discount', discountBasisPoints: 2000, endsOn: today },
  'paper-padded-envelope': { priceCents: 15_000, kind: 'net_price', discountBasisPoints: null, endsOn: shift(30) },
});
const LIST = { 'kraft-shipping-box': 65_000, 'recycled-mailer-bag': 9_900, 'paper-padded-envelope': 21_000, 'plant-based-dish-soap': 450_000 };

describe('the price a company pays', () => {
  test.each(['adminA', 'buyerA'] as const)('the catalogue shows %s the company price beside the list price: net beats discount, a sub-category has its own or inherits, expired and future agreements are ignored', async (who) => {
    const res = await as(who).get('/api/products?pageSize=100').expect(200);
    const products = bySlug(res.body.data as { slug: string; priceCents: number; companyPrice?: unknown }[]);
    for (const [slug, price] of Object.entries(LIST)) expect(products[slug]!.priceCents, slug).toBe(price);
    for (const [slug, companyPrice] of Object.entries(expectedA())) expect(products[slug]!.companyPrice, slug).toEqual(companyPrice);
    expect(products['plant-based-dish-soap']).not.toHaveProperty('companyPrice');
  });

  test('the product page shows it too, in either language', async () => {
    const fr = await as('buyerA').get('/api/products/paper-padded-envelope').expect(200);
    expect(fr.body.data).toMatchObject({ priceCents: 21_000, companyPrice: expectedA()['paper-padded-envelope'] });
    const en = await as('adminA').get('/api/products/kraft-shipping-box?locale=en').expect(200);
    expect(en.body.data.companyPrice).toEqual(expectedA()['kraft-shipping-box']);
  });

  test('visitors and another company see list prices only, before and after members, from the shared cache or not', async () => {
    const paths = ['/api/products?pageSize=100', '/api/products/paper-padded-envelope', '/api/products?sort=price_asc&pageSize=100'];
    for (const path of paths) {
      const before = await as('anonymous').get(path).expect(200);
      await as('adminA').get(path).expect(200);
      const member = await as('buyerA').get(path).expect(200);
      const after = await as('anonymous').get(path).expect(200);
      const other = await as('adminB').get(path).expect(200);
      expect(JSON.stringify(member.body)).toContain('companyPrice');
      for (const answer of [before, after, other]) expect(JSON.stringify(answer.body), path).not.toContain('companyPrice');
      expect(after.body).toEqual(before.body);
      expect(other.body).toEqual(before.body);
    }
  });

  test("price filters and sorts follow what the member's company pays", async () => {
    const anonymous = await as('anonymous').get('/api/products?priceMin=14000&priceMax=16000').expect(200);
    expect(anonymous.body.data).toEqual([]);
    const member = await as('buyerA').get('/api/products?priceMin=14000&priceMax=16000').expect(200);
    expect(member.body.data.map((p: { slug: string }) => p.slug)).toEqual(['paper-padded-envelope']);
    const sorted = await as('buyerA').get('/api/products?sort=price_desc').expect(200);
    expect(sorted.body.data.map((p: { slug: string }) => p.slug)).toEqual(['plant-based-dish-soap', 'kraft-shipping-box', 'paper-padded-envelope', 'recycled-mailer-bag']);
  });
});

describe('cart, checkout and reorder', () => {
  let reference = '';

  test('the cart prices each line at the company price with the list price beside it; another company pays list prices', async () => {
    await as('buyerA').post('/api/cart/items', { product: 'paper-padded-envelope', quantity: 1500 }).expect(200);
    const cart = await as('buyerA').post('/api/cart/items', { product: 'recycled-mailer-bag', quantity: 1000 }).expect(200);
    const lines = Object.fromEntries(cart.body.data.lines.map((l: { product: { slug: string } }) => [l.product.slug, l]));
    expect(lines['paper-padded-envelope']).toMatchObject({ pricePer1000Cents: 15_000, listPricePer1000Cents: 21_000, amounts: { exclVatCents: 22_500, vatCents: 4_500 } });
    expect(lines['recycled-mailer-bag']).toMatchObject({ pricePer1000Cents: 7_920, listPricePer1000Cents: 9_900, amounts: { exclVatCents: 7_920 } });
    expect(cart.body.data.totals).toMatchObject({ exclVatCents: 30_420, vatCents: 6_084, inclVatCents: 36_504 });

    const other = await as('adminB').post('/api/cart/items', { product: 'paper-padded-envelope', quantity: 1000 }).expect(200);
    expect(other.body.data.lines[0]).toMatchObject({ pricePer1000Cents: 21_000, listPricePer1000Cents: 21_000 });
    await as('adminB').delete('/api/cart').expect(200);
  });

  test('the order keeps the price it was placed at, even once the agreement is gone', async () => {
    const res = await as('buyerA').post('/api/checkout', { idempotencyKey: randomUUID() }).expect(201);
    reference = res.body.data.order.reference;
    expect(res.body.data.order.totals).toMatchObject({ exclVatCents: 30_420, inclVatCents: 36_504 });
    const envelope = res.body.data.order.lines.find((l: { productSlug: string }) => l.productSlug === 'paper-padded-envelope');
    expect(envelope).toMatchObject({ pricePer1000Cents: 15_000, listPricePer1000Cents: 21_000, amounts: { exclVatCents: 22_500 } });

    await as('consultantA').delete(`${agreementsOf(companies.A)}/${agreed.envelope}`).expect(204);
    const order = await as('adminA').get(`/api/orders/${reference}`).expect(200);
    expect(order.body.data.totals.exclVatCents).toBe(30_420);
    expect(order.body.data.lines.find((l: { productSlug: string }) => l.productSlug === 'paper-padded-envelope').pricePer1000Cents).toBe(15_000);
    // The catalogue follows at once: the envelope falls back to its category's discount.
    const product = await as('buyerA').get('/api/products/paper-padded-envelope').expect(200);
    expect(product.body.data.companyPrice).toMatchObject({ priceCents: 16_800, kind: 'category_discount', discountBasisPoints: 2000 });
  });

  test("a reorder fills the cart at today's company prices", async () => {
    const res = await as('adminA').post(`/api/orders/${reference}/reorder`).expect(200);
    const lines = Object.fromEntries(res.body.data.cart.lines.map((l: { product: { slug: string } }) => [l.product.slug, l]));
    expect(lines['paper-padded-envelope']).toMatchObject({ quantity: 1500, pricePer1000Cents: 16_800, listPricePer1000Cents: 21_000 });
    expect(lines['recycled-mailer-bag']).toMatchObject({ pricePer1000Cents: 7_920 });
    await as('adminA').delete('/api/cart').expect(200);
  });
});

describe("the consultant's agreements", () => {
  test('the consultant of the company lists them with names in the asked language, newest period first', async () => {
    const res = await as('consultantA').get(`${agreementsOf(companies.A)}?locale=en`).expect(200);
    expect(res.body.data.company).toEqual({ id: companies.A, legalName: 'Alpha Emballages' });
    const packaging = res.body.data.agreements.find((a: { id: number }) => a.id === agreed.packaging);
    expect(packaging).toMatchObject({ kind: 'category_discount', category: { slug: 'packaging', name: 'Packaging' }, product: null, discountBasisPoints: 1000, netPriceCents: null, startsOn: shift(-30), endsOn: shift(30) });
    expect(packaging.createdBy).toMatch(/^Alex Durand/);
    const future = res.body.data.agreements.find((a: { id: number }) => a.id === agreed.future);
    expect(future).toMatchObject({ kind: 'net_price', product: { slug: 'plant-based-dish-soap', listPriceCents: 450_000 }, netPriceCents: 100_000 });
  });

  test('another consultant gets a 404 on every route, a customer a 403, a visitor a 403, and nothing changes', async () => {
    const before = await snapshot(app.strapi);
    const body = { kind: 'category_discount', category: 'cleaning', discountBasisPoints: 500, startsOn: shift(100), endsOn: shift(110) };
    const path = agreementsOf(companies.A);
    for (const [who, status] of [['consultantB', 404], ['adminA', 403], ['buyerA', 403], ['adminB', 403], ['anonymous', 403]] as const) {
      const answers = [
        await as(who).get(path),
        await as(who).post(path, body),
        await as(who).put(`${path}/${agreed.packaging}`, body),
        await as(who).delete(`${path}/${agreed.packaging}`),
      ];
      expect(answers.map((r) => r.status), who).toEqual([status, status, status, status]);
      for (const answer of answers) expect(hasKnownCode(answer.body.error?.details), JSON.stringify(answer.body)).toBe(true);
    }
    expect((await as('consultantB').get(path)).body.error.details).toMatchObject({ code: 'company.not_found' });
    // Their own company's address does not reach A's agreements either.
    const own = agreementsOf(companies.B);
    expect((await as('consultantB').put(`${own}/${agreed.packaging}`, body)).status).toBe(404);
    expect((await as('consultantB').delete(`${own}/${agreed.packaging}`)).body.error.details).toMatchObject({ code: 'agreement.not_found' });
    expect((await as('consultantA').get(agreementsOf(999_999))).status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a change takes effect in the catalogue at once, and an overlap with itself is no overlap', async () => {
    const path = `${agreementsOf(companies.A)}/${agreed.packaging}`;
    const res = await as('consultantA').put(path, { kind: 'category_discount', category: 'packaging', discountBasisPoints: 1250, startsOn: shift(-30), endsOn: shift(30) }).expect(200);
    expect(res.body.data).toMatchObject({ id: agreed.packaging, discountBasisPoints: 1250 });
    const box = await as('buyerA').get('/api/products/kraft-shipping-box').expect(200);
    expect(box.body.data.companyPrice.priceCents).toBe(56_875);
    await as('consultantA').put(path, { kind: 'category_discount', category: 'packaging', discountBasisPoints: 1000, startsOn: shift(-30), endsOn: shift(30) }).expect(200);
  });
});

describe('bad input', () => {
  const path = () => agreementsOf(companies.A);
  const period = { startsOn: shift(200), endsOn: shift(230) };

  test.each([
    ['a discount of 0', { kind: 'category_discount', category: 'cleaning', discountBasisPoints: 0, ...period }, 'discountBasisPoints', 'agreement.discount_out_of_range'],
    ['a discount over 100 %', { kind: 'category_discount', category: 'cleaning', discountBasisPoints: 10_001, ...period }, 'discountBasisPoints', 'agreement.discount_out_of_range'],
    ['a discount in percent with decimals', { kind: 'category_discount', category: 'cleaning', discountBasisPoints: 12.5, ...period }, 'discountBasisPoints', 'value.not_whole_number'],
    ['a net price of zero', { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 0, ...period }, 'netPriceCents', 'agreement.net_price_not_positive'],
    ['a negative net price', { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: -100, ...period }, 'netPriceCents', 'agreement.net_price_not_positive'],
    ['an end before the start', { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 100, startsOn: shift(10), endsOn: shift(9) }, 'endsOn', 'agreement.ends_before_start'],
    ['a date that does not exist', { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 100, startsOn: '2026-02-30', endsOn: '2026-03-31' }, 'startsOn', 'value.invalid_format'],
    ['a field of the other kind', { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 100, discountBasisPoints: 10, ...period }, '_', 'request.unknown_fields'],
    ['a NUL in a slug', { kind: 'net_price', product: 'kraft\u0000box', netPriceCents: 100, ...period }, 'product', 'value.invalid_format'],
  ])('%s is a 400 naming the field, and nothing is stored', async (_name, body, field, code) => {
    const before = await snapshot(app.strapi);
    const res = await as('consultantA').post(path(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details.codes[field]).toMatchObject({ code });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an agreement overlapping another for the same category or product is refused with that one’s period; the next day is fine', async () => {
    const before = await snapshot(app.strapi);
    const overlaps = [
      { kind: 'category_discount', category: 'packaging', discountBasisPoints: 500, startsOn: shift(30), endsOn: shift(40) },
      { kind: 'net_price', product: 'plant-based-dish-soap', netPriceCents: 90_000, startsOn: shift(-5), endsOn: shift(1) },
    ];
    for (const body of overlaps) {
      const res = await as('consultantA').post(path(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('agreement.overlap');
    }
    expect((await as('consultantA').post(path(), overlaps[0])).body.error.details.params).toEqual({ startsOn: shift(-30), endsOn: shift(30) });
    // Moving an agreement onto another's period is refused the same way.
    const moved = await as('consultantA').put(`${path()}/${agreed.expired}`, { kind: 'category_discount', category: 'packaging', discountBasisPoints: 500, startsOn: shift(0), endsOn: shift(5) });
    expect(moved.body.error.details.code).toBe('agreement.overlap');
    expect(await snapshot(app.strapi)).toEqual(before);

    const next = await as('consultantA').post(path(), { kind: 'category_discount', category: 'packaging', discountBasisPoints: 500, startsOn: shift(31), endsOn: shift(40) });
    expect(next.status).toBe(201);
    // Another company may have the same category in the same period.
    expect((await as('consultantB').post(agreementsOf(companies.B), { kind: 'category_discount', category: 'packaging', discountBasisPoints: 500, startsOn: shift(-1), endsOn: shift(1) })).status).toBe(201);
    const other = await as('adminB').get('/api/products/kraft-shipping-box').expect(200);
    expect(other.body.data.companyPrice.priceCents).toBe(61_750);
    const member = await as('buyerA').get('/api/products/kraft-shipping-box').expect(200);
    expect(member.body.data.companyPrice.priceCents).toBe(58_500);
  });

  test('an unknown category, product or agreement is refused with its code, and nothing is stored', async () => {
    const before = await snapshot(app.strapi);
    const category = await as('consultantA').post(path(), { kind: 'category_discount', category: 'no-such-category', discountBasisPoints: 100, ...period });
    expect(category.status).toBe(400);
    expect(category.body.error.details).toMatchObject({ code: 'agreement.category_not_found', params: { slug: 'no-such-category' } });
    const product = await as('consultantA').post(path(), { kind: 'net_price', product: 'no-such-product', netPriceCents: 100, ...period });
    expect(product.body.error.details).toMatchObject({ code: 'agreement.product_not_found' });
    for (const id of ['999999', 'abc', '-1']) {
      const res = await as('consultantA').put(`${path()}/${id}`, { kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 100, ...period });
      expect(res.status, id).toBe(404);
      expect((await as('consultantA').delete(`${path()}/${id}`)).status, id).toBe(404);
    }
    expect((await as('consultantA').get(`${path()}?populate=*`)).status).toBe(400);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
