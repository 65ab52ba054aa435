import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayInFrance, formatDocumentNumber, type InvoiceDetail, type InvoiceSnapshot, type InvoiceSummary } from '@ventalis/contracts';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, companyIdOf, createConsultant, joinCompany, login, registerCustomer, snapshot, TEST_SELLER } from './support/fixtures';
import { payWithCard } from './support/orders';
import { extractFacturX, validateCii } from './support/facturx';
import { dayClearOfMidnightInFrance, MIDNIGHT_WAIT_MS } from './support/calendar';

/**
 * Invoices: one per order, issued when the sale is certain (a card payment received, an order
 * on invoice confirmed) with the year's next number, frozen, and its Factur-X PDF made after
 * the transaction, stored, and served only to the company's members who see the order.
 */
let app: TestApp;
let consultantJwt: string;
let companyId: number;
type Person = { id: number; email: string; jwt: string };
const people = {} as Record<'admin' | 'buyer' | 'otherBuyer' | 'accountant' | 'stranger', Person>;
/** The year invoices are numbered in, read clear of midnight in Paris (a year may end then). */
let year = 0;

const INVOICE = 'api::document.invoice';
const as = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
});
const order = async (who: keyof typeof people, items: [string, number][], body: object = {}) => {
  for (const [product, quantity] of items) await as(who).post('/api/cart/items', { product, quantity }).expect(200);
  const res = await as(who).post('/api/checkout', { idempotencyKey: randomUUID(), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.order as { reference: string; status: string; totals: { exclVatCents: number; vatCents: number; inclVatCents: number }; lines: unknown[] };
};
/** The order's invoice once what its sale set going in the background is done (null: none). */
const invoiceOfOrder = async (reference: string) => {
  await app.strapi.service('api::document.invoices').idle();
  return app.strapi.db.query(INVOICE).findOne({ where: { order: { reference } }, populate: { order: { select: ['id', 'reference'] } } });
};
const waitForPdf = async (number: string) => {
  for (let i = 0; i < 100; i += 1) {
    const row = await app.strapi.db.query(INVOICE).findOne({ where: { number }, select: ['pdfStatus'] });
    if (row?.pdfStatus === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The PDF of ${number} was not made`);
};

beforeAll(async () => {
  year = Number((await dayClearOfMidnightInFrance()).slice(0, 4));
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
  const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ id: registered.id, email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt });
  people.admin = await signIn(await registerCustomer(app, { companyName: 'Maison Facture' }));
  people.buyer = await signIn(await registerCustomer(app, { companyName: 'tmp buyer' }));
  people.otherBuyer = await signIn(await registerCustomer(app, { companyName: 'tmp other buyer' }));
  people.accountant = await signIn(await registerCustomer(app, { companyName: 'tmp accountant' }));
  people.stranger = await signIn(await registerCustomer(app, { companyName: 'Autre Maison' }));
  companyId = (await companyIdOf(app, people.admin.id))!;
  await joinCompany(app, people.buyer.id, companyId, 'buyer');
  await joinCompany(app, people.otherBuyer.id, companyId, 'buyer');
  await joinCompany(app, people.accountant.id, companyId, 'accountant');
}, 120_000 + MIDNIGHT_WAIT_MS);
afterAll(async () => {
  await app?.stop();
});

describe('an order paid by card', () => {
  let number: string;

  test('gets no invoice while unpaid, then one when paid: the next number, the order as it was sold, settled', async () => {
    const placed = await order('buyer', [['kraft-shipping-box', 1000], ['plant-based-dish-soap', 1100]]);
    expect(await invoiceOfOrder(placed.reference)).toBeNull();
    await payWithCard(app, people.buyer.jwt, placed.reference).expect(200);
    const invoice = await invoiceOfOrder(placed.reference);
    number = invoice.number;
    expect(invoice).toMatchObject({
      number: formatDocumentNumber('invoice', year, 1),
      year,
      sequence: 1,
      paymentMethod: 'card',
      paymentStatus: 'paid',
      totalExclVatCents: placed.totals.exclVatCents,
      totalVatCents: placed.totals.vatCents,
      totalInclVatCents: placed.totals.inclVatCents,
      paidCents: placed.totals.inclVatCents,
    });
    const frozen = invoice.snapshot as InvoiceSnapshot;
    expect(frozen).toMatchObject({
      kind: 'invoice',
      number,
      orderReference: placed.reference,
      vatRegime: 'domestic',
      seller: { legalName: TEST_SELLER.legalName, siren: TEST_SELLER.siren, iban: TEST_SELLER.iban },
      buyer: { legalName: 'Maison Facture' },
      payment: { method: 'card', dueDate: frozen.issueDate },
      totals: { exclVatCents: placed.totals.exclVatCents, vatCents: placed.totals.vatCents, inclVatCents: placed.totals.inclVatCents, dueCents: 0 },
    });
    // 650.00 € of boxes at 20 %, 4,950.00 € of soap at 10 %.
    expect(frozen.totals.vatBreakdown).toEqual([
      { rate: '20', basisCents: 65_000, vatCents: 13_000 },
      { rate: '10', basisCents: 495_000, vatCents: 49_500 },
    ]);
  });

  test('its Factur-X PDF is made after the payment and passes the EN 16931 rules, with the totals of the order', async () => {
    await waitForPdf(number);
    const res = await as('buyer').get(`/api/invoices/${number}/pdf`).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const xml = await extractFacturX(res.body as Buffer);
    const report = await validateCii(xml);
    expect(report.fatal).toEqual([]);
    expect(report.xsd.checked).toBe(true);
    expect(report.ok).toBe(true);
    expect(xml).toContain(`<ram:ID>${number}</ram:ID>`);
    expect(xml).toContain('<ram:GrandTotalAmount>6225.00</ram:GrandTotalAmount>');
    expect(xml).toContain('<ram:DuePayableAmount>0.00</ram:DuePayableAmount>');
  });

  test("is never issued twice: another payment event or the sweep changes nothing", async () => {
    const before = await snapshot(app.strapi);
    expect(await app.strapi.service('api::document.invoices').sweep()).toMatchObject({ issued: 0 });
    const orderId = (await invoiceOfOrder((await app.strapi.db.query(INVOICE).findOne({ where: { number }, populate: { order: true } })).order.reference)).order.id;
    expect(await app.strapi.service('api::document.invoices').issueFor(orderId)).toBeNull();
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('names the consultant who followed the company, by which the panel lists invoices', async () => {
    const company = await app.strapi.db.query('api::company.company').findOne({ where: { id: companyId }, populate: { consultant: { select: ['id'] } } });
    const invoice = await app.strapi.db.query(INVOICE).findOne({ where: { number }, populate: { consultant: { select: ['id'] } } });
    expect(company.consultant.id).toEqual(expect.any(Number));
    expect(invoice.consultant?.id).toBe(company.consultant.id);
  });
});

describe('an order on invoice', () => {
  beforeAll(async () => {
    await app.api().put(`/api/consultant/companies/${companyId}/terms`).set(bearer(consultantJwt)).send({ paymentTerms: 'transfer_30_days', creditLimitCents: 5_000_000, requirePurchaseOrder: false }).expect(200);
  });

  test('is invoiced as it is confirmed at checkout, due by its terms, with its purchase-order number, unpaid', async () => {
    const placed = await order('admin', [['recycled-mailer-bag', 2000]], { paymentMethod: 'invoice', purchaseOrderNumber: 'PO-7781' });
    expect(placed.status).toBe('in_progress');
    const stored = await app.strapi.db.query('api::order.order').findOne({ where: { reference: placed.reference }, select: ['paymentDueAt'] });
    const invoice = await invoiceOfOrder(placed.reference);
    expect(invoice).toMatchObject({ number: formatDocumentNumber('invoice', year, 2), paymentMethod: 'transfer', paymentStatus: 'unpaid', paidCents: 0, dueDate: String(stored.paymentDueAt).slice(0, 10) });
    expect(invoice.snapshot).toMatchObject({ purchaseOrderNumber: 'PO-7781', payment: { method: 'transfer', terms: 'transfer_30_days', paymentReference: invoice.number }, totals: { dueCents: placed.totals.inclVatCents } });
    await waitForPdf(invoice.number);
    const listed = (await as('accountant').get(`/api/invoices/${invoice.number}`).expect(200)).body.data as InvoiceDetail;
    expect(listed).toEqual({
      transfers: [],
      creditNotes: [],
      creditedCents: 0,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      orderReference: placed.reference,
      purchaseOrderNumber: 'PO-7781',
      paymentMethod: 'transfer',
      totalExclVatCents: placed.totals.exclVatCents,
      totalVatCents: placed.totals.vatCents,
      totalInclVatCents: placed.totals.inclVatCents,
      paidCents: 0,
      balanceCents: placed.totals.inclVatCents,
      paymentStatus: 'unpaid',
      overdue: false,
    });
  });
});

describe('who sees which invoice', () => {
  test("a buyer sees their own orders' invoices; admins and accountants all of the company's; nobody else any", async () => {
    const numbers = async (who: keyof typeof people) => ((await as(who).get('/api/invoices').expect(200)).body.data as InvoiceSummary[]).map((i) => i.number);
    const first = formatDocumentNumber('invoice', year, 1);
    const second = formatDocumentNumber('invoice', year, 2);
    expect(await numbers('buyer')).toEqual([first]);
    expect(await numbers('otherBuyer')).toEqual([]);
    expect(await numbers('admin')).toEqual([second, first]);
    expect(await numbers('accountant')).toEqual([second, first]);
    expect(await numbers('stranger')).toEqual([]);
    for (const [who, path] of [
      ['otherBuyer', `/api/invoices/${first}`],
      ['otherBuyer', `/api/invoices/${first}/pdf`],
      ['buyer', `/api/invoices/${second}/pdf`],
      ['stranger', `/api/invoices/${second}`],
      ['stranger', `/api/invoices/${second}/pdf`],
      ['admin', '/api/invoices/F-1999-000001/pdf'],
    ] as const) {
      const res = await as(who).get(path);
      expect({ who, path, status: res.status }).toEqual({ who, path, status: 404 });
      expect(res.body.error.details).toMatchObject({ code: 'invoice.not_found' });
    }
    expect((await app.api().get(`/api/invoices/${first}/pdf`).set(bearer(consultantJwt))).status).toBe(403);
    expect((await app.api().get(`/api/invoices/${first}/pdf`)).status).toBe(403);
  });
});

describe('an issued invoice never changes', () => {
  test('the panel can read it, not edit or delete it, nor add one; nothing is written', async () => {
    const documents = app.strapi.documents(INVOICE as never);
    const [first] = (await documents.findMany({ sort: 'number:asc' } as never)) as unknown as { documentId: string; number: string }[];
    expect(first!.number).toBe(formatDocumentNumber('invoice', year, 1));
    const before = await snapshot(app.strapi);
    await expect(documents.update({ documentId: first!.documentId, data: { totalInclVatCents: 1 } } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
    await expect(documents.delete({ documentId: first!.documentId } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
    await expect(documents.create({ data: { number: 'F-2000-000001' } } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
    await expect(app.strapi.documents('api::document.number-sequence' as never).create({ data: { series: 'invoice', year, lastNumber: 1 } } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});

describe('without the seller details', () => {
  test('a payment still goes through; its invoice is issued by the sweep once an administrator fills them in', async () => {
    const seller = await app.strapi.db.query('api::seller.seller').findOne({ populate: { address: true } });
    await app.strapi.db.query('api::seller.seller').delete({ where: { id: seller.id } });
    const placed = await order('buyer', [['kraft-shipping-box', 1000]]);
    await payWithCard(app, people.buyer.jwt, placed.reference).expect(200);
    expect(await invoiceOfOrder(placed.reference)).toBeNull();
    expect(await app.strapi.service('api::document.invoices').sweep()).toMatchObject({ issued: 0 });
    await app.strapi.documents('api::seller.seller' as never).create({ data: TEST_SELLER } as never);
    expect(await app.strapi.service('api::document.invoices').sweep()).toMatchObject({ issued: 1 });
    expect(await invoiceOfOrder(placed.reference)).toMatchObject({ number: formatDocumentNumber('invoice', year, 3), paymentStatus: 'paid' });
  });
});

describe('a PDF that cannot be made', () => {
  test('is counted and shown, tried again by the sweep, and the invoice is served once it can be made', async () => {
    const placed = await order('buyer', [['kraft-shipping-box', 1000]]);
    await payWithCard(app, people.buyer.jwt, placed.reference).expect(200);
    const invoice = await invoiceOfOrder(placed.reference);
    await waitForPdf(invoice.number);
    // A snapshot the renderer cannot read stands for any failure of the maker (a missing font, say).
    const table = app.strapi.db.getConnection('invoices');
    await table.where({ id: invoice.id }).update({ pdf: null, pdf_status: 'pending', snapshot: JSON.stringify({ ...invoice.snapshot, lines: null }) });
    await app.strapi.service('api::document.invoices').sweep();
    expect(await app.strapi.db.query(INVOICE).findOne({ where: { id: invoice.id }, select: ['pdfStatus', 'pdfAttempts', 'pdfError'] })).toMatchObject({ pdfStatus: 'failed', pdfAttempts: 1, pdfError: expect.any(String) });
    await table.where({ id: invoice.id }).update({ snapshot: JSON.stringify(invoice.snapshot) });
    const res = await as('buyer').get(`/api/invoices/${invoice.number}/pdf`);
    expect(res.status).toBe(200);
    expect(await app.strapi.db.query(INVOICE).findOne({ where: { id: invoice.id }, select: ['pdfStatus', 'pdfError'] })).toMatchObject({ pdfStatus: 'ready', pdfError: null });
  });
});

describe("the seller's details", () => {
  const SELLER = 'api::seller.seller';
  test('are checked by the rules the invoices need, refused field by field with nothing written, and stored as the rules write them', async () => {
    const documents = app.strapi.documents(SELLER as never);
    const current = (await documents.findFirst({ populate: ['address'] } as never)) as unknown as { documentId: string };
    for (const [change, field, code] of [
      [{ siren: '732829321' }, 'siren', 'siren.invalid'],
      [{ siret: '73282932000075' }, 'siret', 'siret.invalid_checksum'],
      [{ siret: '55210055400013' }, 'siret', 'siret.not_of_siren'],
      [{ vatNumber: 'FR40303265045' }, 'vatNumber', 'vat_number.not_of_siren'],
      [{ iban: 'FR7630006000011234567890188' }, 'iban', 'iban.invalid'],
      [{ bic: 'AGRI' }, 'bic', 'bic.invalid'],
      [{ legalName: '' }, 'legalName', 'text.required'],
      [{ address: { line1: '1 rue', postalCode: '69002', city: 'Lyon', country: 'France' } }, 'address.country', 'country.invalid'],
    ] as const) {
      const before = await snapshot(app.strapi);
      const error = await documents.update({ documentId: current.documentId, data: change } as never).then(() => null, (e: { details?: { errors?: { path: string[] }[]; codes?: Record<string, { code: string }> } }) => e);
      expect({ field, paths: error?.details?.errors?.map((e) => e.path.join('.')) }).toEqual({ field, paths: [field] });
      expect(error?.details?.codes?.[field]).toMatchObject({ code });
      expect(await snapshot(app.strapi)).toEqual(before);
    }
    await documents.update({ documentId: current.documentId, data: { iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp', siren: '732 829 320' } } as never);
    expect(await app.strapi.service('api::seller.details').current()).toMatchObject({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', siren: '732829320' });
  });
});

describe('bank transfers and reminders', () => {
  let number: string;
  let total: number;
  let otherConsultantJwt: string;
  const consultant = (jwt = consultantJwt) => ({
    get: (path: string) => app.api().get(path).set(bearer(jwt)),
    post: (path: string, body: object) => app.api().post(path).set(bearer(jwt)).send(body),
  });
  const transfer = (amountCents: number, extra: object = {}, jwt = consultantJwt) =>
    consultant(jwt).post(`/api/consultant/invoices/${number}/transfers`, { amountCents, receivedOn: dayInFrance(), bankReference: 'VIR SEPA MAISON FACTURE', ...extra });
  const creditAvailable = async () => (await as('admin').get('/api/checkout/options').expect(200)).body.data.creditAvailableCents as number;

  beforeAll(async () => {
    const other = await createConsultant(app);
    otherConsultantJwt = (await login(app, other.email, other.password)).jwt;
    const placed = await order('admin', [['kraft-shipping-box', 2000]], { paymentMethod: 'invoice' });
    const invoice = await invoiceOfOrder(placed.reference);
    number = invoice.number;
    total = invoice.totalInclVatCents;
  });

  test("the consultant lists their companies' invoices, filtered; another consultant sees none of them", async () => {
    const mine = (await consultant().get(`/api/consultant/invoices?company=${companyId}&status=unpaid`).expect(200)).body.data as (InvoiceSummary & { company: { legalName: string } })[];
    expect(mine.map((i) => i.number)).toContain(number);
    expect(mine.every((i) => i.paymentStatus === 'unpaid' && i.company.legalName === 'Maison Facture')).toBe(true);
    expect((await consultant(otherConsultantJwt).get('/api/consultant/invoices').expect(200)).body.data).toEqual([]);
    expect((await consultant(otherConsultantJwt).get(`/api/consultant/invoices/${number}`)).status).toBe(404);
    expect((await consultant(otherConsultantJwt).get(`/api/consultant/invoices/${number}/pdf`)).status).toBe(404);
    expect((await consultant().get('/api/consultant/invoices?status=late')).status).toBe(400);
    expect((await as('admin').get('/api/consultant/invoices')).status).toBe(403);
  });

  test('bad transfers are refused with a reason, and nothing is written', async () => {
    const balance = total;
    for (const [res, field, code] of [
      [await transfer(balance + 1), 'amountCents', 'transfer.exceeds_balance'],
      [await transfer(0), 'amountCents', 'transfer.amount_not_positive'],
      [await transfer(-500), 'amountCents', 'transfer.amount_not_positive'],
      [await transfer(10.5), 'amountCents', undefined],
      [await transfer(100, { receivedOn: '2999-01-01' }), 'receivedOn', 'transfer.date_in_future'],
      [await transfer(100, { receivedOn: '2020-01-01' }), 'receivedOn', 'transfer.date_before_invoice'],
      [await transfer(100, { receivedOn: '2026-02-30' }), 'receivedOn', 'value.invalid_format'],
      [await transfer(100, { bankReference: '' }), 'bankReference', 'text.required'],
      [await transfer(100, { paidCents: 0 }), '_', undefined],
    ] as const) {
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      if (field !== '_') expect(Object.keys(res.body.error.details.errors)).toContain(field);
      if (code) expect(res.body.error.details.codes[field]).toMatchObject({ code });
    }
    expect((await transfer(balance + 1)).body.error.details.codes.amountCents).toMatchObject({ params: { balanceCents: balance } });
    const before = await snapshot(app.strapi);
    expect((await transfer(balance + 1)).status).toBe(400);
    expect((await transfer(100, {}, otherConsultantJwt)).status).toBe(404);
    expect((await app.api().post(`/api/consultant/invoices/${number}/transfers`).set(bearer(people.admin.jwt)).send({ amountCents: 100, receivedOn: dayInFrance(), bankReference: 'X' })).status).toBe(403);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an unpaid invoice past its due date is overdue: reminded at +1, +15 and +30 days once each, to admins and accountants, and it blocks ordering on invoice', async () => {
    const invoices = app.strapi.service('api::document.invoices');
    const invoice = await app.strapi.db.query(INVOICE).findOne({ where: { number }, populate: { order: { select: ['id'] } } });
    // Issued long ago: due on 2026-01-31.
    await app.strapi.db.query(INVOICE).update({ where: { id: invoice.id }, data: { dueDate: '2026-01-31' } });
    await app.strapi.db.query('api::order.order').update({ where: { id: invoice.order.id }, data: { paymentDueAt: '2026-01-31' } });
    const reminders = (email: string) => app.mailbox.mailsTo(email).filter((mail) => mail.subject.includes(number));
    expect(await invoices.remind('2026-01-31')).toEqual({ overdue: 0, reminded: 0 });
    expect(await invoices.remind('2026-02-01')).toEqual({ overdue: 1, reminded: 1 });
    const first = await app.mailbox.waitFor(people.accountant.email, new RegExp(`Rappel.*facture ${number}`));
    expect(first.text).toContain(TEST_SELLER.iban);
    expect(first.text).toContain(`Référence à indiquer\u00a0: ${number}`);
    await app.mailbox.waitFor(people.admin.email, new RegExp(number));
    expect(await invoices.remind('2026-02-10')).toEqual({ overdue: 0, reminded: 0 });
    expect(await invoices.remind('2026-02-15')).toEqual({ overdue: 0, reminded: 1 });
    await app.mailbox.waitFor(people.accountant.email, new RegExp(`Relance.*facture ${number}`));
    expect(await invoices.remind('2026-03-02')).toEqual({ overdue: 0, reminded: 1 });
    expect(await invoices.remind('2026-06-01')).toEqual({ overdue: 0, reminded: 0 });
    // The third reminder went out too (mails leave after their transaction).
    for (let i = 0; i < 100 && (reminders(people.accountant.email).length < 3 || reminders(people.admin.email).length < 3); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reminders(people.accountant.email)).toHaveLength(3);
    expect(reminders(people.admin.email)).toHaveLength(3);
    expect(reminders(people.buyer.email)).toHaveLength(0);
    expect((await as('accountant').get(`/api/invoices/${number}`).expect(200)).body.data).toMatchObject({ overdue: true, balanceCents: total });
    // No order on invoice while it is overdue.
    await as('admin').post('/api/cart/items', { product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    const refused = await as('admin').post('/api/checkout', { idempotencyKey: randomUUID(), paymentMethod: 'invoice' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ code: 'checkout.invoice_overdue' });
  });

  test('partial transfers show the balance; the last one settles the invoice, pays the order and frees the credit', async () => {
    const creditBefore = await creditAvailable();
    const part = await transfer(10_000, { receivedOn: dayInFrance() });
    expect(part.status, JSON.stringify(part.body)).toBe(201);
    expect(part.body.data).toMatchObject({ number, paidCents: 10_000, balanceCents: total - 10_000, paymentStatus: 'partially_paid', overdue: true, transfers: [{ amountCents: 10_000, bankReference: 'VIR SEPA MAISON FACTURE' }] });
    expect(await creditAvailable()).toBe(creditBefore + 10_000);
    const rest = await transfer(total - 10_000);
    expect(rest.body.data).toMatchObject({ paidCents: total, balanceCents: 0, paymentStatus: 'paid', overdue: false });
    const stored = await app.strapi.db.query(INVOICE).findOne({ where: { number }, populate: { order: { select: ['paymentStatus'] } } });
    expect(stored).toMatchObject({ paymentStatus: 'paid', overdue: false, paidOn: dayInFrance(), order: { paymentStatus: 'paid' } });
    expect(await creditAvailable()).toBe(creditBefore + total);
    const before = await snapshot(app.strapi);
    const again = await transfer(100);
    expect(again.status).toBe(400);
    expect(again.body.error.details).toMatchObject({ code: 'transfer.invoice_settled' });
    expect(await snapshot(app.strapi)).toEqual(before);
    // Settled: ordering on invoice works again.
    expect((await as('admin').post('/api/checkout', { idempotencyKey: randomUUID(), paymentMethod: 'invoice' })).status).toBe(201);
  });

  test('an invoice paid by card takes no transfer', async () => {
    const first = formatDocumentNumber('invoice', year, 1);
    const res = await consultant().post(`/api/consultant/invoices/${first}/transfers`, { amountCents: 100, receivedOn: dayInFrance(), bankReference: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'transfer.invoice_settled' });
  });

  test('an administrator records a transfer in the panel, by the same rules; a recorded transfer never changes', async () => {
    const placed = await order('admin', [['recycled-mailer-bag', 1000]], { paymentMethod: 'invoice' });
    const invoice = await invoiceOfOrder(placed.reference);
    const transfers = app.strapi.documents('api::document.transfer' as never);
    const before = await snapshot(app.strapi);
    await expect(transfers.create({ data: { invoice: invoice.documentId, amountCents: invoice.totalInclVatCents + 1, receivedOn: dayInFrance(), bankReference: 'VIR 1' } } as never)).rejects.toMatchObject({
      details: { errors: [{ path: ['amountCents'] }], codes: { amountCents: { code: 'transfer.exceeds_balance' } } },
    });
    await expect(transfers.create({ data: { invoice: invoice.documentId, amountCents: 100, receivedOn: 'yesterday', bankReference: 'VIR 1' } } as never)).rejects.toMatchObject({ details: { errors: [{ path: ['receivedOn'] }] } });
    await expect(transfers.create({ data: { amountCents: 100, receivedOn: dayInFrance(), bankReference: 'VIR 1' } } as never)).rejects.toMatchObject({ details: { errors: [{ path: ['invoice'] }] } });
    expect(await snapshot(app.strapi)).toEqual(before);
    const created = (await transfers.create({ data: { invoice: { connect: [{ documentId: invoice.documentId }] }, amountCents: invoice.totalInclVatCents, receivedOn: dayInFrance(), bankReference: 'VIR 2' } } as never)) as unknown as { documentId: string; recordedByRole: string };
    expect(created).toMatchObject({ recordedByRole: 'administrator' });
    expect(await app.strapi.db.query(INVOICE).findOne({ where: { id: invoice.id }, select: ['paymentStatus', 'paidCents'] })).toEqual({ paymentStatus: 'paid', paidCents: invoice.totalInclVatCents });
    await expect(transfers.update({ documentId: created.documentId, data: { amountCents: 1 } } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
    await expect(transfers.delete({ documentId: created.documentId } as never)).rejects.toMatchObject({ details: { code: 'invoice.immutable' } });
  });
});

describe('a company of another EU member state, with its VAT number', () => {
  test('buys without French VAT, and its invoice is an exempt intra-Community supply (K) that passes the EN 16931 rules', async () => {
    const german = await registerCustomer(app, { companyName: 'Grüne Kisten GmbH' });
    const jwt = (await login(app, german.email, german.password)).jwt;
    // A company established in Germany, with a German VAT number.
    await app.api().put('/api/account').set(bearer(jwt)).send({ vatNumber: 'DE136695976', billingAddress: { line1: 'Friedrichstraße 10', postalCode: '10117', city: 'Berlin', country: 'DE' } }).expect(200);
    await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    const cart = (await app.api().get('/api/cart').set(bearer(jwt)).expect(200)).body.data;
    expect(cart).toMatchObject({ vatRegime: 'intra_community', totals: { exclVatCents: 65_000, vatCents: 0, inclVatCents: 65_000 } });
    const placed = (await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: randomUUID() }).expect(201)).body.data.order;
    expect(placed).toMatchObject({ vatRegime: 'intra_community', totals: { vatCents: 0, inclVatCents: 65_000 } });
    await payWithCard(app, jwt, placed.reference).expect(200);
    const invoice = await invoiceOfOrder(placed.reference);
    expect(invoice.snapshot).toMatchObject({ vatRegime: 'intra_community', buyer: { vatNumber: 'DE136695976', billingAddress: { country: 'DE' } }, totals: { vatBreakdown: [{ rate: '0', basisCents: 65_000, vatCents: 0 }] } });
    await waitForPdf(invoice.number);
    const xml = await extractFacturX(await app.strapi.service('api::document.invoices').pdfOf(invoice.id));
    const report = await validateCii(xml);
    expect(report.fatal).toEqual([]);
    expect(report.ok && report.xsd.checked).toBe(true);
    expect(xml).toContain('<ram:CategoryCode>K</ram:CategoryCode>');
    expect(xml).toContain('VATEX-EU-IC');
    // Back in France: French VAT again.
    await app.api().put('/api/account').set(bearer(jwt)).send({ billingAddress: { line1: '1 rue de Paris', postalCode: '75001', city: 'Paris', country: 'FR' } }).expect(200);
    await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    expect((await app.api().get('/api/cart').set(bearer(jwt)).expect(200)).body.data).toMatchObject({ vatRegime: 'domestic', totals: { vatCents: 13_000 } });
  });
});

describe('credit notes', () => {
  const first = () => formatDocumentNumber('invoice', year, 1);
  const creditNote = (n: number) => formatDocumentNumber('credit_note', year, n);
  const credit = (number: string, body: object, jwt = consultantJwt) => app.api().post(`/api/consultant/invoices/${number}/credit-notes`).set(bearer(jwt)).send(body);

  test('a consultant credits part of a line with a reason: its own A- number, the invoice it corrects, a Factur-X credit note that passes the rules', async () => {
    // Invoice 1: 1,000 boxes at 650.00 € (20 %) and 1,100 soaps at 4,500.00 € per 1,000 (10 %), paid by card.
    const res = await credit(first(), { reason: '100 flacons abîmés à la livraison', lines: [{ lineNumber: 2, quantity: 100 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data).toMatchObject({ number: first(), creditedCents: 49_500, balanceCents: 0, paymentStatus: 'paid', creditNotes: [{ number: creditNote(1), invoiceNumber: first(), reason: '100 flacons abîmés à la livraison', totalExclVatCents: 45_000, totalVatCents: 4_500, totalInclVatCents: 49_500 }] });
    const stored = await app.strapi.db.query('api::document.credit-note').findOne({ where: { number: creditNote(1) } });
    expect(stored).toMatchObject({ issuedByRole: 'consultant', refundedCents: 49_500 });
    const followedBy = await app.strapi.db.query('api::document.credit-note').findOne({ where: { number: creditNote(1) }, populate: { consultant: { select: ['id'] } } });
    expect(followedBy.consultant?.id).toEqual(expect.any(Number));
    expect(stored.snapshot).toMatchObject({ kind: 'credit_note', corrects: { number: first() }, lines: [{ lineNumber: 2, quantity: 100, exclVatCents: 45_000, vatCents: 4_500 }] });
    const pdf = await as('buyer').get(`/api/credit-notes/${creditNote(1)}/pdf`).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const xml = await extractFacturX(pdf.body as Buffer);
    const report = await validateCii(xml);
    expect(report.fatal).toEqual([]);
    expect(report.ok && report.xsd.checked).toBe(true);
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toContain(`<ram:IssuerAssignedID>${first()}</ram:IssuerAssignedID>`);
    expect(xml).toContain('<ram:GrandTotalAmount>495.00</ram:GrandTotalAmount>');
    // The buyer and the company's accountant list it; nobody else reaches it.
    for (const who of ['buyer', 'accountant'] as const) expect((await as(who).get('/api/credit-notes').expect(200)).body.data.map((note: { number: string }) => note.number)).toContain(creditNote(1));
    expect((await as('otherBuyer').get('/api/credit-notes').expect(200)).body.data).toEqual([]);
    expect((await as('otherBuyer').get(`/api/credit-notes/${creditNote(1)}/pdf`)).status).toBe(404);
    expect((await as('stranger').get(`/api/credit-notes/${creditNote(1)}/pdf`)).status).toBe(404);
  });

  test('bad credit notes are refused with a reason, and nothing is written', async () => {
    const other = await createConsultant(app);
    const otherJwt = (await login(app, other.email, other.password)).jwt;
    const before = await snapshot(app.strapi);
    for (const [body, field, code] of [
      [{ reason: 'Retour', lines: [{ lineNumber: 9, quantity: 1 }] }, 'lines', 'credit_note.line_unknown'],
      [{ reason: 'Retour', lines: [{ lineNumber: 2, quantity: 1001 }] }, 'lines', 'credit_note.exceeds_invoiced'],
      [{ reason: 'Retour', lines: [{ lineNumber: 2, quantity: 600 }, { lineNumber: 2, quantity: 401 }] }, 'lines', 'credit_note.exceeds_invoiced'],
      [{ reason: 'Retour', lines: [{ lineNumber: 2, quantity: 0 }] }, 'lines.0.quantity', 'credit_note.quantity_not_positive'],
      [{ reason: 'Retour', lines: [] }, 'lines', undefined],
      [{ lines: [{ lineNumber: 2, quantity: 1 }] }, 'reason', 'text.required'],
    ] as const) {
      const res = await credit(first(), body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(Object.keys(res.body.error.details.errors)).toContain(field);
      if (code) expect(res.body.error.details.codes[field]).toMatchObject({ code });
    }
    expect((await credit(first(), { reason: 'Retour', lines: [{ lineNumber: 2, quantity: 1001 }] })).body.error.details.codes.lines).toMatchObject({ params: { line: 2, remaining: 1000 } });
    expect((await credit(first(), { reason: 'Retour' }, otherJwt)).status).toBe(404);
    expect((await credit(first(), { reason: 'Retour' }, people.admin.jwt)).status).toBe(403);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('what is left is credited to the cent, and then nothing more can be', async () => {
    const res = await credit(first(), { reason: 'Commande annulée par le client' });
    expect(res.status).toBe(201);
    const invoice = await app.strapi.db.query(INVOICE).findOne({ where: { number: first() } });
    // Both credit notes together take off exactly the invoice.
    expect(invoice).toMatchObject({ creditedCents: invoice.totalInclVatCents, paymentStatus: 'credited' });
    expect(res.body.data.creditNotes.map((note: { totalInclVatCents: number }) => note.totalInclVatCents)).toEqual([49_500, invoice.totalInclVatCents - 49_500]);
    const again = await credit(first(), { reason: 'Encore' });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toMatchObject({ code: 'credit_note.nothing_left' });
  });

  test('cancelling an order on invoice credits its invoice in full, with the cancellation’s comment', async () => {
    const placed = await order('admin', [['recycled-mailer-bag', 3000]], { paymentMethod: 'invoice' });
    const invoice = await invoiceOfOrder(placed.reference);
    await app.api().post(`/api/consultant/orders/${placed.reference}/status`).set(bearer(consultantJwt)).send({ status: 'cancelled', comment: 'Annulée à la demande du client' }).expect(200);
    const notes = (await as('accountant').get(`/api/invoices/${invoice.number}`).expect(200)).body.data as InvoiceDetail;
    expect(notes).toMatchObject({ paymentStatus: 'credited', balanceCents: 0, creditedCents: invoice.totalInclVatCents, creditNotes: [{ reason: 'Annulée à la demande du client', totalInclVatCents: invoice.totalInclVatCents }] });
    const stored = await app.strapi.db.query('api::document.credit-note').findOne({ where: { number: notes.creditNotes[0]!.number } });
    expect(stored).toMatchObject({ issuedByRole: 'system', refundedCents: 0 });
  });
});

describe('under load', () => {
  test('invoices issued in the background in one batch take consecutive numbers, in the orders’ order', async () => {
    const invoices = app.strapi.service('api::document.invoices');
    const before = await app.strapi.db.query(INVOICE).count();
    // Three orders paid by card, their invoices withheld until the batch below (the seller's details are missing meanwhile).
    const seller = await app.strapi.db.query('api::seller.seller').findOne({ select: ['id'] });
    await app.strapi.db.query('api::seller.seller').delete({ where: { id: seller.id } });
    const references: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const placed = await order('buyer', [['kraft-shipping-box', 1000]]);
      await payWithCard(app, people.buyer.jwt, placed.reference).expect(200);
      references.push(placed.reference);
    }
    await invoices.idle();
    expect(await app.strapi.db.query(INVOICE).count()).toBe(before);
    await app.strapi.documents('api::seller.seller' as never).create({ data: TEST_SELLER } as never);
    const ids = await Promise.all(references.map(async (reference) => (await app.strapi.db.query('api::order.order').findOne({ where: { reference }, select: ['id'] })).id as number));
    for (const id of ids) invoices.issueSoon(id);
    await invoices.idle();
    const numbers = await Promise.all(references.map(async (reference) => (await invoiceOfOrder(reference)).sequence as number));
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
  });
});
