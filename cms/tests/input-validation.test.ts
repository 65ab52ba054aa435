import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, registration, snapshot } from './support/fixtures';
import { hasKnownCode } from './support/codes';

/**
 * Input that must be refused with a 400 and a message, on SQLite and on PostgreSQL:
 * control characters in text (PostgreSQL cannot store a NUL), query parameters a route
 * does not declare, and catalogue names that differ only by case or accents.
 */
let app: TestApp;
let customer: { jwt: string };
let consultant: { jwt: string };
let conversationId = 0;
let companyId = 0;
let panelToken = '';
const PANEL_PASSWORD = 'Panel-Password-2026!';

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const x = await createConsultant(app);
  const a = await registerCustomer(app);
  customer = await login(app, a.email, a.password);
  consultant = await login(app, x.email, x.password);
  conversationId = (await app.api().get('/api/conversations').set(bearer(customer.jwt))).body.data[0].id;
  companyId = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: a.id }, populate: { company: { select: ['id'] } } })).company.id;
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({ email: 'ada@input.test', firstname: 'Ada', lastname: 'Admin', password: PANEL_PASSWORD, isActive: true, roles: [superAdmin.id] });
  panelToken = (await app.api().post('/admin/login').send({ email: 'ada@input.test', password: PANEL_PASSWORD })).body.data.token;
});
afterAll(async () => {
  await app?.stop();
});

const inquiry = (overrides: Record<string, unknown> = {}) => ({
  company: 'Bureau Vert',
  firstName: 'Léa',
  lastName: 'Petit',
  email: 'lea@bureau-vert.test',
  subject: 'A quote',
  message: 'Hello,\r\ncould you send us a quote?\n\tThanks',
  ...overrides,
});

/** What the Document Service (the panel's path) refused with, as the panel receives it. */
async function refusal(write: Promise<unknown>) {
  const error = await write.then(
    () => null,
    (e: { name: string; message: string; details?: { errors?: { path: string[]; message: string }[] } }) => e,
  );
  expect(error, 'the write was accepted').not.toBeNull();
  return { name: error!.name, message: error!.message, path: error!.details?.errors?.[0]?.path };
}

describe('control characters in text', () => {
  test('a NUL in the contact form is a 400 naming the field, and nothing is stored or mailed', async () => {
    const before = await snapshot(app.strapi);
    const mails = app.mailbox.received.length;
    for (const change of [{ company: '\u0000' }, { company: 'Bureau\u0000Vert' }, { subject: 'Quote\u001B[2J' }, { message: 'A long enough message\u0000' }]) {
      const res = await app.api().post('/api/inquiries').send(inquiry(change));
      expect(res.status, JSON.stringify(change)).toBe(400);
      const [field] = Object.keys(change);
      expect(res.body.error.details.errors[field!]).toMatch(/control characters/);
      expect(res.body.error.details.codes[field!]).toEqual({ code: field === 'message' ? 'text.control_characters' : 'text.not_single_line' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await snapshot(app.strapi)).toEqual(before);
    expect(app.mailbox.received.length).toBe(mails);
  });

  test('a text area keeps its line breaks and tabs', async () => {
    expect((await app.api().post('/api/inquiries').send(inquiry())).status).toBe(201);
    const stored = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { email: 'lea@bureau-vert.test' } });
    expect(stored.message).toBe('Hello,\r\ncould you send us a quote?\n\tThanks');
  });

  test('a NUL in a registration is a 400 naming the field, and no account is created', async () => {
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/auth/local/register').send(registration({ companyName: 'Acme\u0000' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.companyName).toBe('Company name must be a single line without control characters (line breaks, tabs, NUL…): remove them');
    expect(res.body.error.details.codes.companyName).toEqual({ code: 'text.not_single_line' });
    const address = await app.api().post('/api/auth/local/register').send(registration({ billingAddress: { line1: '1 rue\u0000', line2: '', postalCode: '69003', city: 'Lyon', country: 'FR' } }));
    expect(address.status).toBe(400);
    expect(address.body.error.details.errors['billingAddress.line1']).toMatch(/control characters/);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a NUL in a profile change, a chat message, a consultant comment or a search is a 400', async () => {
    const before = await snapshot(app.strapi);
    const answers = [
      await app.api().put('/api/account').set(bearer(customer.jwt)).send({ firstName: 'Lé\u0000a' }),
      await app.api().post(`/api/conversations/${conversationId}/messages`).set(bearer(customer.jwt)).send({ body: 'Hello\u0000' }),
      await app.api().get('/api/products?q=box%00'),
      await app.api().get('/api/consultant/clients?q=%00').set(bearer(consultant.jwt)),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400]);
    expect(answers.map((res) => Object.keys(res.body.error.details.errors)[0])).toEqual(['firstName', 'body', 'q', 'q']);
    expect(answers.map((res) => Object.values(res.body.error.details.codes)[0])).toEqual([
      { code: 'text.not_single_line' },
      { code: 'text.control_characters' },
      { code: 'text.not_single_line' },
      { code: 'text.not_single_line' },
    ]);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an address with a NUL or a huge parameter names nothing: 404, not a database error', async () => {
    const before = await snapshot(app.strapi);
    const answers = [
      await app.api().get('/api/products/box%00'),
      await app.api().get('/api/categories/%00'),
      await app.api().get(`/api/products/${'a'.repeat(300)}`),
      await app.api().get('/api/orders/%00').set(bearer(customer.jwt)),
      await app.api().post('/api/orders/%00/cancel').set(bearer(customer.jwt)),
      await app.api().put('/api/cart/items/%00').set(bearer(customer.jwt)).send({ quantity: 1000 }),
      await app.api().post('/api/conversations/order/%00').set(bearer(customer.jwt)),
      await app.api().post('/api/consultant/orders/%00/notes').set(bearer(consultant.jwt)).send({ body: 'A note' }),
      await app.api().get('/api/consultant/companies/%00/agreements').set(bearer(consultant.jwt)),
      await app.api().delete(`/api/consultant/companies/${companyId}/agreements/%00`).set(bearer(consultant.jwt)),
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    expect(answers[0]!.body.error.message).toBe('Nothing has this address');
    for (const res of answers) expect(res.body.error.details).toMatchObject({ code: expect.stringMatching(/^(request|order|cart|chat)\.[a-z_]+_?not_found$|^(request|company|agreement)\.not_found$/) });
    expect(answers[0]!.body.error.details).toEqual({ code: 'request.not_found' });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('the panel cannot store a NUL in a product or category either: a validation error on the field', async () => {
    const before = await snapshot(app.strapi);
    const docs = app.strapi.documents;
    expect(await refusal(docs('api::category.category').create({ data: { name: 'Bags\u0000', slug: 'bags' } }))).toEqual({
      name: 'ValidationError',
      message: 'name must be a single line without control characters (line breaks, tabs, NUL…): remove them',
      path: ['name'],
    });
    const packaging = await docs('api::category.category').findFirst({ filters: { slug: 'packaging' } });
    expect((await refusal(docs('api::category.category').update({ documentId: packaging!.documentId, data: { description: 'Boxes\u0000' } }))).path).toEqual(['description']);
    const box = await docs('api::product.product').findFirst({ filters: { slug: 'kraft-shipping-box' } });
    const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: 'Strong\u0000' }] }];
    expect((await refusal(docs('api::product.product').update({ documentId: box!.documentId, data: { description: blocks } as never }))).path).toEqual(['description', '0', 'children', '0', 'text']);
    // Through the panel's own HTTP API, as the Content Manager sends it.
    const res = await app.api().post('/content-manager/collection-types/api::category.category').set(bearer(panelToken)).send({ name: 'Cups\u0000', slug: 'cups', visible: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['name'], message: expect.stringMatching(/control characters/) });
    expect(await snapshot(app.strapi)).toEqual(before);
    // A description (a text area) keeps its line breaks.
    await docs('api::category.category').update({ documentId: packaging!.documentId, data: { description: 'Boxes,\r\nmailers\tand more' } });
  });
});

describe('bodies that cannot be read', () => {
  test('broken JSON, a multipart form without its boundary, or too large a body: 4xx in the API error shape', async () => {
    const before = await snapshot(app.strapi);
    const send = (type: string, body: string) => app.api().post('/api/inquiries').set('Content-Type', type).send(body);
    const broken = await send('application/json', '{"company":');
    const multipart = await send('multipart/form-data', 'company=x');
    const huge = await send('application/json', JSON.stringify({ message: 'x'.repeat(300_000) }));
    expect([broken.status, multipart.status, huge.status]).toEqual([400, 400, 413]);
    expect(broken.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^The request body could not be read: /) });
    expect(multipart.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^The request body could not be read: .*boundary/) });
    expect(huge.body.error).toMatchObject({ name: 'PayloadTooLargeError', message: expect.stringMatching(/^The request body is too large/) });
    expect([broken, multipart, huge].map((res) => res.body.error.details.code)).toEqual(['request.body_unreadable', 'request.body_unreadable', 'request.body_too_large']);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});

describe('query parameters a route does not declare', () => {
  const anonymous = [
    '/api/products/kraft-shipping-box?populate=*',
    '/api/products?populate=*',
    '/api/categories?filters[name][$eq]=Packaging',
    '/api/categories/packaging?fields[0]=name',
    '/api/eco-labels?lookup=1',
    '/api/pages/home?populate=*',
    '/api/pages/commitment?lang=en',
  ];
  test.each(anonymous)('GET %s is a 400 naming the parameter', async (path) => {
    const res = await app.api().get(path);
    const parameter = new URL(path, 'http://x').searchParams.keys().next().value!.replace(/\[.*/, '');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^Unknown query parameter ${parameter.replace('*', '\\*')}:`));
    expect(res.body.error.details.errors).toHaveProperty(parameter);
    expect(res.body.error.details.codes[parameter]).toMatchObject({ code: expect.stringMatching(/^request\.(unknown_parameters|no_parameters_accepted)$/) });
  });

  test.each([
    '/api/conversations?populate=*',
    '/api/conversations/unread?filters[id]=1',
    '/api/conversations/contacts?fields=email',
    '/api/conversations/{id}?populate=participants',
    '/api/conversations/{id}/messages?limit=5&populate=*',
    '/api/cart?populate=*',
    '/api/account?fields=password',
    '/api/orders?scope=ongoing&populate=*',
    '/api/orders/impact?lookup=1',
    '/api/checkout/options?populate=*',
  ])('as a customer, GET %s is a 400 naming the parameter', async (path) => {
    const res = await app.api().get(path.replace('{id}', String(conversationId))).set(bearer(customer.jwt));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Unknown query parameter (populate|filters|fields|lookup):/);
  });

  test('writes refuse them too, and change nothing', async () => {
    const before = await snapshot(app.strapi);
    const answers = [
      await app.api().post('/api/cart/items?populate=*').set(bearer(customer.jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }),
      await app.api().post('/api/cart/quick-order?populate=*').set(bearer(customer.jwt)).send({ lines: 'KRAFT-BOX;1000' }),
      await app.api().post(`/api/conversations/${conversationId}/messages?status=draft`).set(bearer(customer.jwt)).send({ body: 'Hello' }),
      await app.api().post('/api/inquiries?populate=*').send(inquiry({ email: 'other@bureau-vert.test' })),
      await app.api().post('/api/auth/local/register?role=admin').send(registration()),
      await app.api().get('/api/consultant/clients?populate=*').set(bearer(consultant.jwt)),
      await app.api().post(`/api/consultant/companies/${companyId}/agreements?populate=*`).set(bearer(consultant.jwt)).send({ kind: 'net_price', product: 'kraft-shipping-box', netPriceCents: 100, startsOn: '2026-01-01', endsOn: '2026-01-31' }),
      await app.api().delete(`/api/consultant/companies/${companyId}/agreements/1?locale=fr`).set(bearer(consultant.jwt)),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400]);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test("the panel's role editor still lists the routes that declare their query", async () => {
    const res = await app.api().get('/users-permissions/routes').set(bearer(panelToken));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('/products');
  });

  test('declared parameters still work, and the message lists them', async () => {
    expect((await app.api().get(`/api/conversations/${conversationId}/messages?limit=5`).set(bearer(customer.jwt))).status).toBe(200);
    expect((await app.api().get('/api/products?q=box&sort=price_asc').expect(200)).body.data.length).toBeGreaterThan(0);
    const res = await app.api().get('/api/products?category=packaging&populate=*');
    expect(res.body.error.message).toBe('Unknown query parameter populate: this address accepts only locale, category, label, priceMin, priceMax, q, sort, page, pageSize');
    expect(res.body.error.details).toMatchObject({ code: 'request.unknown_parameters', params: { names: 'populate', accepted: 'locale, category, label, priceMin, priceMax, q, sort, page, pageSize' } });
    const cart = await app.api().get('/api/cart?populate=*').set(bearer(customer.jwt));
    expect(cart.body.error.details).toMatchObject({ code: 'request.unknown_parameters', params: { names: 'populate', accepted: 'locale' } });
  });
});

describe('catalogue names differing only by case or accents', () => {
  test('a category, product or label named like another is refused with the usual message, in the panel', async () => {
    const before = await snapshot(app.strapi);
    const docs = app.strapi.documents;
    const unique = { name: 'ValidationError', message: 'This attribute must be unique', path: ['name'] };
    expect(await refusal(docs('api::category.category').create({ data: { name: 'PACKAGING', slug: 'packaging-2' } }))).toEqual(unique);
    expect(await refusal(docs('api::category.category').create({ data: { name: '  cléaning ', slug: 'cleaning-2' } }))).toEqual(unique);
    expect(await refusal(docs('api::eco-label.eco-label').create({ data: { name: 'fsc', slug: 'fsc-2' } }))).toEqual(unique);
    const mailer = await docs('api::product.product').findFirst({ filters: { slug: 'recycled-mailer-bag' } });
    expect(await refusal(docs('api::product.product').update({ documentId: mailer!.documentId, data: { name: 'Kraft Shipping Box' } }))).toEqual(unique);
    // The panel's HTTP API gives the same answer, on the field.
    const res = await app.api().post('/content-manager/collection-types/api::category.category').set(bearer(panelToken)).send({ name: 'Mailèrs', slug: 'mailers-2', visible: true });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message: 'This attribute must be unique', details: { errors: [{ path: ['name'], message: 'This attribute must be unique' }] } });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('"Éco" and "eco" are one name; a name may change its own case; distinct names pass', async () => {
    const docs = app.strapi.documents;
    const eco = await docs('api::category.category').create({ data: { name: 'Éco', slug: 'eco' } });
    expect((await refusal(docs('api::category.category').create({ data: { name: 'eco', slug: 'eco-2' } }))).message).toBe('This attribute must be unique');
    await docs('api::category.category').update({ documentId: eco.documentId, data: { name: 'ÉCO' } });
    await docs('api::category.category').create({ data: { name: 'Echo', slug: 'echo' } });
    const names = (await docs('api::category.category').findMany({ fields: ['name'] })).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ÉCO', 'Echo']));
  });
});

describe('every refusal names its code, for the storefront to word it in French and English', () => {
  const call = (method: 'get' | 'post' | 'put' | 'delete', path: string, jwt?: string, body?: unknown) => {
    const request = app.api()[method](path);
    if (jwt) request.set(bearer(jwt));
    return body === undefined ? request : request.send(body as object);
  };

  test("the shop's rules: quantities, the cart, checkout, payment and orders", async () => {
    const before = await snapshot(app.strapi);
    const add = (quantity: number, product = 'kraft-shipping-box') => call('post', '/api/cart/items', customer.jwt, { product, quantity });
    const below = await add(999);
    expect(below.status).toBe(400);
    expect(below.body.error.details.codes.quantity).toEqual({ code: 'quantity.below_minimum', params: { min: 1000 } });
    expect((await add(1050)).body.error.details.codes.quantity).toEqual({ code: 'quantity.wrong_step', params: { step: 100, min: 1000, example: 1100 } });
    expect((await add(60_000)).body.error.details.codes.quantity).toEqual({ code: 'quantity.above_stock', params: { stock: 50_000 } });
    expect((await add(1000, 'no-such-product')).body.error.details).toEqual({ code: 'cart.product_not_found', params: { slug: 'no-such-product' } });
    expect((await call('put', '/api/cart/items/recycled-mailer-bag', customer.jwt, { quantity: 1000 })).body.error.details).toEqual({ code: 'cart.line_not_found', params: { slug: 'recycled-mailer-bag' } });
    const empty = await call('post', '/api/checkout', customer.jwt, { idempotencyKey: '6f1c1c84-1d1b-4bd8-9d8f-0b5f0e7f7a11' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toMatchObject({ code: 'cart.empty' });
    expect((await call('get', '/api/orders/VT-000000-AAAAAA', customer.jwt)).body.error.details).toEqual({ code: 'order.not_found' });
    expect((await call('post', '/api/checkout', customer.jwt, { idempotencyKey: 'not-a-uuid' })).body.error.details.codes.idempotencyKey).toEqual({ code: 'value.invalid_format' });
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a cart line that no longer follows the rules says why with a code, and checkout refuses it with the same code', async () => {
    const products = app.strapi.db.query('api::product.product');
    await call('post', '/api/cart/items', customer.jwt, { product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    const box = await products.findOne({ where: { slug: 'kraft-shipping-box' }, select: ['id', 'stock', 'minQuantity', 'name'] });
    try {
      await products.update({ where: { id: box.id }, data: { stock: 500 } });
      const line = (await call('get', '/api/cart', customer.jwt).expect(200)).body.data.lines[0];
      expect(line.problemCode).toEqual({ code: 'quantity.above_stock', params: { stock: 500 } });
      expect(line.problem).toBe('Only 500\u00a0units are in stock');

      await products.update({ where: { id: box.id }, data: { stock: box.stock, minQuantity: 2000 } });
      const refused = await call('post', '/api/checkout', customer.jwt, { idempotencyKey: 'd3a9f1e2-5b7c-4e8a-9f00-1c2d3e4f5a6b' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toMatchObject({
        code: 'checkout.line_refused',
        params: { product: box.name },
        codes: { 'kraft-shipping-box': { code: 'quantity.below_minimum', params: { min: 2000 } } },
      });
    } finally {
      await products.update({ where: { id: box.id }, data: { stock: box.stock, minQuantity: box.minQuantity } });
      await call('delete', '/api/cart', customer.jwt).expect(200);
    }
  });

  test("Strapi's own refusals: sign-in, a missing or bad session, no permission, an unknown address", async () => {
    const wrong = await call('post', '/api/auth/local', undefined, { identifier: 'nobody@nowhere.test', password: 'Wrong-Password-1!' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual({ code: 'auth.invalid_credentials' });
    const unconfirmed = registration();
    await call('post', '/api/auth/local/register', undefined, unconfirmed).expect(201);
    const notYet = await call('post', '/api/auth/local', undefined, { identifier: unconfirmed.email, password: unconfirmed.password });
    expect(notYet.body.error.details).toEqual({ code: 'auth.email_not_confirmed' });
    expect((await call('get', '/api/account')).body.error).toMatchObject({ status: 403, details: { code: 'auth.forbidden' } });
    expect((await call('get', '/api/account', 'not.a.token')).body.error).toMatchObject({ status: 401, details: { code: 'auth.required' } });
    expect((await call('get', '/api/consultant/clients', customer.jwt)).body.error).toMatchObject({ status: 403, details: { code: 'auth.forbidden' } });
    expect((await call('get', '/api/no-such-route')).body.error).toMatchObject({ status: 404, details: { code: 'request.not_found' } });
    expect((await call('get', '/api/auth/email-confirmation?confirmation=abc')).body.error.details).toMatchObject({ code: expect.stringMatching(/^(account\.confirmation_link_invalid|request\.invalid)$/) });
    expect((await call('post', '/api/auth/refresh', undefined, { refreshToken: 'nope' })).body.error.details).toMatchObject({ code: 'auth.refresh_invalid' });
  });

  test('chat refusals', async () => {
    const other = await call('post', '/api/conversations', customer.jwt, { contact: { kind: 'user', id: 999_999 } });
    expect(other.status).toBe(404);
    expect(other.body.error.details).toEqual({ code: 'chat.member_not_found' });
    expect((await call('get', '/api/conversations/999999', customer.jwt)).body.error.details).toEqual({ code: 'chat.conversation_not_found' });
    expect((await call('get', `/api/conversations/${conversationId}/messages?before=5&after=3`, customer.jwt)).body.error.details.codes.after).toEqual({ code: 'chat.before_and_after' });
  });

  test('a sample of every kind of refusal above: each code is in the one list', async () => {
    const answers = [
      await call('post', '/api/inquiries', undefined, inquiry({ email: 'no' })),
      await call('get', '/api/products?sort=cheapest'),
      await call('get', '/api/products?page=0'),
      await call('put', '/api/account', customer.jwt, {}),
      await call('post', '/api/orders/VT-000000-AAAAAA/simulated-payment', customer.jwt, { cardNumber: '1', expiry: 'x', cvc: 'y' }),
    ];
    for (const res of answers) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(hasKnownCode(res.body.error.details), JSON.stringify(res.body)).toBe(true);
    }
    expect(answers[0]!.body.error.details.codes.email).toEqual({ code: 'email.invalid' });
    expect(answers[1]!.body.error.details.codes.sort).toEqual({ code: 'value.not_allowed', params: { allowed: 'name, price_asc, price_desc, newest, co2e' } });
    expect(answers[2]!.body.error.details.codes.page).toEqual({ code: 'number.too_small', params: { min: 1 } });
    expect(answers[3]!.body.error.details.codes._).toEqual({ code: 'profile.nothing_to_change' });
  });
});
