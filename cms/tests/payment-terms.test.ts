import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { paymentDueDate } from '@ventalis/contracts';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { stockOf } from './support/orders';

/**
 * Payment on invoice: the company's consultant grants it (terms, credit limit, purchase-order
 * numbers required or not); an order on invoice is confirmed without a card, due by the terms'
 * date, within the credit limit and while no invoice is overdue; its payment status is its own.
 */
let app: TestApp;
let jwt: string;
let otherJwt: string;
let consultantJwt: string;
let otherConsultantJwt: string;
let companyId: number;
// 1,000 kraft boxes: 650.00 € excl. VAT, 780.00 € incl. VAT.
const BOXES = 78_000;

const addBoxes = (who = jwt, quantity = 1000) => app.api().post('/api/cart/items').set(bearer(who)).send({ product: 'kraft-shipping-box', quantity }).expect(200);
const checkout = (body: object, who = jwt) => app.api().post('/api/checkout').set(bearer(who)).send({ idempotencyKey: randomUUID(), ...body });
const options = async () => (await app.api().get('/api/checkout/options').set(bearer(jwt)).expect(200)).body.data;
const setTerms = (body: object, who = consultantJwt, id: number | string = companyId) => app.api().put(`/api/consultant/companies/${id}/terms`).set(bearer(who)).send(body);
const emptyCart = () => app.api().delete('/api/cart').set(bearer(jwt)).expect(200);

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
  const customer = await registerCustomer(app, { companyName: 'Maison Terme' });
  jwt = (await login(app, customer.email, customer.password)).jwt;
  companyId = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: customer.id }, populate: { company: true } })).company.id;
  const otherConsultant = await createConsultant(app);
  otherConsultantJwt = (await login(app, otherConsultant.email, otherConsultant.password)).jwt;
  const other = await registerCustomer(app, { companyName: 'Autre SARL' });
  otherJwt = (await login(app, other.email, other.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});

describe('by default a company pays by card', () => {
  test('the checkout offers the card only, and an order on invoice is refused with nothing written', async () => {
    expect(await options()).toMatchObject({ methods: ['card'], paymentTerms: 'card', creditAvailableCents: 0, dueDateIfToday: null });
    await addBoxes();
    const before = await snapshot(app.strapi);
    const res = await checkout({ paymentMethod: 'invoice' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'checkout.invoice_not_granted' });
    expect(await snapshot(app.strapi)).toEqual(before);
    await emptyCart();
  });
});

describe('the consultant grants payment on invoice', () => {
  test('only the consultant following the company may, and bad terms are refused; nothing changes when refused', async () => {
    const valid = { paymentTerms: 'transfer_45_days_end_of_month', creditLimitCents: 200_000, requirePurchaseOrder: false };
    const before = await snapshot(app.strapi);
    expect((await setTerms(valid, otherConsultantJwt)).status).toBe(404);
    expect((await setTerms(valid, jwt)).status).toBe(403);
    expect((await app.api().put(`/api/consultant/companies/${companyId}/terms`).send(valid)).status).toBe(403);
    expect((await setTerms(valid, consultantJwt, 999_999)).status).toBe(404);
    expect((await setTerms(valid, consultantJwt, 'abc')).status).toBe(404);
    for (const [body, field, code] of [
      [{ ...valid, creditLimitCents: -1 }, 'creditLimitCents', 'company.credit_limit_out_of_range'],
      [{ ...valid, creditLimitCents: 100_000_001 }, 'creditLimitCents', 'company.credit_limit_out_of_range'],
      [{ ...valid, paymentTerms: 'transfer_90_days' }, 'paymentTerms', undefined],
      [{ ...valid, creditLimitCents: 12.5 }, 'creditLimitCents', undefined],
    ] as const) {
      const res = await setTerms(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.details.errors)).toContain(field);
      if (code) expect(res.body.error.details.codes[field]).toMatchObject({ code });
    }
    expect(await snapshot(app.strapi)).toEqual(before);
    const res = await setTerms(valid);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(valid);
  });

  test('the consultant reads the terms on the client page', async () => {
    const clients = (await app.api().get('/api/consultant/clients').set(bearer(consultantJwt))).body.data as { id: number; companyName: string }[];
    const client = clients.find((c) => c.companyName === 'Maison Terme')!;
    const detail = await app.api().get(`/api/consultant/clients/${client.id}`).set(bearer(consultantJwt));
    expect(detail.body.data.company).toEqual({ id: companyId, paymentTerms: 'transfer_45_days_end_of_month', creditLimitCents: 200_000, requirePurchaseOrder: false });
  });
});

describe('an order on invoice', () => {
  test('is confirmed at once, unpaid, due 45 days end of month, and mailed with its due date', async () => {
    const today = new Date();
    const due = paymentDueDate('transfer_45_days_end_of_month', today)!.toISOString().slice(0, 10);
    expect(await options()).toMatchObject({ methods: ['card', 'invoice'], creditLimitCents: 200_000, creditAvailableCents: 200_000, overdue: false, dueDateIfToday: due });
    const stock = await stockOf(app, 'kraft-shipping-box');
    await addBoxes();
    const res = await checkout({ paymentMethod: 'invoice', purchaseOrderNumber: '  PO-4411 ' });
    expect(res.status).toBe(201);
    expect(res.body.data.order).toMatchObject({ status: 'in_progress', paymentMethod: 'invoice', paymentStatus: 'unpaid', paymentTerms: 'transfer_45_days_end_of_month', paymentDueAt: due, purchaseOrderNumber: 'PO-4411', paymentExpiresAt: null });
    // Nothing to pay by card: no payment to start.
    const pay = await app.api().post(`/api/orders/${res.body.data.order.reference}/payment`).set(bearer(jwt));
    expect(pay.status).toBe(400);
    expect(pay.body.error.details.code).toBe('payment.nothing_to_pay');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock - 1000);
    expect((await app.api().get('/api/cart').set(bearer(jwt))).body.data.lines).toEqual([]);
    expect(await options()).toMatchObject({ creditAvailableCents: 200_000 - BOXES });
    const account = (await app.api().get('/api/account').set(bearer(jwt))).body.data;
    const mail = await app.mailbox.waitFor(account.email, new RegExp(res.body.data.order.reference));
    expect(mail.text).toContain('(bon de commande PO-4411)');
    expect(mail.text).toContain('payable sur facture, par virement, au plus tard le');
    // Its payment cannot be started by card: there is nothing to pay now.
    expect((await app.api().post(`/api/orders/${res.body.data.order.reference}/payment`).set(bearer(jwt))).status).toBe(400);
  });

  test('beyond the credit left is refused with the amount available; stock and cart stay as they were', async () => {
    await addBoxes();
    expect((await checkout({ paymentMethod: 'invoice' })).status).toBe(201);
    await addBoxes();
    const before = await snapshot(app.strapi);
    const refused = await checkout({ paymentMethod: 'invoice' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ code: 'checkout.credit_limit_exceeded', params: { availableCents: 200_000 - 2 * BOXES } });
    expect(await snapshot(app.strapi)).toEqual(before);
    // By card it goes through.
    const byCard = await checkout({ paymentMethod: 'card' });
    expect(byCard.status).toBe(201);
    expect(byCard.body.data.order).toMatchObject({ status: 'awaiting_payment', paymentMethod: 'card', paymentStatus: 'unpaid', paymentDueAt: null });
  });

  test('cancelled, it owes nothing: no refund, the stock comes back, the credit is free again', async () => {
    const orders = (await app.api().get('/api/orders?scope=ongoing').set(bearer(jwt))).body.data as { reference: string; paymentMethod: string }[];
    const onInvoice = orders.find((o) => o.paymentMethod === 'invoice')!;
    const stock = await stockOf(app, 'kraft-shipping-box');
    const res = await app.api().post(`/api/consultant/orders/${onInvoice.reference}/status`).set(bearer(consultantJwt)).send({ status: 'cancelled', comment: 'Cancelled at your request.' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'cancelled', paymentStatus: 'unpaid' });
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock + 1000);
    expect(await options()).toMatchObject({ creditAvailableCents: 200_000 - BOXES });
  });

  test('shipped and delivered, it can still be unpaid', async () => {
    const orders = (await app.api().get('/api/orders?scope=ongoing').set(bearer(jwt))).body.data as { reference: string; paymentMethod: string; status: string }[];
    const onInvoice = orders.find((o) => o.paymentMethod === 'invoice' && o.status === 'in_progress')!;
    for (const status of ['shipped', 'delivered']) {
      await app.api().post(`/api/consultant/orders/${onInvoice.reference}/status`).set(bearer(consultantJwt)).send({ status, comment: `Now ${status}.` }).expect(200);
    }
    expect((await app.api().get(`/api/orders/${onInvoice.reference}`).set(bearer(jwt))).body.data).toMatchObject({ status: 'delivered', paymentStatus: 'unpaid' });
  });

  test('while one is past its due date, no more orders on invoice; by card still', async () => {
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { company: { id: companyId }, paymentMethod: 'invoice', status: 'delivered' } });
    await app.strapi.db.query('api::order.order').update({ where: { id: row.id }, data: { paymentDueAt: '2026-01-31' } });
    expect(await options()).toMatchObject({ overdue: true });
    await emptyCart();
    await addBoxes(jwt, 1000);
    const before = await snapshot(app.strapi);
    const refused = await checkout({ paymentMethod: 'invoice' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ code: 'checkout.invoice_overdue' });
    expect(await snapshot(app.strapi)).toEqual(before);
    await app.strapi.db.query('api::order.order').update({ where: { id: row.id }, data: { paymentStatus: 'paid' } });
    expect(await options()).toMatchObject({ overdue: false });
    await emptyCart();
  });

  test('two checkouts on invoice at once cannot both spend the last of the credit', async () => {
    // Nothing owed any more (paid or cancelled): room for one order of boxes, not two.
    await setTerms({ paymentTerms: 'transfer_60_days', creditLimitCents: 120_000, requirePurchaseOrder: false }).expect(200);
    const available = (await options()).creditAvailableCents as number;
    expect(available).toBe(120_000);
    // A colleague (a buyer of the same company) and the admin each fill a cart.
    const colleague = await registerCustomer(app, { companyName: 'Maison Terme colleague' });
    await joinCompany(app, colleague.id, companyId, 'buyer');
    const colleagueJwt = (await login(app, colleague.email, colleague.password)).jwt;
    await addBoxes();
    await addBoxes(colleagueJwt);
    const answers = await Promise.all([checkout({ paymentMethod: 'invoice' }), checkout({ paymentMethod: 'invoice' }, colleagueJwt)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    expect(answers.find((a) => a.status === 400)!.body.error.details.code).toBe('checkout.credit_limit_exceeded');
    expect((await options()).creditAvailableCents).toBe(available - BOXES);
  });
});

describe('purchase-order numbers', () => {
  test('required by the company: a checkout without one is refused on the field; with one it is on the order', async () => {
    await setTerms({ paymentTerms: 'transfer_30_days', creditLimitCents: 1_000_000, requirePurchaseOrder: true }).expect(200);
    await emptyCart();
    await addBoxes();
    const before = await snapshot(app.strapi);
    for (const body of [{}, { purchaseOrderNumber: '   ' }]) {
      const refused = await checkout(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.codes.purchaseOrderNumber).toMatchObject({ code: 'checkout.purchase_order_required' });
    }
    const tooLong = await checkout({ purchaseOrderNumber: 'P'.repeat(36) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.codes.purchaseOrderNumber).toMatchObject({ code: 'text.too_long', params: { max: 35 } });
    expect(await snapshot(app.strapi)).toEqual(before);
    const placed = await checkout({ purchaseOrderNumber: 'BC/2026/0042' });
    expect(placed.status).toBe(201);
    const reference = placed.body.data.order.reference;
    expect((await app.api().get(`/api/orders/${reference}`).set(bearer(jwt))).body.data.purchaseOrderNumber).toBe('BC/2026/0042');
    expect((await app.api().get(`/api/consultant/orders/${reference}`).set(bearer(consultantJwt))).body.data.purchaseOrderNumber).toBe('BC/2026/0042');
  });

  test("another company's checkout is untouched by these terms", async () => {
    await addBoxes(otherJwt);
    const res = await checkout({}, otherJwt);
    expect(res.status).toBe(201);
    expect(res.body.data.order).toMatchObject({ paymentMethod: 'card', purchaseOrderNumber: null });
    expect((await checkout({ paymentMethod: 'invoice' }, otherJwt)).status).toBe(400);
  });
});
