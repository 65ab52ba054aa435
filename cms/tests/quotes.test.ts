import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, dayInFrance, formatDocumentNumber, type ConsultantQuote, type Quote } from '@ventalis/contracts';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, companyIdOf, createConsultant, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { payWithCard, stockOf } from './support/orders';
import { dayClearOfMidnightInFrance, MIDNIGHT_WAIT_MS } from './support/calendar';

/**
 * Quotes: a buyer turns their cart into a request with a message; the company's consultant
 * adjusts prices, quantities and validity and sends it (the buyer gets it by email with its
 * PDF); the buyer accepts it (an order at the quoted prices, the checkout's rules applied,
 * stock reserved then) or declines it; an offer past its last day cannot be accepted. Only
 * those who see a quote may act on it, and a refused request writes nothing.
 */
let app: TestApp;
type Person = { id: number; email: string; jwt: string };
const people = {} as Record<'admin' | 'buyer' | 'otherBuyer' | 'accountant' | 'stranger' | 'consultant' | 'otherConsultant', Person>;
let companyId: number;
/** The year quotes are numbered in, read clear of midnight in Paris (a year may end then). */
let year = 0;
/** The day in France when asked: a run that crosses midnight there must not offer yesterday. */
const today = () => dayInFrance();
const QUOTE = 'api::quote.quote';

const as = (who: keyof typeof people) => ({
  get: (url: string) => app.api().get(url).set(bearer(people[who].jwt)),
  post: (url: string, body: object = {}) => app.api().post(url).set(bearer(people[who].jwt)).send(body),
  put: (url: string, body: object = {}) => app.api().put(url).set(bearer(people[who].jwt)).send(body),
});
const fillCart = async (who: keyof typeof people, items: [string, number][]) => {
  for (const [product, quantity] of items) await as(who).post('/api/cart/items', { product, quantity }).expect(200);
};
const ask = async (who: keyof typeof people, items: [string, number][], body: object = { message: 'Bonjour, un prix pour ces quantités ?' }) => {
  await fillCart(who, items);
  const res = await as(who).post('/api/quotes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as Quote;
};
/** The offer as last sent: what the buyer's page names when accepting. */
const sentAtOf = async (number: string) => new Date((await app.strapi.db.query(QUOTE).findOne({ where: { number }, select: ['sentAt'] })).sentAt).toISOString();
const offer = async (number: string, body: object) => {
  const res = await as('consultant').put(`/api/consultant/quotes/${number}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as ConsultantQuote;
};
/** A request that must be refused with this status and code, and write nothing. */
const refusedUnchanged = async (send: () => PromiseLike<{ status: number; body: any }>, status: number, code: string | null) => {
  const before = await snapshot(app.strapi);
  const res = await send();
  const answered = res.body?.error?.details?.code ?? Object.values(res.body?.error?.details?.codes ?? {}).map((c: any) => c.code)[0];
  expect({ status: res.status, code: code === null ? null : answered }, JSON.stringify(res.body)).toEqual({ status, code });
  expect(await snapshot(app.strapi)).toEqual(before);
  return res;
};
const pdfText = (bytes: Buffer) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quote-'));
  try {
    const file = path.join(dir, 'quote.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  year = Number((await dayClearOfMidnightInFrance()).slice(0, 4));
  app = await startApp();
  await seedCatalogue(app.strapi);
  const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ id: registered.id, email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt });
  const consultant = await createConsultant(app, { firstName: 'Claire', lastName: 'Devis' });
  people.consultant = await signIn(consultant);
  people.otherConsultant = await signIn(await createConsultant(app, { firstName: 'Paul', lastName: 'Autre' }));
  people.admin = await signIn(await registerCustomer(app, { companyName: 'Maison Devis' }));
  people.buyer = await signIn(await registerCustomer(app, { companyName: 'tmp buyer', firstName: 'Bruno', lastName: 'Petit' }));
  people.otherBuyer = await signIn(await registerCustomer(app, { companyName: 'tmp other buyer' }));
  people.accountant = await signIn(await registerCustomer(app, { companyName: 'tmp accountant' }));
  people.stranger = await signIn(await registerCustomer(app, { companyName: 'Autre Maison' }));
  companyId = (await companyIdOf(app, people.admin.id))!;
  await joinCompany(app, people.buyer.id, companyId, 'buyer');
  await joinCompany(app, people.otherBuyer.id, companyId, 'buyer');
  await joinCompany(app, people.accountant.id, companyId, 'accountant');
  // Both companies are followed by Claire; the other consultant follows none of them.
  const claire = await app.strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: consultant.id } }, select: ['id'] });
  for (const id of [companyId, (await companyIdOf(app, people.stranger.id))!]) await app.strapi.db.query('api::company.company').update({ where: { id }, data: { consultant: claire.id } });
  for (const who of ['admin', 'buyer', 'otherBuyer', 'accountant', 'stranger'] as const) await app.strapi.service('api::conversation.membership').syncMemberConversations(people[who].id);
}, 120_000 + MIDNIGHT_WAIT_MS);
afterAll(async () => {
  await app?.stop();
});

describe('a buyer asks for a quote from their cart', () => {
  let quote: Quote;

  test('with a message and a quantity beyond the stock: the request holds the cart at the company prices, and the cart is emptied', async () => {
    quote = await ask('buyer', [['kraft-shipping-box', 1000], ['plant-based-dish-soap', 1100]], {
      message: 'Bonjour,\nil nous faudrait 80 000 boîtes pour janvier : quel prix ?',
      lines: [{ product: 'kraft-shipping-box', quantity: 80_000 }],
    });
    expect(quote).toMatchObject({
      number: formatDocumentNumber('quote', year, 1),
      status: 'requested',
      sentAt: null,
      validUntil: null,
      requestedBy: 'Bruno Petit',
      companyName: 'Maison Devis',
      orderReference: null,
      lines: [
        { productSlug: 'kraft-shipping-box', quantity: 80_000, minQuantity: 1000, quantityStep: 100 },
        { productSlug: 'plant-based-dish-soap', quantity: 1100 },
      ],
      history: [{ from: null, to: 'requested', by: 'customer', byName: 'Bruno Petit' }],
    });
    const [box] = quote.lines;
    expect(box!.pricePer1000Cents).toBe(box!.listPricePer1000Cents);
    expect(box!.amounts.exclVatCents).toBe(80 * box!.pricePer1000Cents);
    expect(quote.totals.exclVatCents).toBe(quote.lines.reduce((sum, line) => sum + line.amounts.exclVatCents, 0));
    expect((await as('buyer').get('/api/cart')).body.data.lines).toEqual([]);
  });

  test('the request opens a conversation about it with the consultant, its message first, and the consultant hears of it by email', async () => {
    expect(quote.conversationId).toEqual(expect.any(Number));
    const conversation = (await as('consultant').get(`/api/conversations/${quote.conversationId}`)).body.data;
    expect(conversation).toMatchObject({ quote: quote.number, order: null });
    expect(conversation.lastMessage).toMatchObject({ body: quote.message, sender: { id: people.buyer.id } });
    // Those who see the quote are in it: the buyer who asked, the admins and accountants; not the other buyer.
    const inIt = (who: keyof typeof people) => as(who).get(`/api/conversations/${quote.conversationId}`).then((res) => res.status);
    expect({ admin: await inIt('admin'), accountant: await inIt('accountant'), otherBuyer: await inIt('otherBuyer'), stranger: await inIt('stranger') }).toEqual({ admin: 200, accountant: 200, otherBuyer: 404, stranger: 404 });
    const mail = await app.mailbox.waitFor((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: people.consultant.id } })).email, new RegExp(`Demande de devis ${quote.number} de Maison Devis`));
    expect(mail.text).toContain('il nous faudrait 80 000 boîtes pour janvier');
    expect(mail.text).toContain(`/consultant/quotes/${quote.number}`);
  });

  test('those who see it: the buyer who asked, the company’s admins and accountants, its consultant; nobody else', async () => {
    const status = async (who: keyof typeof people, url: string) => (await as(who).get(url)).status;
    expect({
      buyer: await status('buyer', `/api/quotes/${quote.number}`),
      admin: await status('admin', `/api/quotes/${quote.number}`),
      accountant: await status('accountant', `/api/quotes/${quote.number}`),
      otherBuyer: await status('otherBuyer', `/api/quotes/${quote.number}`),
      stranger: await status('stranger', `/api/quotes/${quote.number}`),
      consultant: await status('consultant', `/api/consultant/quotes/${quote.number}`),
      otherConsultant: await status('otherConsultant', `/api/consultant/quotes/${quote.number}`),
    }).toEqual({ buyer: 200, admin: 200, accountant: 200, otherBuyer: 404, stranger: 404, consultant: 200, otherConsultant: 404 });
    const numbers = async (who: keyof typeof people, url = '/api/quotes') => ((await as(who).get(url)).body.data as Quote[]).map((q) => q.number);
    expect(await numbers('otherBuyer')).toEqual([]);
    expect(await numbers('accountant')).toEqual([quote.number]);
    expect(await numbers('consultant', '/api/consultant/quotes?status=requested')).toEqual([quote.number]);
    expect(await numbers('consultant', '/api/consultant/quotes?status=sent')).toEqual([]);
    expect(await numbers('otherConsultant', '/api/consultant/quotes')).toEqual([]);
  });

  test('a request is refused, writing nothing, from an empty cart, from an accountant, with a bad message or quantity, or for a product not in the cart', async () => {
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: 'Un devis ?' }), 400, 'cart.empty');
    await fillCart('otherBuyer', [['kraft-shipping-box', 1000]]);
    await refusedUnchanged(() => as('accountant').post('/api/quotes', { message: 'Un devis ?' }), 403, 'company.ordering_not_allowed');
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: '   ' }), 400, 'text.required');
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: 'Un devis ?', lines: [{ product: 'kraft-shipping-box', quantity: 1050 }] }), 400, 'quantity.wrong_step');
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: 'Un devis ?', lines: [{ product: 'plant-based-dish-soap', quantity: 2000 }] }), 400, 'cart.line_not_found');
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: 'Un devis ?', lines: [{ product: 'kraft-shipping-box', quantity: 2000 }, { product: 'kraft-shipping-box', quantity: 3000 }] }), 400, 'quote.duplicate_product');
    await refusedUnchanged(() => as('otherBuyer').post('/api/quotes', { message: 'Un devis ?', lines: [{ product: 'kraft-shipping-box', quantity: 99_999_000 }] }), 400, 'quote.too_large');
    await refusedUnchanged(() => app.api().post('/api/quotes').send({ message: 'Un devis ?' }), 403, null);
    await app.api().delete('/api/cart').set(bearer(people.otherBuyer.jwt)).expect(200);
  });

  test('its PDF waits for the offer', async () => {
    await refusedUnchanged(() => as('buyer').get(`/api/quotes/${quote.number}/pdf`), 400, 'quote.not_open');
  });
});

describe('the consultant sends the offer', () => {
  let quote: Quote;
  beforeAll(async () => {
    quote = (await as('buyer').get('/api/quotes')).body.data[0];
  });

  test('bad offers are refused with the reason, and nothing is written', async () => {
    const line = { product: 'kraft-shipping-box', quantity: 60_000, pricePer1000Cents: 20_000 };
    const url = `/api/consultant/quotes/${quote.number}`;
    const cases: [object, string][] = [
      [{ lines: [{ ...line, pricePer1000Cents: 0 }] }, 'quote.price_not_positive'],
      [{ lines: [{ ...line, pricePer1000Cents: -500 }] }, 'quote.price_not_positive'],
      [{ lines: [] }, 'list.too_short'],
      [{ lines: [line, { ...line, quantity: 2000 }] }, 'quote.duplicate_product'],
      [{ lines: [{ ...line, quantity: 60_050 }] }, 'quantity.wrong_step'],
      [{ lines: [{ ...line, product: 'no-such-product' }] }, 'cart.product_not_found'],
      [{ lines: [line], validUntil: addDays(today(), -1) }, 'quote.validity_in_past'],
      [{ lines: [line], validUntil: addDays(today(), 366) }, 'quote.validity_too_long'],
      [{ lines: [line], validUntil: '2026-02-30' }, 'value.invalid_format'],
      // 100 million boxes at 1 million euros per 1,000: more than one order can hold.
      [{ lines: [{ ...line, quantity: 100_000_000, pricePer1000Cents: 100_000_000 }] }, 'quote.too_large'],
    ];
    for (const [body, code] of cases) await refusedUnchanged(() => as('consultant').put(url, body), 400, code);
    await refusedUnchanged(() => as('otherConsultant').put(url, { lines: [line] }), 404, 'quote.not_found');
    await refusedUnchanged(() => as('buyer').put(url, { lines: [line] }), 403, null);
  });

  test('adjusted prices and quantities, 30 days by default: the buyer gets it by email with its PDF', async () => {
    const sent = await offer(quote.number, {
      lines: [
        { product: 'kraft-shipping-box', quantity: 60_000, pricePer1000Cents: 9_000 },
        { product: 'plant-based-dish-soap', quantity: 2000, pricePer1000Cents: 1_000 },
      ],
      comment: 'Prix spécial pour 60 000 boîtes ; le reste suivra en février.',
    });
    expect(sent).toMatchObject({
      status: 'sent',
      validUntil: addDays(today(), 30),
      comment: 'Prix spécial pour 60 000 boîtes ; le reste suivra en février.',
      client: { id: people.buyer.id, companyId },
      lines: [
        { productSlug: 'kraft-shipping-box', quantity: 60_000, pricePer1000Cents: 9_000, amounts: { exclVatCents: 540_000 } },
        { productSlug: 'plant-based-dish-soap', quantity: 2000, pricePer1000Cents: 1_000, amounts: { exclVatCents: 2_000 } },
      ],
      totals: { exclVatCents: 542_000 },
    });
    expect(sent.history.map((e) => [e.from, e.to, e.by])).toEqual([[null, 'requested', 'customer'], ['requested', 'sent', 'consultant']]);
    const mail = await app.mailbox.waitFor(people.buyer.email, new RegExp(`Votre devis ${quote.number} est prêt`));
    expect(mail.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('5 420,00 € HT');
    expect(mail.text).toContain('Prix spécial pour 60 000 boîtes');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: `${quote.number}.pdf`, contentType: 'application/pdf' });
    const text = pdfText(mail.attachments[0]!.content);
    expect(text).toContain('Devis');
    expect(text).toContain(quote.number);
    expect(text).toMatch(/Valable jusqu’au\s+\d+ \S+ \d{4}/);
    expect(text).toContain('60 000');
    expect(text).toContain('5 420,00 €');
    expect(text).toContain('Maison Devis');
  });

  test('the buyer, and those who see it, download the same PDF; nobody else', async () => {
    const res = await as('accountant').get(`/api/quotes/${quote.number}/pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(pdfText(res.body)).toContain(quote.number);
    expect((await as('consultant').get(`/api/consultant/quotes/${quote.number}/pdf`)).status).toBe(200);
    await refusedUnchanged(() => as('otherBuyer').get(`/api/quotes/${quote.number}/pdf`), 404, 'quote.not_found');
    await refusedUnchanged(() => as('otherConsultant').get(`/api/consultant/quotes/${quote.number}/pdf`), 404, 'quote.not_found');
  });

  test('accepting it is refused while the stock is short, for someone who does not see it, and for an accountant; nothing is written', async () => {
    const accept = async (who: keyof typeof people) => as(who).post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() });
    await refusedUnchanged(() => accept('buyer'), 400, 'checkout.stock_short');
    await refusedUnchanged(() => accept('otherBuyer'), 404, 'quote.not_found');
    await refusedUnchanged(() => accept('stranger'), 404, 'quote.not_found');
    await refusedUnchanged(() => accept('accountant'), 403, 'company.ordering_not_allowed');
    await refusedUnchanged(async () => as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: 'not-a-uuid' }), 400, 'value.invalid_format');
  });

  test('a revised offer replaces it; accepting it orders at the quoted prices, reserves the stock, and the quote is accepted', async () => {
    const seenOffer = await sentAtOf(quote.number);
    const revised = await offer(quote.number, {
      lines: [
        { product: 'kraft-shipping-box', quantity: 40_000, pricePer1000Cents: 9_000 },
        { product: 'plant-based-dish-soap', quantity: 2000, pricePer1000Cents: 1_000 },
      ],
      validUntil: addDays(today(), 10),
    });
    expect(revised).toMatchObject({ status: 'sent', validUntil: addDays(today(), 10), comment: null, totals: { exclVatCents: 362_000 } });
    // The page opened before the revision names the old offer: refused, the new one must be read first.
    await refusedUnchanged(() => as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: seenOffer, idempotencyKey: randomUUID() }), 400, 'quote.revised');
    const stock = await stockOf(app, 'kraft-shipping-box');
    const idempotencyKey = randomUUID();
    const res = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const order = res.body.data.order;
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      lines: [
        { productSlug: 'kraft-shipping-box', quantity: 40_000, pricePer1000Cents: 9_000, amounts: { exclVatCents: 360_000 } },
        { productSlug: 'plant-based-dish-soap', quantity: 2000, pricePer1000Cents: 1_000, amounts: { exclVatCents: 2_000 } },
      ],
      totals: { exclVatCents: 362_000 },
    });
    // Paid as any order: the pay page starts its payment.
    expect(res.body.data).toEqual({ order: expect.objectContaining({ reference: order.reference }) });
    expect(await stockOf(app, 'kraft-shipping-box')).toBe(stock - 40_000);
    const accepted = (await as('buyer').get(`/api/quotes/${quote.number}`)).body.data as Quote;
    expect(accepted).toMatchObject({ status: 'accepted', orderReference: order.reference });
    expect(accepted.history.map((e) => e.to)).toEqual(['requested', 'sent', 'sent', 'accepted']);
    // The same submission again gives the same order; another one is refused: the quote is used.
    const again = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey });
    expect(again.body.data.order.reference).toBe(order.reference);
    await refusedUnchanged(async () => as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() }), 400, 'quote.not_open');
    await refusedUnchanged(() => as('consultant').put(`/api/consultant/quotes/${quote.number}`, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 1 }] }), 400, 'quote.not_open');
    await refusedUnchanged(() => as('buyer').post(`/api/quotes/${quote.number}/decline`, {}), 400, 'quote.not_open');
    // Paid like any order, at the quoted total.
    await payWithCard(app, people.buyer.jwt, order.reference).expect(200);
    expect((await as('buyer').get(`/api/orders/${order.reference}`)).body.data).toMatchObject({ status: 'paid', totals: { exclVatCents: 362_000 } });
  });
});

describe('the buyer’s answer', () => {
  test('declining, with a reason, closes the quote', async () => {
    const quote = await ask('admin', [['kraft-shipping-box', 2000]]);
    await offer(quote.number, { lines: [{ product: 'kraft-shipping-box', quantity: 2000, pricePer1000Cents: 10_000 }] });
    const res = await as('admin').post(`/api/quotes/${quote.number}/decline`, { reason: 'Trop cher pour nous' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'declined' });
    expect(res.body.data.history.at(-1)).toMatchObject({ from: 'sent', to: 'declined', by: 'customer', comment: 'Trop cher pour nous' });
    await refusedUnchanged(async () => as('admin').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() }), 400, 'quote.not_open');
  });

  test('an admin accepts a quote a buyer asked for, on invoice: the order follows the company’s terms', async () => {
    const quote = await ask('otherBuyer', [['plant-based-dish-soap', 1000]]);
    await offer(quote.number, { lines: [{ product: 'plant-based-dish-soap', quantity: 1000, pricePer1000Cents: 500 }] });
    await refusedUnchanged(async () => as('admin').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID(), paymentMethod: 'invoice' }), 400, 'checkout.invoice_not_granted');
    await as('consultant').put(`/api/consultant/companies/${companyId}/terms`, { paymentTerms: 'transfer_30_days', creditLimitCents: 500_000, requirePurchaseOrder: true }).expect(200);
    await refusedUnchanged(async () => as('admin').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID(), paymentMethod: 'invoice' }), 400, 'checkout.purchase_order_required');
    const res = await as('admin').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID(), paymentMethod: 'invoice', purchaseOrderNumber: 'PO-77' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.order).toMatchObject({ status: 'in_progress', paymentMethod: 'invoice', purchaseOrderNumber: 'PO-77', totals: { exclVatCents: 500 } });
    expect((await as('otherBuyer').get(`/api/quotes/${quote.number}`)).body.data.history.at(-1)).toMatchObject({ to: 'accepted', by: 'company_admin' });
    await as('consultant').put(`/api/consultant/companies/${companyId}/terms`, { paymentTerms: 'transfer_30_days', creditLimitCents: 500_000, requirePurchaseOrder: false }).expect(200);
  });

  test('a buyer above their limit: the accepted quote waits for the admins like any order', async () => {
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: people.buyer.id }, data: { orderLimitCents: 10_000 } });
    const quote = await ask('buyer', [['kraft-shipping-box', 1000]]);
    await offer(quote.number, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 20_000 }] });
    const res = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.order).toMatchObject({ status: 'awaiting_approval', approvalReason: 'order_limit' });
    // The admin declines the order: it was never a sale, and the offer is open again.
    await as('admin').post(`/api/company/approvals/${res.body.data.order.reference}/decline`, { comment: 'Pas ce mois-ci' }).expect(200);
    const reopened = (await as('buyer').get(`/api/quotes/${quote.number}`)).body.data as Quote;
    expect(reopened).toMatchObject({ status: 'sent', orderReference: null });
    expect(reopened.history.at(-1)).toMatchObject({ from: 'accepted', to: 'sent', by: 'system', comment: `Order ${res.body.data.order.reference} was not placed in the end: the offer is open again.` });
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: people.buyer.id }, data: { orderLimitCents: null } });
  });
});

describe('an order from a quote that is not paid', () => {
  test('a failed payment gives the stock back and opens the offer again, at its prices, without touching the cart; it can be accepted and paid again', async () => {
    const quote = await ask('buyer', [['plant-based-dish-soap', 3000]]);
    await offer(quote.number, { lines: [{ product: 'plant-based-dish-soap', quantity: 3000, pricePer1000Cents: 700 }] });
    const stock = await stockOf(app, 'plant-based-dish-soap');
    const first = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(await stockOf(app, 'plant-based-dish-soap')).toBe(stock - 3000);
    await fillCart('buyer', [['kraft-shipping-box', 1000]]);
    const cartBefore = (await as('buyer').get('/api/cart')).body.data;

    const declined = await payWithCard(app, people.buyer.jwt, first.body.data.order.reference, '4000 0000 0000 0002');
    expect(declined.body.data?.outcome, JSON.stringify(declined.body)).toBe('payment_failed');
    const failed = (await as('buyer').get(`/api/orders/${first.body.data.order.reference}`)).body.data;
    expect(failed).toMatchObject({ status: 'payment_failed' });
    expect(failed.history.at(-1).comment).toBe('Payment failed: your card was declined. You can accept the quote again.');
    expect(await stockOf(app, 'plant-based-dish-soap')).toBe(stock);
    // The quoted lines did not go to the cart at the day's prices: the offer holds them.
    expect((await as('buyer').get('/api/cart')).body.data).toEqual(cartBefore);
    const reopened = (await as('buyer').get(`/api/quotes/${quote.number}`)).body.data as Quote;
    expect(reopened).toMatchObject({ status: 'sent', orderReference: null });
    expect(reopened.history.map((e) => e.to)).toEqual(['requested', 'sent', 'accepted', 'sent']);

    const second = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.data.order.reference).not.toBe(first.body.data.order.reference);
    await payWithCard(app, people.buyer.jwt, second.body.data.order.reference).expect(200);
    expect((await as('buyer').get(`/api/quotes/${quote.number}`)).body.data).toMatchObject({ status: 'accepted', orderReference: second.body.data.order.reference });
    await app.api().delete('/api/cart').set(bearer(people.buyer.jwt)).expect(200);
  });

  test('an order the buyer cancels before paying opens the offer again', async () => {
    const quote = await ask('buyer', [['plant-based-dish-soap', 1000]]);
    await offer(quote.number, { lines: [{ product: 'plant-based-dish-soap', quantity: 1000, pricePer1000Cents: 800 }] });
    const accepted = await as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    await as('buyer').post(`/api/orders/${accepted.body.data.order.reference}/cancel`).expect(200);
    expect((await as('buyer').get(`/api/quotes/${quote.number}`)).body.data).toMatchObject({ status: 'sent', orderReference: null });
  });
});

describe('a company without a billing address', () => {
  test('gets its offer by email with its PDF, and downloads it: its name, without an address', async () => {
    const strangerCompany = (await companyIdOf(app, people.stranger.id))!;
    const company = await app.strapi.db.query('api::company.company').findOne({ where: { id: strangerCompany }, select: ['documentId'] });
    await app.strapi.documents('api::company.company').update({ documentId: company.documentId, data: { billingAddress: null } as never });
    expect((await app.strapi.db.query('api::company.company').findOne({ where: { id: strangerCompany }, populate: { billingAddress: true } })).billingAddress).toBeNull();
    const quote = await ask('stranger', [['kraft-shipping-box', 1000]]);
    await offer(quote.number, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 9_500 }] });
    const mail = await app.mailbox.waitFor(people.stranger.email, new RegExp(`Votre devis ${quote.number} est prêt`));
    expect(mail.attachments).toHaveLength(1);
    const res = await as('stranger').get(`/api/quotes/${quote.number}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = pdfText(res.body);
    expect(text).toContain(quote.number);
    expect(text).toContain('Autre Maison');
    expect(pdfText(mail.attachments[0]!.content)).toContain('Autre Maison');
  });
});

describe('two answers at once', () => {
  test('two requests sent at once from one cart make one quote; the other finds the cart empty', async () => {
    await fillCart('otherBuyer', [['kraft-shipping-box', 1000]]);
    const count = () => app.strapi.db.query(QUOTE).count({ where: { customer: { id: people.otherBuyer.id } } });
    const before = await count();
    const answers = await Promise.all([1, 2].map(() => as('otherBuyer').post('/api/quotes', { message: 'Un prix, s’il vous plaît' })));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 400]);
    expect(answers.find((res) => res.status === 400)!.body.error.details.code).toBe('cart.empty');
    expect(await count()).toBe(before + 1);
  });

  test('two acceptances of one offer make one order; the other is told the quote is used', async () => {
    const quote = await ask('admin', [['recycled-mailer-bag', 1000]]);
    await offer(quote.number, { lines: [{ product: 'recycled-mailer-bag', quantity: 1000, pricePer1000Cents: 7_000 }] });
    const ordersBefore = await app.strapi.db.query('api::order.order').count({});
    const answers = await Promise.all([0, 1, 2].map(async () => as('admin').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() })));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 400, 400]);
    for (const res of answers.filter((r) => r.status === 400)) expect(res.body.error.details.code).toBe('quote.not_open');
    expect(await app.strapi.db.query('api::order.order').count({})).toBe(ordersBefore + 1);
    const row = await app.strapi.db.query(QUOTE).findOne({ where: { number: quote.number }, populate: { history: true, order: { select: ['reference'] } } });
    expect(row.order.reference).toBe(answers.find((r) => r.status === 201)!.body.data.order.reference);
    expect(row.history.filter((e: { toStatus: string }) => e.toStatus === 'accepted')).toHaveLength(1);
  });
});

describe('an offer past its last day', () => {
  test('reads expired, cannot be accepted or revised, and the daily job records it', async () => {
    const quote = await ask('buyer', [['kraft-shipping-box', 1000]]);
    await offer(quote.number, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 12_000 }], validUntil: today() });
    expect((await as('buyer').get(`/api/quotes/${quote.number}`)).body.data.status).toBe('sent');
    await app.strapi.db.query(QUOTE).update({ where: { number: quote.number }, data: { validUntil: addDays(today(), -1) } });
    expect((await as('buyer').get(`/api/quotes/${quote.number}`)).body.data).toMatchObject({ status: 'expired', validUntil: addDays(today(), -1) });
    expect(((await as('consultant').get('/api/consultant/quotes?status=expired')).body.data as Quote[]).map((q) => q.number)).toContain(quote.number);
    await refusedUnchanged(async () => as('buyer').post(`/api/quotes/${quote.number}/accept`, { offer: await sentAtOf(quote.number), idempotencyKey: randomUUID() }), 400, 'quote.expired');
    await refusedUnchanged(() => as('buyer').post(`/api/quotes/${quote.number}/decline`, {}), 400, 'quote.expired');
    await refusedUnchanged(() => as('consultant').put(`/api/consultant/quotes/${quote.number}`, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 1 }] }), 400, 'quote.not_open');
    expect(await app.strapi.service('api::quote.quotes').expire()).toBe(1);
    expect(await app.strapi.service('api::quote.quotes').expire()).toBe(0);
    const row = await app.strapi.db.query(QUOTE).findOne({ where: { number: quote.number }, populate: { history: true } });
    expect(row.status).toBe('expired');
    expect(row.history.map((e: { toStatus: string; actorRole: string }) => [e.toStatus, e.actorRole]).at(-1)).toEqual(['expired', 'system']);
  });
});

describe('the panel', () => {
  test('reads quotes but cannot write them: they change only through their own steps', async () => {
    const row = await app.strapi.db.query(QUOTE).findOne({ where: {}, select: ['documentId'] });
    const before = await snapshot(app.strapi);
    await expect(app.strapi.documents(QUOTE).update({ documentId: row.documentId, data: { status: 'accepted' } as never })).rejects.toMatchObject({ details: { code: 'quote.read_only' } });
    await expect(app.strapi.documents('api::quote.quote-event').create({ data: { toStatus: 'sent', actorRole: 'system' } as never })).rejects.toMatchObject({ details: { code: 'quote.read_only' } });
    expect(await snapshot(app.strapi)).toEqual(before);
    expect(await app.strapi.documents(QUOTE).count({})).toBeGreaterThan(0);
  });
});
