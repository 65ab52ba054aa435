import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startApp, TEST_DATABASE, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';

/**
 * 50 buyers race for a product with 5 units in stock, round after round: exactly 5 units
 * are sold each round, stock never goes negative, and each losing buyer is told why. The
 * product has an English version too, whose stock follows the French one's.
 */
const BUYERS = 50;
const STOCK = 5;
// PostgreSQL runs the buyers' transactions truly at once: 2,000 attempts there (about 35 s on 2 cores).
const ROUNDS = TEST_DATABASE === 'postgres' ? 40 : 20;

let app: TestApp;
let productId: number;
let englishId: number;
const buyers: number[] = [];

beforeAll(async () => {
  app = await startApp({ DATABASE_POOL_MAX: '20' });
  await seedCatalogue(app.strapi);
  await createConsultant(app);
  const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' } });
  productId = product.id;
  await app.strapi.documents('api::product.product').update({ documentId: product.documentId, locale: 'en', data: { name: 'Kraft shipping box (English)', slug: 'kraft-shipping-box-en' } as never });
  englishId = (await app.strapi.db.query('api::product.product').findOne({ where: { documentId: product.documentId, locale: 'en' } })).id;
  await app.strapi.db.query('api::product.product').update({ where: { id: productId }, data: { minQuantity: 1, quantityStep: 1 } });
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'customer' } });
  // The buyers of one company, each with their own cart.
  const company = await app.strapi.db.query('api::company.company').create({ data: { legalName: 'Racers SARL' } });
  for (let i = 0; i < BUYERS; i++) {
    const user = await app.strapi.db.query('plugin::users-permissions.user').create({
      data: { username: `racer${i}@client.test`, email: `racer${i}@client.test`, provider: 'local', confirmed: true, blocked: false, role: role.id, company: company.id, companyRole: 'buyer' },
    });
    buyers.push(user.id);
  }
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const fillCarts = async () => {
  await app.strapi.db.query('api::cart.cart-item').deleteMany({ where: {} });
  for (const customer of buyers) await app.strapi.db.query('api::cart.cart-item').create({ data: { customer, product: productId, quantity: 1 } });
};
const stockOf = async (id: number) => (await app.strapi.db.query('api::product.product').findOne({ where: { id }, select: ['stock'] })).stock as number;
/** The French row's stock, once checked equal to the English row's. */
const stock = async () => {
  const [fr, en] = [await stockOf(productId), await stockOf(englishId)];
  expect(en, 'English row in step').toBe(fr);
  return fr;
};

describe(`${BUYERS} concurrent buyers, ${STOCK} units, ${ROUNDS} rounds`, () => {
  test('exactly the stock is sold each round; every loser is told the product ran out', async () => {
    const checkout = app.strapi.service('api::order.checkout');
    const lowest: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await app.strapi.db.query('api::product.product').updateMany({ where: { id: { $in: [productId, englishId] } }, data: { stock: STOCK } });
      await fillCarts();
      const results = await Promise.allSettled(buyers.map((id) => checkout.checkout(id, randomUUID())));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won, `round ${round}`).toHaveLength(STOCK);
      for (const loss of lost) expect(loss.reason.message, `round ${round}`).toBe('Kraft shipping box is out of stock');
      const left = await stock();
      lowest.push(left);
      expect(left, `round ${round}`).toBe(0);
      // Losers keep their cart; winners' carts are empty.
      expect(await app.strapi.db.query('api::cart.cart-item').count({ where: {} })).toBe(BUYERS - STOCK);
    }
    expect(Math.min(...lowest)).toBe(0);
    const sold = await app.strapi.db.query('api::order.order').count({ where: {} });
    expect(sold).toBe(STOCK * ROUNDS);
  }, 600_000);

  test('through HTTP too: 5 of 10 signed-in buyers get an order, the others a 400 naming the product', async () => {
    const sessions = [];
    for (let i = 0; i < 10; i++) {
      const customer = await registerCustomer(app);
      sessions.push(await login(app, customer.email, customer.password));
    }
    await app.strapi.db.query('api::product.product').updateMany({ where: { id: { $in: [productId, englishId] } }, data: { stock: STOCK } });
    for (const session of sessions) await app.api().post('/api/cart/items').set(bearer(session.jwt)).send({ product: 'kraft-shipping-box', quantity: 1 }).expect(200);
    const answers = await Promise.all(sessions.map((s) => app.api().post('/api/checkout').set(bearer(s.jwt)).send({ idempotencyKey: randomUUID() })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(STOCK);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('Kraft shipping box is out of stock');
    }
    expect(await stock()).toBe(0);
  });
});
