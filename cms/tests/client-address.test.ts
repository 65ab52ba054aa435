import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { asVisitor, createConsultant, registerCustomer, snapshot } from './support/fixtures';

/**
 * Whom the cms counts an attempt against. Tests reach the cms from 127.0.0.1, which is
 * not a trusted proxy here: like any caller on the cms' port, it may claim any
 * X-Forwarded-For. Only the storefront's signed address speaks for someone else.
 */
const PER_ADDRESS = 5;
let app: TestApp;
let customer: Awaited<ReturnType<typeof registerCustomer>>;
const ADMIN = { email: 'root@panel.test', password: 'Panel-Password-2026!' };

beforeAll(async () => {
  app = await startApp({
    RATE_LIMIT_AUTH_PER_ADDRESS: String(PER_ADDRESS),
    RATE_LIMIT_AUTH_PER_ACCOUNT_AND_ADDRESS: '3',
    // How `npm start` and docker-compose.yml used to run the cms: the setting is gone and must change nothing.
    BEHIND_PROXY: 'true',
  });
  await createConsultant(app);
  customer = await registerCustomer(app, {}, asVisitor('198.51.100.200'));
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({ firstname: 'Root', lastname: 'Admin', ...ADMIN, isActive: true, roles: [superAdmin.id] });
});
afterAll(async () => {
  await app?.stop();
});

const login = (headers: Record<string, string>, identifier: string, password = 'Wrong-Password-1!') =>
  app.api().post('/api/auth/local').set(headers).send({ identifier, password });

describe('the client address', () => {
  test('is not taken from an X-Forwarded-For that anyone can send: a new one per attempt changes nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS + 2; i++) {
      statuses.push((await login({ 'X-Forwarded-For': `10.1.0.${i}`, Forwarded: `for=10.2.0.${i}` }, `nobody${i}@nowhere.test`)).status);
    }
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(400), 429, 429]);
  });

  test('is not taken from an address signed with another secret, or changed after signing', async () => {
    const forged = asVisitor('203.0.113.50', 'not-the-secret');
    const changed = { ...asVisitor('203.0.113.51'), 'x-ventalis-client-address': '203.0.113.52' };
    // The caller's real address (127.0.0.1) was used up by the test above.
    expect((await login(forged, 'nobody@nowhere.test')).status).toBe(429);
    expect((await login(changed, 'nobody@nowhere.test')).status).toBe(429);
  });

  test("is the visitor's when the storefront signs it: each visitor has their own count", async () => {
    const first = asVisitor('203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS + 1; i++) statuses.push((await login(first, `guess${i}@nowhere.test`)).status);
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(400), 429]);
    // Another visitor behind the same storefront is not held back; an IPv6 visitor neither.
    expect((await login(asVisitor('203.0.113.8'), customer.email, customer.password)).status).toBe(200);
    expect((await login(asVisitor('2001:db8::8'), 'guess@nowhere.test')).status).toBe(400);
  });
});

describe("the admin panel's sign-in", () => {
  const adminLogin = (headers: Record<string, string>, password: string) => app.api().post('/admin/login').set(headers).send({ email: ADMIN.email, password });

  test('counts guesses per account and address like the storefront, whatever X-Forwarded-For says', async () => {
    const attacker = '198.51.100.66';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await adminLogin({ ...asVisitor(attacker), 'X-Forwarded-For': `10.3.0.${i}` }, `Wrong-Password-${i}!`)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    // Even the right password stays refused from there, for the window.
    const refused = await adminLogin(asVisitor(attacker), ADMIN.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.data).toBeNull();
    // The administrator, elsewhere, signs in.
    const owner = await adminLogin(asVisitor('198.51.100.1'), ADMIN.password);
    expect(owner.status).toBe(200);
    expect(owner.body.data.token).toEqual(expect.any(String));
  });

  test('limits the panel\'s "forgot password" per address too, and a refused one writes nothing', async () => {
    const visitor = asVisitor('198.51.100.77');
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS; i++) statuses.push((await app.api().post('/admin/forgot-password').set(visitor).send({ email: `someone${i}@panel.test` })).status);
    expect(statuses).toEqual(Array(PER_ADDRESS).fill(204));
    const before = await snapshot(app.strapi);
    const refused = await app.api().post('/admin/forgot-password').set(visitor).send({ email: ADMIN.email });
    expect(refused.status).toBe(429);
    expect(await snapshot(app.strapi)).toEqual(before);
    expect(app.mailbox.mailsTo(ADMIN.email)).toHaveLength(0);
  });
});
