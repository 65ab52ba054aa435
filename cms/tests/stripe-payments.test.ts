import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { startApp, type TestApp } from './support/strapi';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { placeOrder as checkOut, stockOf } from './support/orders';

/**
 * Stripe in test mode, driven through the official SDK against a Stripe-compatible
 * server, with webhooks signed by the SDK's own test helper.
 */
let fake: FakeStripe;
let app: TestApp;
let stripe: Stripe;
let jwt: string;
let customerEmail: string;
let consultantJwt: string;

beforeAll(async () => {
  fake = await startFakeStripe();
  app = await startApp({
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_fake',
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(fake.port),
    STRIPE_API_PROTOCOL: 'http',
  });
  stripe = new Stripe(fake.secretKey, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  const customer = await registerCustomer(app);
  customerEmail = customer.email;
  jwt = (await login(app, customer.email, customer.password)).jwt;
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const deliver = (payload: string, header = stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret })) =>
  app.api().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(payload);
const deliverEvent = (type: string, intentId: string) => deliver(JSON.stringify(fake.event(type, intentId)));
/** What the pay page does first: starts the order's payment (or finds it again). */
const startPayment = async (reference: string) => {
  const res = await app.api().post(`/api/orders/${reference}/payment`).set(bearer(jwt));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { payment: res.body.data as { provider: string; clientSecret: string | null; publishableKey: string | null } };
};
/** A checkout, then the pay page's start of its payment: the order has its PaymentIntent. */
const placeOrder = async (...args: Parameters<typeof checkOut>) => {
  const placed = await checkOut(...args);
  return { ...placed, ...(await startPayment(placed.order.reference)) };
};
const orderOf = async (reference: string) => (await app.api().get(`/api/orders/${reference}`).set(bearer(jwt))).body.data;
const intentOf = async (reference: string) => (await app.strapi.db.query('api::order.order').findOne({ where: { reference } })).paymentIntentId as string;
/** What Stripe.js does in the browser with the client secret. */
const payInBrowser = (intentId: string, paymentMethod = 'pm_card_visa') =>
  stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod, return_url: 'http://storefront.test/checkout/done' }).catch((error: unknown) => error);

describe('Stripe PaymentIntents', () => {
  test('the checkout calls Stripe not at all; the pay page creates one PaymentIntent for the order total, with an idempotency key, and gets its client secret', async () => {
    const before = fake.requests.length;
    const { order } = await checkOut(app, jwt, [['kraft-shipping-box', 1500]]);
    expect(fake.requests.slice(before)).toEqual([]);
    const { payment } = await startPayment(order.reference);
    expect(payment).toEqual({ provider: 'stripe', clientSecret: expect.stringMatching(/^pi_.+_secret_/), publishableKey: 'pk_test_fake' });
    const intentId = await intentOf(order.reference);
    expect(fake.paymentIntents.get(intentId)).toMatchObject({ amount: order.totals.inclVatCents, currency: 'eur', metadata: { orderReference: order.reference } });
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_intents');
    expect(creates.at(-1)!.idempotencyKey).toBe(`ventalis-order-${order.reference}`);
  });

  test('a paid intent, reported by a signed webhook, pays the order', async () => {
    const { order } = await placeOrder(app, jwt, [['recycled-mailer-bag', 1000]]);
    const intentId = await intentOf(order.reference);
    await payInBrowser(intentId);
    const res = await deliverEvent('payment_intent.succeeded', intentId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, outcome: 'paid' });
    expect((await orderOf(order.reference)).status).toBe('paid');
  });

  test('a declined card fails the order, gives the stock back and restores the cart', async () => {
    const before = await stockOf(app, 'paper-padded-envelope');
    const { order } = await placeOrder(app, jwt, [['paper-padded-envelope', 2000]]);
    const intentId = await intentOf(order.reference);
    await payInBrowser(intentId, 'pm_card_chargeDeclined');
    const res = await deliverEvent('payment_intent.payment_failed', intentId);
    expect(res.body.outcome).toBe('payment_failed');
    const failed = await orderOf(order.reference);
    expect(failed.status).toBe('payment_failed');
    // Stripe's "Your card was declined." is stored as the shop words it, so that it reads in French too.
    expect(failed.history.at(-1).comment).toBe('Payment failed: your card was declined. Your cart has been restored.');
    expect(await stockOf(app, 'paper-padded-envelope')).toBe(before);
    expect((await app.api().get('/api/cart').set(bearer(jwt))).body.data.lines).toHaveLength(1);
    await app.api().delete('/api/cart').set(bearer(jwt));
  });

  test('cancelling a paid order refunds it once through Stripe', async () => {
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const intentId = await intentOf(order.reference);
    await payInBrowser(intentId);
    await deliverEvent('payment_intent.succeeded', intentId).expect(200);
    const res = await app.api().post(`/api/consultant/orders/${order.reference}/status`).set(bearer(consultantJwt)).send({ status: 'cancelled', comment: 'Cancelled as agreed by phone; you are refunded.' });
    expect(res.status).toBe(200);
    const refunds = [...fake.refunds.values()].filter((r) => r.payment_intent === intentId);
    expect(refunds).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v1/refunds').at(-1)!.idempotencyKey).toBe(`ventalis-refund-${order.reference}`);
    // Stripe then reports the refund: nothing more happens.
    const echo = await deliverEvent('charge.refunded', intentId);
    expect(echo.body.outcome).toBe('ignored: already refunded');
    expect((await orderOf(order.reference)).history.filter((h: { to: string }) => h.to === 'cancelled')).toHaveLength(1);
  });

  test('an unpaid order past its delay cancels its PaymentIntent and releases the stock', async () => {
    const lifecycle = app.strapi.service('api::order.lifecycle');
    await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000));
    const before = await stockOf(app, 'kraft-shipping-box');
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 2000]]);
    const intentId = await intentOf(order.reference);
    expect(await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect(fake.paymentIntents.get(intentId)!.status).toBe('canceled');
    expect((await orderOf(order.reference)).status).toBe('cancelled');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(before);
  });

  test('an order whose payment Stripe cannot answer for waits, while the others expire', async () => {
    const lifecycle = app.strapi.service('api::order.lifecycle');
    await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000));
    const broken = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const fine = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    await app.strapi.db.query('api::order.order').update({ where: { reference: broken.order.reference }, data: { paymentIntentId: 'pi_unknown_to_stripe' } });
    expect(await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect((await orderOf(broken.order.reference)).status).toBe('awaiting_payment');
    expect((await orderOf(fine.order.reference)).status).toBe('cancelled');
    await app.strapi.db.query('api::order.order').update({ where: { reference: broken.order.reference }, data: { status: 'cancelled' } });
  });
});

describe('webhook security', () => {
  test.each([
    ['a tampered body', (p: string) => ({ payload: p.replace('"amount":', '"amount":1'), header: stripe.webhooks.generateTestHeaderString({ payload: p, secret: fake.webhookSecret }) })],
    ['a wrong secret', (p: string) => ({ payload: p, header: stripe.webhooks.generateTestHeaderString({ payload: p, secret: 'whsec_wrong' }) })],
    ['a stale timestamp', (p: string) => ({ payload: p, header: stripe.webhooks.generateTestHeaderString({ payload: p, secret: fake.webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 3600 }) })],
    ['no signature', (p: string) => ({ payload: p, header: '' })],
  ])('refuses %s with 400 and changes nothing', async (_name, forge) => {
    const { order } = await placeOrder(app, jwt, [['recycled-mailer-bag', 1000]]);
    const intentId = await intentOf(order.reference);
    await payInBrowser(intentId);
    const { payload, header } = forge(JSON.stringify(fake.event('payment_intent.succeeded', intentId)));
    const before = await snapshot(app.strapi);
    const res = header ? await deliver(payload, header) : await app.api().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').send(payload);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/signature|Stripe-Signature/i);
    expect(await snapshot(app.strapi)).toEqual(before);
    expect((await orderOf(order.reference)).status).toBe('awaiting_payment');
  });

  test('a malformed body is refused', async () => {
    const res = await deliver('{not json');
    expect(res.status).toBe(400);
  });
});

describe('reliability', () => {
  /** A reproducible shuffle, so that a failure can be replayed. */
  const shuffle = <T>(items: T[], seed: number) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  test.each([1, 2, 3, 4, 5])('every event delivered three times in shuffled order has one effect each (seed %i)', async (seed) => {
    const stockBefore = await stockOf(app, 'kraft-shipping-box');
    const paid = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const retried = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const refunded = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const [paidIntent, retriedIntent, refundedIntent] = await Promise.all([paid, retried, refunded].map((o) => intentOf(o.order.reference)));

    await payInBrowser(paidIntent);
    const paidEvent = fake.event('payment_intent.succeeded', paidIntent);
    // First card declined, second accepted, on the same intent.
    await payInBrowser(retriedIntent, 'pm_card_chargeDeclined');
    const failedEvent = fake.event('payment_intent.payment_failed', retriedIntent);
    await payInBrowser(retriedIntent);
    const retriedEvent = fake.event('payment_intent.succeeded', retriedIntent);
    await payInBrowser(refundedIntent);
    const refundedPaidEvent = fake.event('payment_intent.succeeded', refundedIntent);
    await stripe.refunds.create({ payment_intent: refundedIntent });
    const refundEvent = fake.event('charge.refunded', refundedIntent);

    const events = [paidEvent, failedEvent, retriedEvent, refundedPaidEvent, refundEvent];
    const deliveries = shuffle([...events, ...events, ...events], seed);
    const outcomes = [];
    for (const event of deliveries) {
      const res = await deliver(JSON.stringify(event));
      expect(res.status).toBe(200);
      outcomes.push(res.body.outcome);
    }
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(10);

    expect((await orderOf(paid.order.reference)).status).toBe('paid');
    expect((await orderOf(retried.order.reference)).status).toBe('paid');
    expect((await orderOf(refunded.order.reference)).status).toBe('cancelled');
    for (const ref of [paid.order.reference, retried.order.reference]) {
      expect((await orderOf(ref)).history.filter((h: { to: string }) => h.to === 'paid')).toHaveLength(1);
    }
    // Two orders keep their units; the refunded one gave its units back exactly once.
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stockBefore - 2000);
    const applied = await app.strapi.db.query('api::order.payment-event').count({ where: { eventId: { $in: events.map((e) => e.id) } } });
    expect(applied).toBe(5);
    // One receipt per paid order, however often its events came; the refunded one is cancelled once.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const mailed = (reference: string, subject: RegExp) => app.mailbox.mailsTo(customerEmail).filter((m) => m.subject.includes(reference) && subject.test(m.subject));
    for (const ref of [paid.order.reference, retried.order.reference]) expect(mailed(ref, /^Reçu de la commande/)).toHaveLength(1);
    expect(mailed(refunded.order.reference, /annulée$/)).toHaveLength(1);
    expect(mailed(refunded.order.reference, /^Reçu de la commande/).length).toBeLessThanOrEqual(1);
  });

  test('a checkout retried after a dropped connection makes one order, and its pay page one payment', async () => {
    await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product: 'recycled-mailer-bag', quantity: 1000 }).expect(200);
    const key = randomUUID();
    const body = JSON.stringify({ idempotencyKey: key });
    // A listening server of its own, so that a real socket can be cut.
    const server = http.createServer(app.strapi.server.app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // The client sends the checkout, then its connection drops before any answer.
    await new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/checkout', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...bearer(jwt) } });
      req.on('error', () => resolve());
      req.end(body, () => setTimeout(() => {
        req.destroy();
        resolve();
      }, 5));
    });
    // The retry with the same key answers with the order the first attempt made.
    let retry;
    for (let attempt = 0; attempt < 20; attempt++) {
      retry = await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: key });
      if (retry.status === 201) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(retry!.status).toBe(201);
    const reference = retry!.body.data.order.reference;
    const orders = await app.strapi.db.query('api::order.order').findMany({ where: { idempotencyKey: { $endsWith: key } } });
    expect(orders).toHaveLength(1);
    expect(orders[0].reference).toBe(reference);
    // The pay page starts the payment; a second start (a reload, an answer lost) reuses it.
    const first = await startPayment(reference);
    const again = await startPayment(reference);
    expect(again.payment.clientSecret).toBe(first.payment.clientSecret);
    expect([...fake.paymentIntents.values()].filter((pi) => pi.metadata.orderReference === reference)).toHaveLength(1);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
