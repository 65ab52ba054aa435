import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, registration, snapshot } from './support/fixtures';

/**
 * Input that must be refused with a 400 and a message, on SQLite and on PostgreSQL:
 * control characters in text (PostgreSQL cannot store a NUL), query parameters a route
 * does not declare, and catalogue names that differ only by case or accents.
 */
let app: TestApp;
let customer: { jwt: string };
let consultant: { jwt: string };
let conversationId = 0;
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
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(answers[0]!.body.error.message).toBe('Nothing has this address');
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
  ])('as a customer, GET %s is a 400 naming the parameter', async (path) => {
    const res = await app.api().get(path.replace('{id}', String(conversationId))).set(bearer(customer.jwt));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Unknown query parameter (populate|filters|fields|lookup):/);
  });

  test('writes refuse them too, and change nothing', async () => {
    const before = await snapshot(app.strapi);
    const answers = [
      await app.api().post('/api/cart/items?populate=*').set(bearer(customer.jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }),
      await app.api().post(`/api/conversations/${conversationId}/messages?status=draft`).set(bearer(customer.jwt)).send({ body: 'Hello' }),
      await app.api().post('/api/inquiries?populate=*').send(inquiry({ email: 'other@bureau-vert.test' })),
      await app.api().post('/api/auth/local/register?role=admin').send(registration()),
      await app.api().get('/api/consultant/clients?populate=*').set(bearer(consultant.jwt)),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400, 400]);
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
