import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, forge, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { payWithCard, placeOrder } from './support/orders';
import { answerChecker, mountedApiRoutes } from './support/api-description';

/**
 * Every route × every role × own and others' data. A refused request must answer
 * 401/403/404 and change nothing. Every answer is also checked against the API's description
 * (GET /api/openapi.json): its status described, its body of the described shape. customerA is the admin of company A (X's client), with a
 * buyer (buyerA) and an accountant (accountantA); customerB is the admin of company B (Y's).
 */
type Role = 'anonymous' | 'customerA' | 'buyerA' | 'accountantA' | 'customerB' | 'consultantX' | 'consultantY';
const ROLES: Role[] = ['anonymous', 'customerA', 'buyerA', 'accountantA', 'customerB', 'consultantX', 'consultantY'];
type MainRole = Exclude<Role, 'buyerA' | 'accountantA'>;

let app: TestApp;
let checker: ReturnType<typeof answerChecker>;
/** Answers that did not match the description, as they came (the setup's calls included). */
const undescribed: string[] = [];
const tokens: Partial<Record<Role, string>> = {};
const ids = { customerA: 0, buyerA: 0, accountantA: 0, customerB: 0, consultantXUser: 0, conversationA: 0, companyA: 0, companyB: 0, agreementA1: 0, agreementA2: 0 };
/** A1 paid, A2 and A3 awaiting payment (A's); B1 paid (B's). */
const orders = { A1: '', A2: '', A3: '', B1: '' };
/** The invoices of the paid orders A1 and B1, and a credit note on B1's. */
const invoices = { A1: '', B1: '', creditNoteB1: '' };
/** Quotes asked by A's admin (QA1, QA2) and B's (QB1), each sent by the company's consultant. */
const quotes = { QA1: '', QA2: '', QB1: '', QA1SentAt: '' };

beforeAll(async () => {
  app = await startApp();
  const description = await app.api().get('/api/openapi.json').expect(200).expect('content-type', /json/);
  expect(description.body.openapi).toBe('3.1.0');
  checker = answerChecker(description.body);
  await seedCatalogue(app.strapi);
  await app.strapi.documents('api::home-page.home-page').create({ data: { title: 'Home' } as never, status: 'published' } as never);
  await app.strapi.documents('api::commitment-page.commitment-page').create({ data: { title: 'Our commitment' } as never, status: 'published' } as never);
  // X is created first, so A (registered first) goes to X, then B to Y.
  const x = await createConsultant(app, { email: 'x@ventalis.test' });
  const y = await createConsultant(app, { email: 'y@ventalis.test' });
  const a = await registerCustomer(app, { email: 'a@client.test', companyName: 'Alpha Packaging' });
  const b = await registerCustomer(app, { email: 'b@client.test', companyName: 'Beta Cleaning' });
  expect(a.consultantId).toBe(x.id);
  expect(b.consultantId).toBe(y.id);
  ids.customerA = a.id;
  ids.customerB = b.id;
  const companyOf = async (id: number) => (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id }, populate: { company: { select: ['id'] } } })).company.id as number;
  ids.companyA = await companyOf(a.id);
  ids.companyB = await companyOf(b.id);
  ids.consultantXUser = x.userId;
  // A's colleagues: a buyer and an accountant, who joined company A (their own companies, left empty, go).
  for (const [who, role] of [['buyerA', 'buyer'], ['accountantA', 'accountant']] as const) {
    const colleague = await registerCustomer(app, { email: `${who.toLowerCase()}@client.test`, companyName: `Alpha ${role}` });
    await joinCompany(app, colleague.id, ids.companyA, role);
    ids[who] = colleague.id;
    tokens[who] = (await login(app, colleague.email, colleague.password)).jwt;
  }
  tokens.customerA = (await login(app, a.email, a.password)).jwt;
  tokens.customerB = (await login(app, b.email, b.password)).jwt;
  tokens.consultantX = (await login(app, x.email, x.password)).jwt;
  tokens.consultantY = (await login(app, y.email, y.password)).jwt;
  orders.A1 = (await placeOrder(app, tokens.customerA, [['kraft-shipping-box', 1000]])).order.reference;
  await payWithCard(app, tokens.customerA, orders.A1).expect(200);
  orders.A2 = (await placeOrder(app, tokens.customerA, [['kraft-shipping-box', 1000]])).order.reference;
  orders.A3 = (await placeOrder(app, tokens.customerA, [['kraft-shipping-box', 1000]])).order.reference;
  orders.B1 = (await placeOrder(app, tokens.customerB, [['recycled-mailer-bag', 1000]])).order.reference;
  await payWithCard(app, tokens.customerB, orders.B1).expect(200);
  await app.strapi.service('api::document.invoices').idle();
  for (const key of ['A1', 'B1'] as const) {
    invoices[key] = (await app.strapi.db.query('api::document.invoice').findOne({ where: { order: { reference: orders[key] } }, select: ['number'] })).number;
  }
  const invoiceB1 = await app.strapi.db.query('api::document.invoice').findOne({ where: { number: invoices.B1 }, select: ['id'] });
  invoices.creditNoteB1 = await app.strapi.service('api::document.credit-notes').issue(invoiceB1.id, { reason: 'Retour', lines: [{ lineNumber: 1, quantity: 100 }] }, { role: 'consultant', name: null });
  // A's company (X's) has two price agreements; B's company is Y's.
  for (const [key, slug] of [['agreementA1', 'packaging'], ['agreementA2', 'cleaning']] as const) {
    const res = await call('consultantX', 'post', `/api/consultant/companies/${ids.companyA}/agreements`, { kind: 'category_discount', category: slug, discountBasisPoints: 500, startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(res.status).toBe(201);
    ids[key] = res.body.data.id;
  }
  for (const [key, asker, consultant] of [['QA1', 'customerA', 'consultantX'], ['QA2', 'customerA', 'consultantX'], ['QB1', 'customerB', 'consultantY']] as const) {
    await call(asker, 'post', '/api/cart/items', { product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    const asked = await call(asker, 'post', '/api/quotes', { message: 'Un prix ?' }).expect(201);
    quotes[key] = asked.body.data.number;
    const sent = await call(consultant, 'put', `/api/consultant/quotes/${quotes[key]}`, { lines: [{ product: 'kraft-shipping-box', quantity: 1000, pricePer1000Cents: 9000 }] }).expect(200);
    if (key === 'QA1') quotes.QA1SentAt = sent.body.data.sentAt;
  }
  // A's company's conversation with X, which exists from its registration.
  ids.conversationA = await app.strapi.service('api::conversation.membership').syncCompanyConversation(ids.companyA);
  expect(undescribed).toEqual([]);
});
afterAll(async () => {
  await app?.stop();
});

const call = (role: Role, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
  const req = app.api()[method](path);
  if (role !== 'anonymous') req.set(bearer(tokens[role]!));
  // Routes the cms does not have (404, 405) and routes that are not the clients' are not described.
  req.on('response', (res: { status: number; type: string; body: unknown; text?: string }) => {
    if (!checker.operationOf(method, path) && ([404, 405].includes(res.status) || NOT_DESCRIBED.some((pattern) => pattern.test(`${method} ${path}`)))) return;
    undescribed.push(...checker.problems(method, path, res).map((problem) => `as ${role}: ${problem}`));
  });
  return body ? req.send(body) : req;
};

interface Route {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: () => string;
  body?: () => object;
  /** Expected status for each role; A's buyer and accountant answer as A's admin unless COMPANY_ROLES says otherwise. */
  expect: Record<MainRole, number> & Partial<Record<Role, number>>;
}

const everyone = (status: number): Record<Role, number> => ({ anonymous: status, customerA: status, buyerA: status, accountantA: status, customerB: status, consultantX: status, consultantY: status });

/** Mounted under /api but not the clients' API: Strapi's own plugins' routes (refused to every storefront role), the chat-server's, and the description itself. */
const NOT_DESCRIBED = [/^\w+ \/api\/(users|users-permissions|connect|upload|i18n|content-type-builder|email)(\/|$)/, /^\w+ \/api\/chat\/internal\//, /^get \/api\/(openapi\.json|docs)/, /^\w+ \/api\/auth\/(?!local|refresh|logout|forgot-password|reset-password|send-email-confirmation|email-confirmation)/];

/**
 * Where a buyer or an accountant of company A is not answered as its admin: an accountant never
 * orders; a buyer reads their own orders only (A1, A2, A3 are the admin's), the accountant all of
 * the company's; only the buyer who placed an order pays or cancels it; only an admin decides on
 * members, requests to join and approvals; each member's conversations are their own.
 */
const COMPANY_ROLES: Record<string, { buyerA?: number; accountantA?: number }> = {
  'add to my cart': { accountantA: 403 },
  'change a cart line': { accountantA: 403 },
  'quick order into my cart': { accountantA: 403 },
  'check out my cart': { accountantA: 403 },
  'my checkout options': { accountantA: 403 },
  "my company's orders awaiting approval": { buyerA: 403, accountantA: 403 },
  "approve A1 (A's, not awaiting approval)": { buyerA: 403, accountantA: 403 },
  "decline A1 (A's, not awaiting approval)": { buyerA: 403, accountantA: 403 },
  "order A1 (A's)": { buyerA: 404, accountantA: 200 },
  "resume paying A2 (A's)": { buyerA: 404, accountantA: 404 },
  "pay A2 by card (A's)": { buyerA: 404, accountantA: 404 },
  "cancel A3 (A's)": { buyerA: 404, accountantA: 404 },
  "reorder A1 (A's)": { buyerA: 404, accountantA: 403 },
  'my requests to join': { buyerA: 403, accountantA: 403 },
  "change A's role (the last admin)": { buyerA: 403, accountantA: 403 },
  'remove A from their company': { buyerA: 403, accountantA: 403 },
  // Company A's conversation with its consultant is every member's.
  "A's conversation with X": { buyerA: 200, accountantA: 200 },
  "history of A's conversation": { buyerA: 200, accountantA: 200 },
  "write in A's conversation": { buyerA: 201, accountantA: 201 },
  "mark A's conversation read": { buyerA: 200, accountantA: 200 },
  // An order's conversation is for those who see the order: not another buyer.
  "discuss order A1 (A's)": { buyerA: 404, accountantA: 200 },
  // An invoice is seen by those who see its order.
  "invoice of A1 (A's)": { buyerA: 404, accountantA: 200 },
  "PDF of A1's invoice (A's)": { buyerA: 404, accountantA: 200 },
  "PDF of the credit note on B1's invoice (B's)": { buyerA: 404, accountantA: 404 },
  // A quote is seen by the buyer who asked (here A's admin) and the company's accountants and admins; an accountant never orders.
  'ask for a quote (my cart is empty)': { accountantA: 403 },
  "quote QA1 (A's)": { buyerA: 404, accountantA: 200 },
  "PDF of QA1 (A's)": { buyerA: 404, accountantA: 200 },
  "accept QA1 (A's)": { buyerA: 404, accountantA: 403 },
  "decline QA2 (A's)": { buyerA: 404, accountantA: 403 },
};
const inquiry = { company: 'Gamma', firstName: 'Gil', lastName: 'Gomez', email: 'gil@gamma.test', subject: 'Samples', message: 'Could we get samples of your mailers?' };

const ROUTES: Route[] = [
  { name: 'list products', method: 'get', path: () => '/api/products', expect: everyone(200) },
  { name: 'one product', method: 'get', path: () => '/api/products/kraft-shipping-box', expect: everyone(200) },
  { name: 'list categories', method: 'get', path: () => '/api/categories', expect: everyone(200) },
  { name: 'one category', method: 'get', path: () => '/api/categories/packaging', expect: everyone(200) },
  { name: 'eco labels', method: 'get', path: () => '/api/eco-labels', expect: everyone(200) },
  { name: 'home page', method: 'get', path: () => '/api/pages/home', expect: everyone(200) },
  { name: 'commitment page', method: 'get', path: () => '/api/pages/commitment', expect: everyone(200) },
  { name: 'send an inquiry', method: 'post', path: () => '/api/inquiries', body: () => inquiry, expect: everyone(201) },
  { name: 'my account', method: 'get', path: () => '/api/account', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 200, consultantY: 200 } },
  {
    name: 'update my company profile',
    method: 'put',
    path: () => '/api/account',
    body: () => ({ phone: '+33 4 00 00 00 00' }),
    expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 },
  },
  { name: 'my clients', method: 'get', path: () => '/api/consultant/clients', expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 200 } },
  { name: "client A (X's)", method: 'get', path: () => `/api/consultant/clients/${ids.customerA}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 403 } },
  { name: "client B (Y's)", method: 'get', path: () => `/api/consultant/clients/${ids.customerB}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 403, consultantY: 200 } },
  // Price agreements: the consultant of the company only; another consultant finds nothing there.
  { name: "A's agreements (X's)", method: 'get', path: () => `/api/consultant/companies/${ids.companyA}/agreements`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 } },
  { name: "B's agreements (Y's)", method: 'get', path: () => `/api/consultant/companies/${ids.companyB}/agreements`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 } },
  {
    name: "agree a net price with A (X's)",
    method: 'post',
    path: () => `/api/consultant/companies/${ids.companyA}/agreements`,
    body: () => ({ kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 60_000, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 201, consultantY: 404 },
  },
  {
    name: "change A's agreement (X's)",
    method: 'put',
    path: () => `/api/consultant/companies/${ids.companyA}/agreements/${ids.agreementA1}`,
    body: () => ({ kind: 'category_discount', category: 'packaging', discountBasisPoints: 700, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 },
  },
  {
    name: "change A's agreement through B's address (Y's)",
    method: 'put',
    path: () => `/api/consultant/companies/${ids.companyB}/agreements/${ids.agreementA1}`,
    body: () => ({ kind: 'category_discount', category: 'packaging', discountBasisPoints: 9000, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 404 },
  },
  { name: "end A's agreement (X's)", method: 'delete', path: () => `/api/consultant/companies/${ids.companyA}/agreements/${ids.agreementA2}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 204, consultantY: 404 } },
  // Cart, checkout and orders: customers, each their own.
  { name: 'my cart', method: 'get', path: () => '/api/cart', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'add to my cart', method: 'post', path: () => '/api/cart/items', body: () => ({ product: 'paper-padded-envelope', quantity: 1000 }), expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'change a cart line', method: 'put', path: () => '/api/cart/items/paper-padded-envelope', body: () => ({ quantity: 2000 }), expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'quick order into my cart', method: 'post', path: () => '/api/cart/quick-order', body: () => ({ lines: 'sku;quantity\nKRAFT-BOX;1000' }), expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'check out my cart', method: 'post', path: () => '/api/checkout', body: () => ({ idempotencyKey: crypto.randomUUID() }), expect: { anonymous: 403, customerA: 201, customerB: 201, consultantX: 403, consultantY: 403 } },
  { name: 'remove a cart line', method: 'delete', path: () => '/api/cart/items/paper-padded-envelope', expect: { anonymous: 403, customerA: 404, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'empty my cart', method: 'delete', path: () => '/api/cart', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'my checkout options', method: 'get', path: () => '/api/checkout/options', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  {
    name: "payment terms of company A (X's)",
    method: 'put',
    path: () => `/api/consultant/companies/${ids.companyA}/terms`,
    body: () => ({ paymentTerms: 'transfer_30_days', creditLimitCents: 500_000, requirePurchaseOrder: false }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 },
  },
  {
    name: "payment terms of company B (Y's)",
    method: 'put',
    path: () => `/api/consultant/companies/${ids.companyB}/terms`,
    body: () => ({ paymentTerms: 'card', creditLimitCents: 0, requirePurchaseOrder: false }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 },
  },
  { name: "my company's orders awaiting approval", method: 'get', path: () => '/api/company/approvals', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "approve A1 (A's, not awaiting approval)", method: 'post', path: () => `/api/company/approvals/${orders.A1}/approve`, body: () => ({}), expect: { anonymous: 403, customerA: 400, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "decline A1 (A's, not awaiting approval)", method: 'post', path: () => `/api/company/approvals/${orders.A1}/decline`, body: () => ({ comment: 'No.' }), expect: { anonymous: 403, customerA: 400, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'my orders', method: 'get', path: () => '/api/orders', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'my yearly impact', method: 'get', path: () => '/api/orders/impact', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "order A1 (A's)", method: 'get', path: () => `/api/orders/${orders.A1}`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "resume paying A2 (A's)", method: 'post', path: () => `/api/orders/${orders.A2}/payment`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "pay A2 by card (A's)", method: 'post', path: () => `/api/orders/${orders.A2}/simulated-payment`, body: () => ({ cardNumber: '4242424242424242', expiry: '12/30', cvc: '123' }), expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "cancel A3 (A's)", method: 'post', path: () => `/api/orders/${orders.A3}/cancel`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'my invoices', method: 'get', path: () => '/api/invoices', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "invoice of A1 (A's)", method: 'get', path: () => `/api/invoices/${invoices.A1}`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "PDF of A1's invoice (A's)", method: 'get', path: () => `/api/invoices/${invoices.A1}/pdf`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'my credit notes', method: 'get', path: () => '/api/credit-notes', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "PDF of the credit note on B1's invoice (B's)", method: 'get', path: () => `/api/credit-notes/${invoices.creditNoteB1}/pdf`, expect: { anonymous: 403, customerA: 404, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "PDF of B1's invoice (B's)", method: 'get', path: () => `/api/invoices/${invoices.B1}/pdf`, expect: { anonymous: 403, customerA: 404, buyerA: 404, accountantA: 404, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'ask for a quote (my cart is empty)', method: 'post', path: () => '/api/quotes', body: () => ({ message: 'Un prix ?' }), expect: { anonymous: 403, customerA: 400, customerB: 400, consultantX: 403, consultantY: 403 } },
  { name: 'my quotes', method: 'get', path: () => '/api/quotes', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "quote QA1 (A's)", method: 'get', path: () => `/api/quotes/${quotes.QA1}`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "PDF of QA1 (A's)", method: 'get', path: () => `/api/quotes/${quotes.QA1}/pdf`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "accept QA1 (A's)", method: 'post', path: () => `/api/quotes/${quotes.QA1}/accept`, body: () => ({ idempotencyKey: crypto.randomUUID(), offer: quotes.QA1SentAt }), expect: { anonymous: 403, customerA: 201, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "decline QA2 (A's)", method: 'post', path: () => `/api/quotes/${quotes.QA2}/decline`, body: () => ({ reason: 'Non merci' }), expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: "reorder A1 (A's)", method: 'post', path: () => `/api/orders/${orders.A1}/reorder`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 403, consultantY: 403 } },
  // Company members: each admin their own company (the full matrix by company role is in company-members.test.ts).
  { name: 'my company', method: 'get', path: () => '/api/company', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: 'my requests to join', method: 'get', path: () => '/api/company/join-requests', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 403, consultantY: 403 } },
  { name: "change A's role (the last admin)", method: 'put', path: () => `/api/company/members/${ids.customerA}`, body: () => ({ role: 'buyer' }), expect: { anonymous: 403, customerA: 400, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'remove A from their company', method: 'delete', path: () => `/api/company/members/${ids.customerA}`, expect: { anonymous: 403, customerA: 400, customerB: 404, consultantX: 403, consultantY: 403 } },
  { name: 'an invitation link that names nothing', method: 'get', path: () => `/api/company/invitations/${'A'.repeat(43)}`, expect: { anonymous: 404, customerA: 404, customerB: 404, consultantX: 403, consultantY: 403 } },
  // Consultants: orders of their own clients only.
  { name: "my clients' orders", method: 'get', path: () => '/api/consultant/orders', expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 200 } },
  { name: "order A1 (X's client)", method: 'get', path: () => `/api/consultant/orders/${orders.A1}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 } },
  {
    name: "move A1 (X's client) along",
    method: 'post',
    path: () => `/api/consultant/orders/${orders.A1}/status`,
    body: () => ({ status: 'in_progress', comment: 'Preparing your order.' }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 },
  },
  { name: "my clients' invoices", method: 'get', path: () => '/api/consultant/invoices', expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 200 } },
  { name: "A1's invoice (X's client)", method: 'get', path: () => `/api/consultant/invoices/${invoices.A1}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 } },
  { name: "PDF of B1's invoice (Y's client)", method: 'get', path: () => `/api/consultant/invoices/${invoices.B1}/pdf`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 } },
  { name: "PDF of the credit note on B1's invoice (Y's client)", method: 'get', path: () => `/api/consultant/credit-notes/${invoices.creditNoteB1}/pdf`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 } },
  {
    name: "a credit note on A1's invoice (X's client)",
    method: 'post',
    path: () => `/api/consultant/invoices/${invoices.A1}/credit-notes`,
    body: () => ({ reason: 'Retour de 100 boîtes', lines: [{ lineNumber: 1, quantity: 100 }] }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 201, consultantY: 404 },
  },
  // A1 was paid by card: its consultant is told there is nothing to record; nobody else reaches it.
  {
    name: "a transfer on A1's invoice (X's client, paid by card)",
    method: 'post',
    path: () => `/api/consultant/invoices/${invoices.A1}/transfers`,
    body: () => ({ amountCents: 100, receivedOn: new Date().toISOString().slice(0, 10), bankReference: 'VIR 1' }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 400, consultantY: 404 },
  },
  { name: "my clients' quotes", method: 'get', path: () => '/api/consultant/quotes', expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 200 } },
  { name: "quote QA1 (X's client)", method: 'get', path: () => `/api/consultant/quotes/${quotes.QA1}`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 200, consultantY: 404 } },
  { name: "PDF of QB1 (Y's client)", method: 'get', path: () => `/api/consultant/quotes/${quotes.QB1}/pdf`, expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 } },
  {
    name: "send QB1 (Y's client) revised",
    method: 'put',
    path: () => `/api/consultant/quotes/${quotes.QB1}`,
    body: () => ({ lines: [{ product: 'kraft-shipping-box', quantity: 2000, pricePer1000Cents: 8500 }] }),
    expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 200 },
  },
  { name: "note on B1 (Y's client)", method: 'post', path: () => `/api/consultant/orders/${orders.B1}/notes`, body: () => ({ body: 'Internal.' }), expect: { anonymous: 403, customerA: 403, customerB: 403, consultantX: 404, consultantY: 201 } },
  // Conversations: participants only; who may start one follows the contact rules.
  { name: 'my conversations', method: 'get', path: () => '/api/conversations', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 200, consultantY: 200 } },
  { name: 'my unread messages', method: 'get', path: () => '/api/conversations/unread', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 200, consultantY: 200 } },
  { name: 'my contacts', method: 'get', path: () => '/api/conversations/contacts', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 200, consultantY: 200 } },
  { name: "A's conversation with X", method: 'get', path: () => `/api/conversations/${ids.conversationA}`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 200, consultantY: 404 } },
  { name: "history of A's conversation", method: 'get', path: () => `/api/conversations/${ids.conversationA}/messages`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 200, consultantY: 404 } },
  { name: "write in A's conversation", method: 'post', path: () => `/api/conversations/${ids.conversationA}/messages`, body: () => ({ body: 'Hello' }), expect: { anonymous: 403, customerA: 201, customerB: 404, consultantX: 201, consultantY: 404 } },
  { name: "mark A's conversation read", method: 'post', path: () => `/api/conversations/${ids.conversationA}/read`, body: () => ({ upTo: 1 }), expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 200, consultantY: 404 } },
  { name: 'start a conversation with consultant X', method: 'post', path: () => '/api/conversations', body: () => ({ contact: { kind: 'user', id: ids.consultantXUser } }), expect: { anonymous: 403, customerA: 200, customerB: 403, consultantX: 403, consultantY: 200 } },
  { name: "discuss order A1 (A's)", method: 'post', path: () => `/api/conversations/order/${orders.A1}`, expect: { anonymous: 403, customerA: 200, customerB: 404, consultantX: 200, consultantY: 404 } },
  { name: 'a chat ticket', method: 'post', path: () => '/api/chat/ticket', expect: { anonymous: 403, customerA: 200, customerB: 200, consultantX: 200, consultantY: 200 } },
  {
    name: "the chat-server's send (without its secret)",
    method: 'post',
    path: () => '/api/chat/internal/send',
    body: () => ({ member: { kind: 'user', id: ids.customerA }, conversationId: ids.conversationA, body: 'Forged' }),
    expect: everyone(403),
  },
  {
    name: "the chat-server's presence report (without its secret)",
    method: 'post',
    path: () => '/api/chat/internal/seen',
    body: () => ({ members: [{ kind: 'user', id: ids.customerA }] }),
    expect: everyone(403),
  },
  {
    name: "the chat-server's memberships (without its secret)",
    method: 'post',
    path: () => '/api/chat/internal/memberships',
    body: () => ({ member: { kind: 'user', id: ids.customerA } }),
    expect: everyone(403),
  },
  { name: 'payment webhook (not configured here)', method: 'post', path: () => '/api/payments/stripe/webhook', body: () => ({ id: 'evt_forged', type: 'payment_intent.succeeded' }), expect: everyone(404) },
  // Strapi's generic account routes are closed to everyone: Ventalis' own routes replace them.
  { name: 'list users', method: 'get', path: () => '/api/users', expect: everyone(403) },
  { name: 'count users', method: 'get', path: () => '/api/users/count', expect: everyone(403) },
  { name: 'users/me', method: 'get', path: () => '/api/users/me', expect: everyone(403) },
  { name: 'read user A', method: 'get', path: () => `/api/users/${ids.customerA}`, expect: everyone(403) },
  { name: 'create a user', method: 'post', path: () => '/api/users', body: () => ({ username: 'x', email: 'new@x.test', password: 'Aa1!aaaaaaaaaa', role: 1 }), expect: everyone(403) },
  { name: 'update user A', method: 'put', path: () => `/api/users/${ids.customerA}`, body: () => ({ blocked: true, consultant: null }), expect: everyone(403) },
  { name: 'delete user B', method: 'delete', path: () => `/api/users/${ids.customerB}`, expect: everyone(403) },
  { name: 'list roles', method: 'get', path: () => '/api/users-permissions/roles', expect: everyone(403) },
  { name: 'create a role', method: 'post', path: () => '/api/users-permissions/roles', body: () => ({ name: 'Boss', type: 'boss' }), expect: everyone(403) },
  { name: 'permissions', method: 'get', path: () => '/api/users-permissions/permissions', expect: everyone(403) },
  { name: 'change password (stock rules)', method: 'post', path: () => '/api/auth/change-password', body: () => ({ currentPassword: 'x', password: 'y', passwordConfirmation: 'y' }), expect: everyone(403) },
  { name: 'list sessions', method: 'get', path: () => '/api/auth/sessions', expect: everyone(403) },
  { name: 'OAuth connect', method: 'get', path: () => '/api/connect/github', expect: everyone(403) },
  // Content with no public route at all.
  // Strapi's content-type builder and email plugins mount routes under /api too: nobody's.
  { name: "content types (Strapi's builder)", method: 'get', path: () => '/api/content-type-builder/content-types', expect: everyone(403) },
  { name: "send an email (Strapi's email plugin)", method: 'post', path: () => '/api/email', body: () => ({ to: 'x@y.test', subject: 'Hi', text: 'Hi' }), expect: everyone(403) },
  { name: 'list consultants', method: 'get', path: () => '/api/consultants', expect: everyone(404) },
  { name: 'list inquiries', method: 'get', path: () => '/api/inquiries', expect: everyone(404) },
  { name: 'list messages (no generic route)', method: 'get', path: () => '/api/messages', expect: everyone(404) },
  { name: 'list conversation participants (no generic route)', method: 'get', path: () => '/api/conversation-participants', expect: everyone(404) },
  { name: 'create a product', method: 'post', path: () => '/api/products', body: () => ({ data: { name: 'Injected' } }), expect: everyone(405) },
  { name: 'delete a product', method: 'delete', path: () => '/api/products/kraft-shipping-box', expect: everyone(405) },
];

describe.each(ROUTES)('$method $name', (route) => {
  test.each(ROLES)('as %s', async (role) => {
    const expected = route.expect[role] ?? COMPANY_ROLES[route.name]?.[role as 'buyerA' | 'accountantA'] ?? route.expect.customerA;
    const before = expected >= 400 ? await snapshot(app.strapi) : undefined;
    undescribed.length = 0;
    const res = await call(role, route.method, route.path(), route.body?.());
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    expect(undescribed).toEqual([]);
    if (before) expect(await snapshot(app.strapi)).toEqual(before);
  });
});

describe('own data only', () => {
  test('each customer reads their own profile and their own consultant', async () => {
    const a = await call('customerA', 'get', '/api/account');
    const b = await call('customerB', 'get', '/api/account');
    expect(a.body.data).toMatchObject({ email: 'a@client.test', companyName: 'Alpha Packaging', consultant: { email: 'x@ventalis.test' } });
    expect(b.body.data).toMatchObject({ email: 'b@client.test', companyName: 'Beta Cleaning', consultant: { email: 'y@ventalis.test' } });
  });

  test("a customer updating their profile changes only their own account and their own company", async () => {
    type Rows = { id: number; phone?: string; company?: { id: number }; legalName?: string }[];
    const before = await snapshot(app.strapi);
    await call('customerA', 'put', '/api/account', { phone: '+33 5 55 55 55 55', companyName: 'Alpha Packaging SAS' }).expect(200);
    const after = await snapshot(app.strapi);
    const users = (s: typeof before) => s['plugin::users-permissions.user'] as Rows;
    const companies = (s: typeof before) => s['api::company.company'] as Rows;
    const mine = users(after).find((u) => u.id === ids.customerA)!;
    expect(mine).toMatchObject({ phone: '+33 5 55 55 55 55' });
    expect(companies(after).find((c) => c.id === mine.company!.id)).toMatchObject({ legalName: 'Alpha Packaging SAS' });
    expect(users(after).filter((u) => u.id !== ids.customerA)).toEqual(users(before).filter((u) => u.id !== ids.customerA));
    expect(companies(after).filter((c) => c.id !== mine.company!.id)).toEqual(companies(before).filter((c) => c.id !== mine.company!.id));
  });

  test('a consultant lists only their own clients, with search', async () => {
    const x = await call('consultantX', 'get', '/api/consultant/clients');
    // The people of company A, X's client: its admin, buyer and accountant.
    expect(x.body.data.map((c: { email: string }) => c.email).sort()).toEqual(['a@client.test', 'accountanta@client.test', 'buyera@client.test']);
    const y = await call('consultantY', 'get', '/api/consultant/clients?q=alpha');
    expect(y.body.data).toEqual([]);
    const search = await call('consultantX', 'get', '/api/consultant/clients?q=ALPHA');
    expect(search.body.data).toHaveLength(3);
    expect(search.body.data.every((c: { companyName: string }) => c.companyName.startsWith('Alpha Packaging'))).toBe(true);
  });

  test('the profile update refuses what a customer may not change, naming the field, and writes nothing', async () => {
    for (const body of [{ email: 'other@x.test' }, { consultant: 1 }, { siret: '73282932000017' }, { confirmed: false }, { phone: 'nope' }, {}]) {
      const before = await snapshot(app.strapi);
      const res = await call('customerB', 'put', '/api/account', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/Unrecognized key|phone: Phone must be|at least one field/);
      expect(await snapshot(app.strapi)).toEqual(before);
    }
  });

  test('a forged or expired token is refused', async () => {
    const forged = forge(tokens.customerA!);
    expect((await app.api().get('/api/account').set(bearer(forged))).status).toBe(401);
    expect((await app.api().get('/api/account').set({ Authorization: 'Basic abc' })).status).toBe(403);
  });
});

describe('the API description', () => {
  test('describes every route the cms mounts for its clients, and no route it does not have', () => {
    const mounted = mountedApiRoutes(app.strapi);
    const described = new Set(mounted.filter((route) => checker.operationOf(route.split(' ')[0]!, route.split(' ')[1]!.replace(/\{[^}]+\}/g, 'x'))));
    expect(mounted.filter((route) => !described.has(route) && !NOT_DESCRIBED.some((pattern) => pattern.test(route)))).toEqual([]);
    expect(checker.unmounted(mounted)).toEqual([]);
  });

  test('is served with a page that reads it', async () => {
    const page = await app.api().get('/api/docs').expect(200).expect('content-type', /html/);
    for (const asset of page.text.matchAll(/(?:src|href)="(docs\/[^"]+)"/g)) await app.api().get(`/api/${asset[1]}`).expect(200);
    expect(page.text).toContain('docs/swagger-ui-bundle.js');
    await app.api().get('/api/docs/package.json').expect(404);
    // The page's script points Swagger UI at the document, from /api/docs (with or without a final slash).
    const start = await app.api().get('/api/docs/start.js').expect(200);
    for (const pathname of ['/api/docs', '/api/docs/']) {
      let options: { url?: string } = {};
      const window = { addEventListener: (_event: string, run: () => void) => run() } as Record<string, unknown>;
      runInNewContext(start.text, { window, location: { pathname }, SwaggerUIBundle: (given: { url: string }) => (options = given) });
      expect(options.url).toBe('/api/openapi.json');
    }
  });
});
