import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { placeOrder } from './support/orders';

/**
 * The company is the client: registration makes the first person its admin, or asks to join
 * the company that has the SIRET; orders belong to the company and each role reads what it
 * may; an accountant never orders.
 */
const USER = 'plugin::users-permissions.user';
let app: TestApp;
type Person = { id: number; email: string; jwt: string };
const people = {} as Record<'admin' | 'buyer' | 'accountant' | 'other' | 'joiner', Person>;
let consultantJwt: string;

const as = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
  put: (path: string, body: object) => app.api().put(path).set(bearer(people[who].jwt)).send(body),
});
const companyOf = async (userId: number) => (await app.strapi.db.query(USER).findOne({ where: { id: userId }, populate: { company: true } })).company;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app);
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
  const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ id: registered.id, email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt });
  people.admin = await signIn(await registerCustomer(app, { companyName: 'Maison Alpha' }));
  people.buyer = await signIn(await registerCustomer(app, { companyName: 'Alpha buyer’s own' }));
  people.accountant = await signIn(await registerCustomer(app, { companyName: 'Alpha accountant’s own' }));
  people.other = await signIn(await registerCustomer(app, { companyName: 'Beta SARL' }));
  const alpha = await companyOf(people.admin.id);
  await joinCompany(app, people.buyer.id, alpha.id, 'buyer');
  await joinCompany(app, people.accountant.id, alpha.id, 'accountant');
});
afterAll(async () => {
  await app?.stop();
});

describe('registration', () => {
  test('with the SIRET of an existing company asks to join it: no second company, no ordering until an admin accepts', async () => {
    const alpha = await companyOf(people.admin.id);
    const companies = await app.strapi.db.query('api::company.company').count();
    const registered = await registerCustomer(app, { companyName: 'Maison Alpha (typo)', siret: alpha.siret });
    people.joiner = { id: registered.id, email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt };
    expect(await app.strapi.db.query('api::company.company').count()).toBe(companies);
    expect(await companyOf(registered.id)).toBeNull();
    const request = await app.strapi.db.query('api::company.join-request').findOne({ where: { user: { id: registered.id } }, populate: { company: true } });
    expect(request).toMatchObject({ status: 'pending', company: { id: alpha.id } });

    const account = await as('joiner').get('/api/account');
    expect(account.body.data).toMatchObject({ membership: null, pendingJoin: { legalName: 'Maison Alpha' }, companyName: '', consultant: null });

    const before = await snapshot(app.strapi);
    const refused = await as('joiner').post('/api/cart/items', { product: 'kraft-shipping-box', quantity: 1000 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'company.membership_pending', params: { company: 'Maison Alpha' } });
    expect((await as('joiner').post('/api/checkout', { idempotencyKey: randomUUID() })).status).toBe(403);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});

describe('roles', () => {
  test('every member reads the company and their role on their account, and the company has one consultant for all', async () => {
    const [admin, buyer, accountant] = await Promise.all(['admin', 'buyer', 'accountant'].map((who) => as(who as 'admin').get('/api/account')));
    expect(admin.body.data).toMatchObject({ companyName: 'Maison Alpha', membership: { role: 'admin', company: { legalName: 'Maison Alpha' } }, pendingJoin: null });
    expect(buyer.body.data).toMatchObject({ companyName: 'Maison Alpha', membership: { role: 'buyer' } });
    expect(accountant.body.data).toMatchObject({ companyName: 'Maison Alpha', membership: { role: 'accountant' } });
    expect(buyer.body.data.consultant).toEqual(admin.body.data.consultant);
    expect(admin.body.data.consultant).not.toBeNull();
  });

  test('a buyer orders; the order is the company’s: the admin and the accountant read it, another company does not', async () => {
    const { order } = await placeOrder(app, people.buyer.jwt, [['kraft-shipping-box', 1000]]);
    const stored = await app.strapi.db.query('api::order.order').findOne({ where: { reference: order.reference }, populate: { company: true } });
    expect(stored.company.id).toBe((await companyOf(people.admin.id)).id);
    for (const who of ['admin', 'accountant', 'buyer'] as const) {
      expect((await as(who).get(`/api/orders/${order.reference}`)).status).toBe(200);
      expect((await as(who).get('/api/orders')).body.data.map((o: { reference: string }) => o.reference)).toContain(order.reference);
    }
    expect((await as('other').get(`/api/orders/${order.reference}`)).status).toBe(404);
    expect((await as('other').get('/api/orders')).body.data).toEqual([]);
  });

  test("a buyer reads their own orders, not the admin's", async () => {
    const { order } = await placeOrder(app, people.admin.jwt, [['plant-based-dish-soap', 1000]]);
    expect((await as('buyer').get(`/api/orders/${order.reference}`)).status).toBe(404);
    expect((await as('buyer').get('/api/orders')).body.data.map((o: { reference: string }) => o.reference)).not.toContain(order.reference);
    expect((await as('accountant').get(`/api/orders/${order.reference}`)).status).toBe(200);
  });

  test('an accountant cannot fill a cart, check out or reorder, and nothing changes', async () => {
    const { order } = await placeOrder(app, people.admin.jwt, [['kraft-shipping-box', 1000]]);
    const before = await snapshot(app.strapi);
    const add = await as('accountant').post('/api/cart/items', { product: 'kraft-shipping-box', quantity: 1000 });
    expect(add.status).toBe(403);
    expect(add.body.error.details).toMatchObject({ code: 'company.ordering_not_allowed', params: { role: 'accountant' } });
    expect((await as('accountant').post('/api/checkout', { idempotencyKey: randomUUID() })).status).toBe(403);
    expect((await as('accountant').post(`/api/orders/${order.reference}/reorder`)).status).toBe(403);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test("the consultant follows the company's orders, whoever placed them", async () => {
    const { order } = await placeOrder(app, people.buyer.jwt, [['kraft-shipping-box', 1000]]);
    const res = await app.api().get(`/api/consultant/orders/${order.reference}`).set(bearer(consultantJwt));
    expect(res.status).toBe(200);
    expect(res.body.data.client).toMatchObject({ id: people.buyer.id, companyName: 'Maison Alpha' });
  });
});

describe("the company's details in the profile", () => {
  test('an admin changes the company name and address for every member', async () => {
    const res = await as('admin').put('/api/account', { companyName: 'Maison Alpha SAS', billingAddress: { line1: '3 quai Rambaud', line2: '', postalCode: '69002', city: 'Lyon', country: 'FR' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ companyName: 'Maison Alpha SAS', billingAddress: { line1: '3 quai Rambaud' } });
    expect((await as('buyer').get('/api/account')).body.data).toMatchObject({ companyName: 'Maison Alpha SAS', billingAddress: { line1: '3 quai Rambaud' } });
  });

  test('a buyer changes their own name but not the company’s; a refused change writes nothing, not even the allowed part', async () => {
    const before = await snapshot(app.strapi);
    const refused = await as('buyer').put('/api/account', { companyName: 'Hijacked', firstName: 'Bruno' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'company.admins_only' });
    expect(await snapshot(app.strapi)).toEqual(before);
    const own = await as('buyer').put('/api/account', { firstName: 'Bruno' });
    expect(own.body.data).toMatchObject({ firstName: 'Bruno', companyName: 'Maison Alpha SAS' });
  });
});

describe('a change of consultant', () => {
  test("moves the whole company: every member's account and conversation follows", async () => {
    const newcomer = await createConsultant(app, { firstName: 'Nina', lastName: 'Morel' });
    await app.strapi.service('api::consultant.assignment').reassignClient(people.buyer.id, newcomer.id);
    for (const who of ['admin', 'buyer', 'accountant'] as const) {
      expect((await as(who).get('/api/account')).body.data.consultant).toMatchObject({ lastName: 'Morel' });
      const conversations = (await as(who).get('/api/conversations')).body.data as { with: { name: string }[] }[];
      expect(conversations.some((c) => c.with.some((m) => m.name === 'Nina Morel'))).toBe(true);
    }
    expect((await as('other').get('/api/account')).body.data.consultant).not.toMatchObject({ lastName: 'Morel' });
  });
});

describe('accounts from before companies', () => {
  test('each becomes the admin of a company of its own holding its name, SIRET, VAT number, address, consultant and orders', async () => {
    const registered = await registerCustomer(app, { companyName: 'Legacy Lumière', vatNumber: 'FR40303265045' });
    const jwt = (await login(app, registered.email, registered.password)).jwt;
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    const company = await app.strapi.db.query('api::company.company').findOne({ where: { legalName: 'Legacy Lumière' }, populate: { billingAddress: true, consultant: true } });
    // Back to how it was stored before companies.
    const user = await app.strapi.db.query(USER).findOne({ where: { id: registered.id } });
    await app.strapi.documents(USER).update({ documentId: user.documentId, data: { companyName: company.legalName, siret: company.siret, vatNumber: company.vatNumber, billingAddress: { line1: company.billingAddress.line1, line2: company.billingAddress.line2, postalCode: company.billingAddress.postalCode, city: company.billingAddress.city, country: company.billingAddress.country } } as never });
    await app.strapi.db.query(USER).update({ where: { id: registered.id }, data: { company: null, companyRole: null } });
    await app.strapi.db.query('api::company.company').delete({ where: { id: company.id } });
    expect(await companyOf(registered.id)).toBeNull();

    expect(await app.strapi.service('api::company.companies').migrateClientAccounts()).toBe(1);
    const migrated = await app.strapi.db.query(USER).findOne({ where: { id: registered.id }, populate: { company: { populate: { billingAddress: true, consultant: true } }, billingAddress: true } });
    expect(migrated).toMatchObject({ companyRole: 'admin', companyName: null, siret: null, vatNumber: null, billingAddress: null });
    expect(migrated.company).toMatchObject({ legalName: 'Legacy Lumière', siret: company.siret, vatNumber: 'FR40303265045', consultant: { id: company.consultant.id } });
    expect(migrated.company.billingAddress).toMatchObject({ line1: company.billingAddress.line1, city: company.billingAddress.city, postalCode: company.billingAddress.postalCode });
    expect((await app.api().get(`/api/orders/${order.reference}`).set(bearer(jwt))).status).toBe(200);
    // Once done, nothing more to do.
    expect(await app.strapi.service('api::company.companies').migrateClientAccounts()).toBe(0);
  });
});
