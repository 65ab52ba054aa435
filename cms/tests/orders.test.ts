import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { payWithCard, placeOrder, stockOf } from './support/orders';

let app: TestApp;
let jwt: string;
let consultantJwt: string;
let customerId: number;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app, { firstName: 'Chloé', lastName: 'Garnier' });
  const customer = await registerCustomer(app);
  customerId = customer.id;
  jwt = (await login(app, customer.email, customer.password)).jwt;
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});

const cart = () => app.api().get('/api/cart').set(bearer(jwt));
const add = (product: string, quantity: number) => app.api().post('/api/cart/items').set(bearer(jwt)).send({ product, quantity });

describe('cart', () => {
  test('adds, changes, removes and empties, with totals excl./incl. VAT and CO₂e in integers', async () => {
    expect((await add('kraft-shipping-box', 1500)).status).toBe(200);
    const res = await add('plant-based-dish-soap', 1000);
    expect(res.body.data.lines.map((l: { product: { slug: string }; quantity: number }) => [l.product.slug, l.quantity])).toEqual([
      ['kraft-shipping-box', 1500],
      ['plant-based-dish-soap', 1000],
    ]);
    // 1500 × 650.00 € / 1000 = 975.00 € + 20 %; 1000 × 4500.00 € / 1000 = 4500.00 € + 10 %
    expect(res.body.data.totals).toEqual({ exclVatCents: 97_500 + 450_000, vatCents: 19_500 + 45_000, inclVatCents: 117_000 + 495_000, co2eGrams: 180_750 + 300_000 });

    await add('kraft-shipping-box', 100);
    expect((await cart()).body.data.lines[0].quantity).toBe(1600);
    const changed = await app.api().put('/api/cart/items/kraft-shipping-box').set(bearer(jwt)).send({ quantity: 2000 });
    expect(changed.body.data.lines[0].quantity).toBe(2000);
    const removed = await app.api().delete('/api/cart/items/plant-based-dish-soap').set(bearer(jwt));
    expect(removed.body.data.lines).toHaveLength(1);
    const emptied = await app.api().delete('/api/cart').set(bearer(jwt));
    expect(emptied.body.data).toEqual({ lines: [], totals: { exclVatCents: 0, vatCents: 0, inclVatCents: 0, co2eGrams: 0 }, vatRegime: 'domestic' });
  });

  test.each([
    // Quantities written as the storefront writes them: "1 000 units" (narrow no-break space, no-break space).
    ['below the minimum', 'kraft-shipping-box', 999, /minimum order is 1,000\u00a0units/],
    ['off the step', 'kraft-shipping-box', 1050, /steps of 100\u00a0units from 1,000/],
    ['above the stock', 'kraft-shipping-box', 60_000, /Only 50,000\u00a0units are in stock/],
  ])('refuses a quantity %s, naming the limit, and changes nothing', async (_name, product, quantity, message) => {
    const before = await snapshot(app.strapi);
    const res = await add(product, quantity);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.quantity).toMatch(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test.each([
    [{ product: 'no-such-product', quantity: 1000 }, 404, /No product has the address/],
    [{ product: 'old-stock-crate', quantity: 1000 }, 404, /No product has the address/],
    [{ product: 'kraft-shipping-box', quantity: '1000' }, 400, /quantity must be a number/],
    [{ product: 'kraft-shipping-box' }, 400, /quantity must be a number/],
    [{ product: 'kraft-shipping-box', quantity: 1000, price: 1 }, 400, /Unrecognized key/],
  ])('refuses %j', async (body, status, message) => {
    const res = await app.api().post('/api/cart/items').set(bearer(jwt)).send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  test('changing or removing a product that is not in the cart is a 404', async () => {
    expect((await app.api().put('/api/cart/items/kraft-shipping-box').set(bearer(jwt)).send({ quantity: 1000 })).status).toBe(404);
    expect((await app.api().delete('/api/cart/items/kraft-shipping-box').set(bearer(jwt))).status).toBe(404);
  });
});

describe('checkout and simulated payment', () => {
  test('turns the cart into an order with a price snapshot, reserves stock and empties the cart', async () => {
    const before = await stockOf(app, 'recycled-mailer-bag');
    const { order } = await placeOrder(app, jwt, [['recycled-mailer-bag', 2000]]);
    expect(order.status).toBe('awaiting_payment');
    expect(order).toMatchObject({
      lines: [{ productSlug: 'recycled-mailer-bag', quantity: 2000, pricePer1000Cents: 9900, vatRate: '20', amounts: { exclVatCents: 19_800, vatCents: 3960, inclVatCents: 23_760 } }],
      totals: { exclVatCents: 19_800, vatCents: 3960, inclVatCents: 23_760 },
      history: [{ from: null, to: 'awaiting_payment', by: 'customer' }],
    });
    // The pay page starts its payment: with the simulated provider, a card form and no secret.
    const payment = await app.api().post(`/api/orders/${order.reference}/payment`).set(bearer(jwt)).expect(200);
    expect(payment.body.data).toEqual({ provider: 'simulated', clientSecret: null, publishableKey: null });
    // The reference names the day the order was placed (Paris time).
    const placed = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: '2-digit', month: '2-digit', day: '2-digit' }).format(new Date(order.placedAt)).replace(/-/g, '');
    expect(order.reference).toMatch(new RegExp(`^VT-${placed}-[A-Z2-9]{6}$`));
    expect(await stockOf(app, 'recycled-mailer-bag')).toBe(before - 2000);
    expect((await cart()).body.data.lines).toEqual([]);

    // A later price change does not touch the order.
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'recycled-mailer-bag' } });
    await app.strapi.documents('api::product.product').update({ documentId: product.documentId, data: { priceCents: 12_000 } as never });
    const again = await app.api().get(`/api/orders/${order.reference}`).set(bearer(jwt));
    expect(again.body.data.totals.exclVatCents).toBe(19_800);
  });

  test('4242… pays the order', async () => {
    const { order } = await placeOrder(app, jwt, [['paper-padded-envelope', 1000]]);
    const res = await payWithCard(app, jwt, order.reference);
    expect(res.status).toBe(200);
    expect(res.body.data.outcome).toBe('paid');
    expect(res.body.data.order.status).toBe('paid');
    expect(res.body.data.order.history.map((h: { to: string }) => h.to)).toEqual(['awaiting_payment', 'paid']);
  });

  test('a declined card leaves the order unpaid, gives the stock back and restores the cart', async () => {
    const before = await stockOf(app, 'paper-padded-envelope');
    const { order } = await placeOrder(app, jwt, [['paper-padded-envelope', 3000]]);
    expect(await stockOf(app, 'paper-padded-envelope')).toBe(before - 3000);
    const res = await payWithCard(app, jwt, order.reference, '4000 0000 0000 0002');
    expect(res.body.data.outcome).toBe('payment_failed');
    expect(res.body.data.order.status).toBe('payment_failed');
    expect(res.body.data.order.history.at(-1).comment).toMatch(/declined/);
    expect(await stockOf(app, 'paper-padded-envelope')).toBe(before);
    const restored = (await cart()).body.data.lines;
    expect(restored.map((l: { product: { slug: string }; quantity: number }) => [l.product.slug, l.quantity])).toEqual([['paper-padded-envelope', 3000]]);
    await app.api().delete('/api/cart').set(bearer(jwt));
  });

  test('insufficient funds fails the same way; a second payment attempt on a failed order is refused', async () => {
    const { order } = await placeOrder(app, jwt, [['paper-padded-envelope', 1000]]);
    expect((await payWithCard(app, jwt, order.reference, '4000000000009995')).body.data.order.history.at(-1).comment).toMatch(/insufficient funds/);
    const again = await payWithCard(app, jwt, order.reference);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/payment failed: there is nothing to pay/);
    await app.api().delete('/api/cart').set(bearer(jwt));
  });

  test('the same checkout submitted twice makes one order', async () => {
    const key = randomUUID();
    const first = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]], key);
    const second = await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: key });
    expect(second.status).toBe(201);
    expect(second.body.data.order.reference).toBe(first.order.reference);
    expect(await app.strapi.db.query('api::order.order').count({ where: { reference: first.order.reference } })).toBe(1);
  });

  test('two checkouts of one cart sent at once under different keys make one order; the other finds the cart empty', async () => {
    await add('kraft-shipping-box', 1000);
    const before = await app.strapi.db.query('api::order.order').count({ where: { customer: { id: customerId } } });
    const answers = await Promise.all([1, 2].map(() => app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: randomUUID() })));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 400]);
    expect(answers.find((res) => res.status === 400)!.body.error.details.code).toBe('cart.empty');
    expect(await app.strapi.db.query('api::order.order').count({ where: { customer: { id: customerId } } })).toBe(before + 1);
  });

  test.each([
    [{}, /idempotencyKey must be a UUID/],
    [{ idempotencyKey: 'abc' }, /idempotencyKey must be a UUID/],
  ])('refuses a checkout without a proper key (%j)', async (body, message) => {
    const res = await app.api().post('/api/checkout').set(bearer(jwt)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test('refuses to check out an empty cart, writing nothing', async () => {
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cart is empty/);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('refuses a checkout beyond the stock, naming the product, and writes nothing', async () => {
    await add('plant-based-dish-soap', 50_000);
    await app.strapi.db.query('api::product.product').update({ where: { slug: 'plant-based-dish-soap' }, data: { stock: 10_000 } });
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Plant-based dish soap: only 10,000\u00a0units are left in stock');
    expect(await snapshot(app.strapi)).toEqual(before);
    await app.api().delete('/api/cart').set(bearer(jwt));
  });

  test('an unknown test card is refused with a message naming the test cards', async () => {
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const res = await payWithCard(app, jwt, order.reference, '5555 5555 5555 4444');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.cardNumber).toMatch(/4242 4242 4242 4242/);
    const bad = await app.api().post(`/api/orders/${order.reference}/simulated-payment`).set(bearer(jwt)).send({ cardNumber: '42', expiry: '13/30', cvc: 'x' });
    expect(bad.body.error.details.errors).toEqual({ cardNumber: 'Card number must be 13 to 19 digits', expiry: 'Expiry date must be MM/YY', cvc: 'CVC must be 3 or 4 digits' });
  });
});

describe('unpaid orders', () => {
  test('release their stock after the payment delay', async () => {
    const lifecycle = app.strapi.service('api::order.lifecycle');
    // Orders left unpaid by earlier tests expire first.
    await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000));
    const before = await stockOf(app, 'kraft-shipping-box');
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 5000]]);
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before - 5000);
    expect(await lifecycle.expireUnpaidOrders(new Date())).toBe(0);
    expect(await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before);
    const res = await app.api().get(`/api/orders/${order.reference}`).set(bearer(jwt));
    expect(res.body.data.status).toBe('cancelled');
    expect(res.body.data.history.at(-1)).toMatchObject({ by: 'system', comment: expect.stringMatching(/No payment was received in time/) });
    // Releasing twice gives nothing more back.
    expect(await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(0);
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before);
  });

  test('a customer can cancel an order awaiting payment', async () => {
    const before = await stockOf(app, 'kraft-shipping-box');
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const res = await app.api().post(`/api/orders/${order.reference}/cancel`).set(bearer(jwt));
    expect(res.body.data.status).toBe('cancelled');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before);
  });
});

describe('order lifecycle by the consultant', () => {
  test('moves a paid order along with comments the client reads; internal notes stay internal', async () => {
    const { order } = await placeOrder(app, jwt, [['recycled-mailer-bag', 1000]]);
    await payWithCard(app, jwt, order.reference);
    const move = (status: string, comment?: string) =>
      app.api().post(`/api/consultant/orders/${order.reference}/status`).set(bearer(consultantJwt)).send(comment === undefined ? { status } : { status, comment });

    const noComment = await move('in_progress');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details.errors.comment).toMatch(/comment for the client is required/);
    expect((await move('in_progress', '   ')).status).toBe(400);
    const skip = await move('delivered', 'Done');
    expect(skip.status).toBe(400);
    expect(skip.body.error.message).toMatch(/paid cannot become delivered/);

    expect((await move('in_progress', 'Preparing your parcels in Lyon.')).status).toBe(200);
    const note = await app.api().post(`/api/consultant/orders/${order.reference}/notes`).set(bearer(consultantJwt)).send({ body: 'Client asked for a single pallet.' });
    expect(note.status).toBe(201);
    expect(note.body.data.notes).toEqual([{ at: expect.any(String), author: 'Chloé Garnier', body: 'Client asked for a single pallet.' }]);
    expect((await move('shipped', 'Shipped with tracking FR123.')).status).toBe(200);
    expect((await move('delivered', 'Delivered this morning.')).status).toBe(200);

    const seen = await app.api().get(`/api/orders/${order.reference}`).set(bearer(jwt));
    expect(seen.body.data.status).toBe('delivered');
    expect(seen.body.data.history.map((h: { from: string | null; to: string; by: string; byName: string | null; comment: string | null }) => [h.from, h.to, h.by, h.byName, h.comment])).toEqual([
      [null, 'awaiting_payment', 'customer', null, null],
      ['awaiting_payment', 'paid', 'system', null, 'Payment received. Thank you!'],
      ['paid', 'in_progress', 'consultant', 'Chloé Garnier', 'Preparing your parcels in Lyon.'],
      ['in_progress', 'shipped', 'consultant', 'Chloé Garnier', 'Shipped with tracking FR123.'],
      ['shipped', 'delivered', 'consultant', 'Chloé Garnier', 'Delivered this morning.'],
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('single pallet');
    expect(seen.body.data).not.toHaveProperty('notes');
  });

  test('cancelling a paid order gives the stock back', async () => {
    const before = await stockOf(app, 'kraft-shipping-box');
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 2000]]);
    await payWithCard(app, jwt, order.reference);
    const res = await app.api().post(`/api/consultant/orders/${order.reference}/status`).set(bearer(consultantJwt)).send({ status: 'cancelled', comment: 'Cancelled at your request; refunded.' });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('cancelled');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before);
  });

  test('customers see orders split into ongoing and completed', async () => {
    const ongoing = await app.api().get('/api/orders?scope=ongoing').set(bearer(jwt));
    const completed = await app.api().get('/api/orders?scope=completed').set(bearer(jwt));
    expect(ongoing.body.data.every((o: { status: string }) => ['awaiting_payment', 'paid', 'in_progress', 'shipped'].includes(o.status))).toBe(true);
    expect(completed.body.data.every((o: { status: string }) => ['delivered', 'cancelled', 'payment_failed'].includes(o.status))).toBe(true);
    expect(ongoing.body.meta.pagination.total + completed.body.meta.pagination.total).toBe((await app.api().get('/api/orders').set(bearer(jwt))).body.meta.pagination.total);
    expect((await app.api().get('/api/orders?scope=old').set(bearer(jwt))).status).toBe(400);
  });

  test('the consultant filters their clients\' orders by status and client', async () => {
    const paid = await app.api().get('/api/consultant/orders?status=delivered').set(bearer(consultantJwt));
    expect(paid.body.data.length).toBeGreaterThan(0);
    expect(paid.body.data.every((o: { status: string; client: { id: number } }) => o.status === 'delivered' && o.client.id === customerId)).toBe(true);
    expect((await app.api().get('/api/consultant/orders?client=999999').set(bearer(consultantJwt))).body.data).toEqual([]);
  });

  test('reorder puts a past order\'s lines back at today\'s price, skipping what cannot be ordered', async () => {
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000], ['paper-padded-envelope', 1000]]);
    await payWithCard(app, jwt, order.reference);
    await app.strapi.db.query('api::product.product').update({ where: { slug: 'paper-padded-envelope' }, data: { stock: 0 } });
    const res = await app.api().post(`/api/orders/${order.reference}/reorder`).set(bearer(jwt));
    expect(res.status).toBe(200);
    expect(res.body.data.cart.lines.map((l: { product: { slug: string }; quantity: number; pricePer1000Cents: number }) => [l.product.slug, l.quantity])).toEqual([['kraft-shipping-box', 1000]]);
    expect(res.body.data.skipped).toEqual([{ product: 'Paper padded envelope', reason: 'This product is out of stock', code: { code: 'quantity.out_of_stock' } }]);
  });

  test('reorder in English answers the cart and the skipped lines under their English names', async () => {
    const docs = app.strapi.documents('api::product.product');
    for (const [slug, name] of [['kraft-shipping-box', 'Kraft shipping box (EN)'], ['paper-padded-envelope', 'Paper padded envelope (EN)']]) {
      const product = await docs.findFirst({ filters: { slug } as never });
      await docs.update({ documentId: product!.documentId, locale: 'en', data: { name, slug: `${slug}-en` } as never });
    }
    await app.strapi.db.query('api::product.product').updateMany({ where: { slug: { $in: ['paper-padded-envelope', 'paper-padded-envelope-en'] } }, data: { stock: 50_000 } });
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000], ['paper-padded-envelope', 1000]]);
    await payWithCard(app, jwt, order.reference);
    await app.strapi.db.query('api::product.product').updateMany({ where: { slug: { $in: ['paper-padded-envelope', 'paper-padded-envelope-en'] } }, data: { stock: 0 } });
    await app.api().delete('/api/cart').set(bearer(jwt)).expect(200);
    const res = await app.api().post(`/api/orders/${order.reference}/reorder?locale=en`).set(bearer(jwt));
    expect(res.status).toBe(200);
    expect(res.body.data.cart.lines.map((l: { product: { name: string; slug: string } }) => [l.product.name, l.product.slug])).toEqual([['Kraft shipping box (EN)', 'kraft-shipping-box-en']]);
    expect(res.body.data.skipped).toMatchObject([{ product: 'Paper padded envelope (EN)', code: { code: 'quantity.out_of_stock' } }]);
    const refused = await app.api().post(`/api/orders/${order.reference}/reorder?locale=de`).set(bearer(jwt));
    expect(refused.status).toBe(400);
    await app.api().delete('/api/cart').set(bearer(jwt)).expect(200);
    await app.api().post(`/api/orders/${order.reference}/reorder?locale=xx`).set(bearer(jwt)).expect(400);
    expect((await app.api().get('/api/cart').set(bearer(jwt))).body.data.lines).toEqual([]);
  });
});

describe('orders in the panel', () => {
  test('an edit cannot rewrite an order\'s status or amounts outside the lifecycle, and changes nothing', async () => {
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const stored = await app.strapi.db.query('api::order.order').findOne({ where: { reference: order.reference } });
    const before = await snapshot(app.strapi);
    await expect(app.strapi.documents('api::order.order').update({ documentId: stored.documentId, data: { status: 'delivered' } as never })).rejects.toThrow(/changes only through its lifecycle/);
    await expect(app.strapi.documents('api::order.order').update({ documentId: stored.documentId, data: { totalInclVatCents: 1 } as never })).rejects.toThrow(/changes only through its lifecycle/);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
