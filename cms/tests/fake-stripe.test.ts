import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Stripe from 'stripe';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';

// The fake is only worth something if the real SDK accepts it, so every check goes through `stripe`.
let fake: FakeStripe;
let stripe: Stripe;
const clientFor = (key: string) => new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });

/** Runs an SDK call that must fail and returns the error it threw. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the Stripe call to fail');
}

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = clientFor(fake.secretKey);
});
afterAll(() => fake.close());

describe('payment intents through the stripe SDK', () => {
  test('creating twice with one idempotency key makes one intent and answers with the same id', async () => {
    const params = { amount: 4200, currency: 'eur', metadata: { orderReference: 'VT-1' }, automatic_payment_methods: { enabled: true } };
    const before = fake.paymentIntents.size;
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-VT-1' });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-VT-1' });

    expect(second.id).toBe(first.id);
    expect(second.client_secret).toBe(first.client_secret);
    expect(fake.paymentIntents.size).toBe(before + 1);
    expect(first).toMatchObject({ object: 'payment_intent', amount: 4200, currency: 'eur', status: 'requires_payment_method', metadata: { orderReference: 'VT-1' }, livemode: false });
    expect(first.client_secret).toMatch(new RegExp(`^${first.id}_secret_`));
    expect(fake.requests.filter((r) => r.idempotencyKey === 'order-VT-1')).toHaveLength(2);
    expect(fake.requests.at(-1)?.params).toMatchObject({ metadata: { orderReference: 'VT-1' }, automatic_payment_methods: { enabled: 'true' } });
  });

  test('reusing an idempotency key with a different body is an idempotency error', async () => {
    await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' }, { idempotencyKey: 'order-VT-2' });
    const error = await failure(stripe.paymentIntents.create({ amount: 2000, currency: 'eur' }, { idempotencyKey: 'order-VT-2' }));

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
  });

  test('a missing amount is rejected as an invalid request naming the param', async () => {
    const error = await failure(stripe.paymentIntents.create({ currency: 'eur' } as Stripe.PaymentIntentCreateParams));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: 'amount' });
  });

  test('confirming with pm_card_visa succeeds and records a charge', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 2500, currency: 'eur', allowed_payment_method_types: ['card'] });
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });

    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.amount_received).toBe(2500);
    expect(confirmed.latest_charge).toMatch(/^ch_/);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  test('confirming server-side with default automatic payment methods needs a return_url, like Stripe', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 2500, currency: 'eur' });
    expect(intent.automatic_payment_methods).toMatchObject({ enabled: true });

    expect(await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }))).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', return_url: 'https://shop.example/checkout/done' });
    expect(confirmed.status).toBe('succeeded');
  });

  test('creating with confirm=true and a payment method processes the payment at once', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 900, currency: 'eur', confirm: true, payment_method: 'pm_card_visa', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });

    expect(intent.status).toBe('succeeded');
  });

  test('a declined card throws StripeCardError carrying the decline code and the intent', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 2500, currency: 'eur', allowed_payment_method_types: ['card'] });
    const error = await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }));

    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
    expect((error as Stripe.errors.StripeCardError).payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  test('setOutcome overrides the payment method on the next confirm only', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: 'eur', allowed_payment_method_types: ['card'] });
    fake.setOutcome(intent.id, 'decline');
    const error = await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(error).toMatchObject({ type: 'StripeCardError', decline_code: 'generic_decline' });

    expect((await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded');
  });

  test('retrieving an unknown intent is a 404 resource_missing', async () => {
    const error = await failure(stripe.paymentIntents.retrieve('pi_doesnotexist'));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  test('an open intent can be canceled but a succeeded one cannot', async () => {
    const open = await stripe.paymentIntents.create({ amount: 300, currency: 'eur' });
    expect((await stripe.paymentIntents.cancel(open.id)).status).toBe('canceled');

    const paid = await stripe.paymentIntents.create({ amount: 300, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] });
    const error = await failure(stripe.paymentIntents.cancel(paid.id));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  test('refunding a succeeded intent refunds its charge, once per idempotency key', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] });
    const refund = await stripe.refunds.create({ payment_intent: intent.id }, { idempotencyKey: `refund-${intent.id}` });
    const again = await stripe.refunds.create({ payment_intent: intent.id }, { idempotencyKey: `refund-${intent.id}` });

    expect(refund).toMatchObject({ object: 'refund', status: 'succeeded', amount: 5000, payment_intent: intent.id });
    expect(again.id).toBe(refund.id);
    expect(fake.charges.get(String(intent.latest_charge))).toMatchObject({ refunded: true, amount_refunded: 5000 });
    expect(await failure(stripe.refunds.create({ payment_intent: intent.id }))).toMatchObject({ code: 'charge_already_refunded' });
  });

  test('refunding an intent that has not succeeded is rejected', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'eur' });

    expect(await failure(stripe.refunds.create({ payment_intent: intent.id }))).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  test('a wrong secret key is an authentication error', async () => {
    const error = await failure(clientFor('sk_test_wrong').paymentIntents.retrieve('pi_any'));

    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401 });
  });
});

describe('webhook events through the stripe SDK', () => {
  let payload: string;
  beforeAll(async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1200, currency: 'eur', metadata: { orderReference: 'VT-9' }, payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] });
    payload = JSON.stringify(fake.event('payment_intent.succeeded', intent.id));
  });

  test('a signed event from the fake is accepted by constructEvent', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    const event = stripe.webhooks.constructEvent(payload, header, fake.webhookSecret);

    expect(event.type).toBe('payment_intent.succeeded');
    expect(event.id).toMatch(/^evt_/);
    expect(event.data.object).toMatchObject({ object: 'payment_intent', status: 'succeeded', metadata: { orderReference: 'VT-9' } });
  });

  test('each event has its own id', async () => {
    const intent = JSON.parse(payload).data.object as { id: string };
    expect(fake.event('payment_intent.succeeded', intent.id).id).not.toBe(JSON.parse(payload).id);
  });

  test('a tampered payload is rejected', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    const tampered = payload.replace('"amount":1200', '"amount":1');

    expect(tampered).not.toBe(payload);
    expect(() => stripe.webhooks.constructEvent(tampered, header, fake.webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  test('a payload signed with another secret is rejected', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });

    expect(() => stripe.webhooks.constructEvent(payload, header, fake.webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  test('a signature older than the tolerance is rejected', () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret, timestamp: tenMinutesAgo });

    expect(() => stripe.webhooks.constructEvent(payload, header, fake.webhookSecret)).toThrow(/tolerance/);
    expect(() => stripe.webhooks.constructEvent(payload, header, fake.webhookSecret, 300)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  test('charge.refunded carries the refunded charge of the intent', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 800, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] });
    await stripe.refunds.create({ payment_intent: intent.id, amount: 300 });
    await stripe.refunds.create({ payment_intent: intent.id });
    const refundedPayload = JSON.stringify(fake.event('charge.refunded', intent.id));
    const header = stripe.webhooks.generateTestHeaderString({ payload: refundedPayload, secret: fake.webhookSecret });

    const event = stripe.webhooks.constructEvent(refundedPayload, header, fake.webhookSecret);
    expect(event.type).toBe('charge.refunded');
    expect(event.data.object).toMatchObject({ object: 'charge', payment_intent: intent.id, amount_refunded: 800, refunded: true });
  });
});
