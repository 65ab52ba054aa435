import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addWorkingDays, paymentDueDate } from '@ventalis/contracts';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, companyIdOf, createConsultant, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { payWithCard, stockOf } from './support/orders';

/**
 * Spending limits: a buyer's checkout above their limit per order or per month waits for an
 * admin of the company, its stock set aside for 3 working days; the admin approves (→ payment)
 * or declines with a comment; nobody deciding in time releases the stock.
 */
const USER = 'plugin::users-permissions.user';
let app: TestApp;
type Person = { id: number; email: string; jwt: string };
const people = {} as Record<'admin' | 'buyer' | 'accountant' | 'otherAdmin', Person>;
let consultantJwt: string;
let companyId: number;

const as = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
});
/** 1,000 kraft boxes are 650.00 € excl. VAT. */
const order = async (who: keyof typeof people, boxes: number, body: object = {}) => {
  await as(who).post('/api/cart/items', { product: 'kraft-shipping-box', quantity: boxes }).expect(200);
  const res = await as(who).post('/api/checkout', { idempotencyKey: randomUUID(), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.order as { reference: string; status: string; approvalReason: string | null; approvalExpiresAt: string | null; placedAt: string };
};
const statusOf = async (reference: string) => (await as('buyer').get(`/api/orders/${reference}`)).body.data;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
  const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ id: registered.id, email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt });
  people.admin = await signIn(await registerCustomer(app, { companyName: 'Maison Limite', firstName: 'Inès' }));
  people.buyer = await signIn(await registerCustomer(app, { companyName: 'tmp buyer', firstName: 'Bruno', lastName: 'Petit' }));
  people.accountant = await signIn(await registerCustomer(app, { companyName: 'tmp accountant' }));
  people.otherAdmin = await signIn(await registerCustomer(app, { companyName: 'Autre Maison' }));
  companyId = (await companyIdOf(app, people.admin.id))!;
  await joinCompany(app, people.buyer.id, companyId, 'buyer', { orderLimitCents: 100_000, monthlyLimitCents: 250_000 });
  await joinCompany(app, people.accountant.id, companyId, 'accountant');
});
afterAll(async () => {
  await app?.stop();
});

describe("a buyer's limits", () => {
  test('within the limit per order and per month, the order goes straight to payment', async () => {
    const placed = await order('buyer', 1000);
    expect(placed).toMatchObject({ status: 'awaiting_payment', approvalReason: null, approvalExpiresAt: null });
    await payWithCard(app, people.buyer.jwt, placed.reference).expect(200);
  });

  test('above the limit per order, it waits for an admin 3 working days, its stock set aside, and the admins are asked', async () => {
    const stock = await stockOf(app, 'kraft-shipping-box');
    const placed = await order('buyer', 2000);
    expect(placed).toMatchObject({ status: 'awaiting_approval', approvalReason: 'order_limit' });
    expect(placed.approvalExpiresAt).toBe(addWorkingDays(new Date(placed.placedAt), 3).toISOString());
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock - 2000);
    // Nothing to pay yet.
    expect((await as('buyer').post(`/api/orders/${placed.reference}/payment`)).status).toBe(400);
    const request = await app.mailbox.waitFor(people.admin.email, new RegExp(`Commande ${placed.reference} de Bruno Petit à valider`));
    expect(request.text).toContain('/fr/account/approvals');
    const placedMail = await app.mailbox.waitFor(people.buyer.email, new RegExp(placed.reference));
    expect(placedMail.text).toContain('attend la validation d’un administrateur de votre entreprise');
  });

  test('above the month’s limit (orders waiting for approval count), it waits too', async () => {
    // This month: 650 € paid + 1,300 € waiting; 650 € more passes 2,500 €.
    const placed = await order('buyer', 1000);
    expect(placed).toMatchObject({ status: 'awaiting_approval', approvalReason: 'monthly_limit' });
  });

  test("an admin's own order has no limit", async () => {
    expect((await order('admin', 5000)).status).toBe('awaiting_payment');
  });
});

describe('deciding', () => {
  test('only an admin of the company decides; the buyer, the accountant, another company and the consultant change nothing', async () => {
    const [pending] = (await as('admin').get('/api/company/approvals')).body.data as { reference: string }[];
    const before = await snapshot(app.strapi);
    for (const who of ['buyer', 'accountant'] as const) {
      const res = await as(who).post(`/api/company/approvals/${pending!.reference}/approve`);
      expect(res.status).toBe(403);
      expect(res.body.error.details.code).toBe('company.admins_only');
      expect((await as(who).get('/api/company/approvals')).status).toBe(403);
    }
    expect((await as('otherAdmin').post(`/api/company/approvals/${pending!.reference}/approve`)).status).toBe(404);
    expect((await as('otherAdmin').get('/api/company/approvals')).body.data).toEqual([]);
    expect((await app.api().post(`/api/company/approvals/${pending!.reference}/approve`).set(bearer(consultantJwt))).status).toBe(403);
    expect((await app.api().post(`/api/company/approvals/${pending!.reference}/approve`)).status).toBe(403);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('the admin lists what waits, oldest first, with the buyer; approving sends the order to payment and tells the buyer', async () => {
    const pending = (await as('admin').get('/api/company/approvals')).body.data as { reference: string; approvalReason: string; buyer: { name: string } }[];
    expect(pending.map((o) => [o.approvalReason, o.buyer.name])).toEqual([
      ['order_limit', 'Bruno Petit'],
      ['monthly_limit', 'Bruno Petit'],
    ]);
    const res = await as('admin').post(`/api/company/approvals/${pending[0]!.reference}/approve`, { comment: 'OK for the spring launch.' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'awaiting_payment', paymentExpiresAt: expect.any(String) });
    const history = (await statusOf(pending[0]!.reference)).history;
    expect(history.at(-1)).toMatchObject({ from: 'awaiting_approval', to: 'awaiting_payment', by: 'company_admin', byName: expect.stringMatching(/^Inès Martin/), comment: 'OK for the spring launch.' });
    const mail = await app.mailbox.waitFor(people.buyer.email, /En attente de paiement/);
    expect(mail.text).toContain('OK for the spring launch.');
    await payWithCard(app, people.buyer.jwt, pending[0]!.reference).expect(200);
    // Decided once: a second decision is refused.
    const again = await as('admin').post(`/api/company/approvals/${pending[0]!.reference}/decline`, { comment: 'Too late' });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toMatchObject({ code: 'approval.not_pending', params: { status: 'paid' } });
  });

  test('declining needs a comment for the buyer; declined, the order is cancelled and its stock back', async () => {
    const [pending] = (await as('admin').get('/api/company/approvals')).body.data as { reference: string }[];
    const before = await snapshot(app.strapi);
    const refused = await as('admin').post(`/api/company/approvals/${pending!.reference}/decline`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.codes.comment).toMatchObject({ code: 'approval.comment_required' });
    expect(await snapshot(app.strapi)).toEqual(before);
    const stock = await stockOf(app, 'kraft-shipping-box');
    const res = await as('admin').post(`/api/company/approvals/${pending!.reference}/decline`, { comment: 'Not this month, sorry.' });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('cancelled');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock + 1000);
    const mail = await app.mailbox.waitFor(people.buyer.email, /annulée/i);
    expect(mail.text).toContain('Not this month, sorry.');
  });

  test('nobody deciding in time cancels the order and releases its stock', async () => {
    await app.strapi.db.query(USER).update({ where: { id: people.buyer.id }, data: { orderLimitCents: 0 } });
    const placed = await order('buyer', 1000);
    expect(placed.status).toBe('awaiting_approval');
    const stock = await stockOf(app, 'kraft-shipping-box');
    const approvals = app.strapi.service('api::company.approvals');
    expect(await approvals.expire(new Date(Date.now() + 60_000))).toBe(0);
    expect(await approvals.expire(addWorkingDays(new Date(), 4))).toBe(1);
    expect((await statusOf(placed.reference)).status).toBe('cancelled');
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock + 1000);
  });

  test('on invoice, approving confirms the order at once', async () => {
    await app.strapi.db.query('api::company.company').update({ where: { id: companyId }, data: { paymentTerms: 'transfer_30_days', creditLimitCents: 1_000_000 } });
    const placed = await order('buyer', 1000, { paymentMethod: 'invoice' });
    expect(placed.status).toBe('awaiting_approval');
    const res = await as('admin').post(`/api/company/approvals/${placed.reference}/approve`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'in_progress', paymentMethod: 'invoice', paymentStatus: 'unpaid', paymentDueAt: paymentDueDate('transfer_30_days', new Date())!.toISOString().slice(0, 10) });
  });

  test('on invoice, an approval the credit no longer allows is refused with the credit left, and changes nothing', async () => {
    const placed = await order('buyer', 1000, { paymentMethod: 'invoice' });
    expect(placed.status).toBe('awaiting_approval');
    // Meanwhile the consultant lowered the credit: the approved order (780 €) leaves 220 €.
    await app.strapi.db.query('api::company.company').update({ where: { id: companyId }, data: { creditLimitCents: 100_000 } });
    const before = await snapshot(app.strapi);
    const res = await as('admin').post(`/api/company/approvals/${placed.reference}/approve`);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'checkout.credit_limit_exceeded', params: { availableCents: 22_000 } });
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
