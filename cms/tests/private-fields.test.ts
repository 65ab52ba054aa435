import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';

/**
 * Regressions for the ways Strapi apps have leaked private fields: filtering or
 * sorting on them (also through relations such as createdBy), populating relations
 * to accounts, fields selection, the internal `lookup` parameter, populated admin
 * users in custom responses, and the generic users routes.
 */
const SECRETS = ['password', 'resetPasswordToken', 'resetPasswordExpiresAt', 'confirmationToken', 'registrationToken', 'adminUserId', 'createdBy', 'updatedBy'];

let app: TestApp;
let customerJwt: string;
let consultantJwt: string;
let customerId: number;

const walkKeys = (value: unknown, keys = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((v) => walkKeys(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walkKeys(v, keys);
    }
  }
  return keys;
};
const expectNoSecrets = (body: unknown) => {
  const keys = walkKeys(body);
  for (const secret of SECRETS) expect(keys.has(secret), `${secret} in ${JSON.stringify(body).slice(0, 300)}`).toBe(false);
  expect(JSON.stringify(body)).not.toMatch(/\$2[aby]\$\d\d\$/);
};

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  // Give catalogue rows an author, as the panel does, so createdBy exists to leak.
  const admin = await app.strapi.service('admin::user').create({ email: 'author@ventalis.test', firstname: 'Au', lastname: 'Thor', password: 'Author-Password-1!', isActive: true });
  await app.strapi.db.query('api::product.product').updateMany({ where: {}, data: { createdBy: admin.id, updatedBy: admin.id } });
  const consultant = await createConsultant(app);
  const customer = await registerCustomer(app);
  customerId = customer.id;
  await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
  customerJwt = (await login(app, customer.email, customer.password)).jwt;
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});

describe('no private field leaves the cms', () => {
  test('in the customer profile, the consultant list, or a client page', async () => {
    const me = await app.api().get('/api/account').set(bearer(customerJwt)).expect(200);
    expect(Object.keys(me.body.data).sort()).toEqual(['billingAddress', 'companyName', 'confirmed', 'consultant', 'email', 'firstName', 'id', 'lastName', 'locale', 'membership', 'pendingJoin', 'phone', 'role', 'siret', 'vatNumber']);
    expect(Object.keys(me.body.data.consultant).sort()).toEqual(['email', 'employeeNumber', 'firstName', 'lastName', 'phone']);
    expectNoSecrets(me.body);
    const clients = await app.api().get('/api/consultant/clients').set(bearer(consultantJwt)).expect(200);
    expect(Object.keys(clients.body.data[0]).sort()).toEqual(['companyName', 'email', 'firstName', 'id', 'lastName', 'lastOrderAt', 'orderCount', 'phone']);
    const client = await app.api().get(`/api/consultant/clients/${customerId}`).set(bearer(consultantJwt)).expect(200);
    expectNoSecrets(client.body);
  });

  test('in the login and registration answers', async () => {
    const res = await app.api().post('/api/auth/local').send({ identifier: (await app.api().get('/api/account').set(bearer(customerJwt))).body.data.email, password: 'Gr33n-Supply-Chain!' });
    expect(res.status).toBe(200);
    expectNoSecrets(res.body.user);
  });

  test('in catalogue answers, even for rows that have an author (createdBy)', async () => {
    for (const path of ['/api/products', '/api/products/kraft-shipping-box', '/api/categories', '/api/eco-labels']) {
      const res = await app.api().get(path);
      expect(res.status).toBe(200);
      expectNoSecrets(res.body);
    }
  });

  test('in catalogue answers in either language: no search text, no row or document ids', async () => {
    for (const path of ['/api/products', '/api/products/kraft-shipping-box', '/api/categories', '/api/categories/packaging', '/api/eco-labels']) {
      for (const query of ['', '?locale=en', '?locale=fr']) {
        const res = await app.api().get(`${path}${query}`);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body), `${path}${query}`).not.toMatch(/"(searchText|documentId|id|localizations|createdBy|updatedBy)"\s*:/);
      }
    }
  });

  test.each([
    ['filter on a private field through a relation', '?filters[createdBy][password][$startsWith]=$2'],
    ['filter on reset tokens', '?filters[createdBy][resetPasswordToken][$notNull]=true'],
    ['sort on a private field', '?sort=createdBy.password:asc'],
    ['populate accounts', '?populate[createdBy]=*'],
    ['populate everything', '?populate=*'],
    ['select private fields', '?fields[0]=password'],
    ['internal lookup parameter', '?lookup[createdBy][password][$startsWith]=$2'],
    ['status/draft access', '?status=draft'],
  ])('refuses a %s with 400 and reveals nothing', async (_name, query) => {
    const before = await snapshot(app.strapi);
    for (const path of ['/api/products', '/api/categories', '/api/eco-labels', '/api/pages/home']) {
      const res = await app.api().get(`${path}${query}`);
      // Routes without query parameters ignore them; the product list refuses them.
      expect([200, 400, 404], path).toContain(res.status);
      if (path === '/api/products') expect(res.status).toBe(400);
      expectNoSecrets(res.body);
    }
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('the generic users routes stay closed, whatever the filters', async () => {
    for (const query of ['', '?filters[password][$startsWith]=$2', '?filters[resetPasswordToken][$notNull]=true', '?populate=role']) {
      for (const jwt of [undefined, customerJwt, consultantJwt]) {
        const req = app.api().get(`/api/users${query}`);
        if (jwt) req.set(bearer(jwt));
        const res = await req;
        expect(res.status).toBe(403);
        expectNoSecrets(res.body);
      }
    }
  });

  test('the consultant client search treats its text as text, not as a filter', async () => {
    const res = await app.api().get('/api/consultant/clients?q[$ne]=x').set(bearer(consultantJwt));
    expect(res.status).toBe(400);
    const bad = await app.api().get('/api/consultant/clients?filters[password][$notNull]=true').set(bearer(consultantJwt));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Unknown query parameter filters:/);
  });
});
