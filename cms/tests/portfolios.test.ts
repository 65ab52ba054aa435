import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';
import { payWithCard, placeOrder } from './support/orders';

let app: TestApp;
const panelTokens: Record<string, string> = {};
const ids = { x: 0, y: 0, a: 0 };

const panelLogin = async (email: string, code: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  await app.strapi.service('admin::user').create({ email, firstname: 'P', lastname: 'Anel', password: 'Panel-Password-2026!', isActive: true, roles: [role.id] });
  return (await app.api().post('/admin/login').send({ email, password: 'Panel-Password-2026!' })).body.data.token as string;
};

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const x = await createConsultant(app, { firstName: 'Xavier', lastName: 'Aubry' });
  const y = await createConsultant(app, { firstName: 'Yasmine', lastName: 'Blanc' });
  ids.x = x.id;
  ids.y = y.id;
  const a = await registerCustomer(app, { companyName: 'Alpha' });
  const b = await registerCustomer(app, { companyName: 'Beta' });
  const c = await registerCustomer(app, { companyName: 'Gamma' });
  ids.a = a.id;
  expect([a.consultantId, b.consultantId, c.consultantId]).toEqual([x.id, y.id, x.id]);
  const jwtA = (await login(app, a.email, a.password)).jwt;
  const jwtB = (await login(app, b.email, b.password)).jwt;
  // A: one paid order (65,000 cents excl. VAT), one delivered more than a year ago, one awaiting payment.
  const paid = await placeOrder(app, jwtA, [['kraft-shipping-box', 1000]]);
  await payWithCard(app, jwtA, paid.order.reference).expect(200);
  const old = await placeOrder(app, jwtA, [['kraft-shipping-box', 1000]]);
  await payWithCard(app, jwtA, old.order.reference).expect(200);
  await app.strapi.db.query('api::order.order').update({ where: { reference: old.order.reference }, data: { status: 'delivered', placedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) } });
  await placeOrder(app, jwtA, [['recycled-mailer-bag', 1000]]);
  // B: a failed payment brings no revenue and is not open.
  const failed = await placeOrder(app, jwtB, [['recycled-mailer-bag', 1000]]);
  await payWithCard(app, jwtB, failed.order.reference, '4000000000000002').expect(200);
  await app.api().delete('/api/cart').set(bearer(jwtB));

  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({ email: 'boss@panel.test', firstname: 'B', lastname: 'Oss', password: 'Panel-Password-2026!', isActive: true, roles: [superAdmin.id] });
  panelTokens.administrator = (await app.api().post('/admin/login').send({ email: 'boss@panel.test', password: 'Panel-Password-2026!' })).body.data.token;
  panelTokens.consultant = await panelLogin('cat@panel.test', 'ventalis-consultant');
  panelTokens.marketer = await panelLogin('mark@panel.test', 'ventalis-marketer');
});
afterAll(async () => {
  await app?.stop();
});

const panel = (who: string | null, path: string) => {
  const req = app.api().get(path);
  return who ? req.set({ Authorization: `Bearer ${panelTokens[who]}` }) : req;
};

describe("the administrator's portfolios", () => {
  test('each consultant with number of clients, open orders and revenue of the last 12 months', async () => {
    const res = await panel('administrator', '/ventalis/portfolios');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ id: ids.x, firstName: 'Xavier', lastName: 'Aubry', clients: 2, openOrders: 2, revenue12MonthsExclVatCents: 65_000 }),
      expect.objectContaining({ id: ids.y, firstName: 'Yasmine', lastName: 'Blanc', clients: 1, openOrders: 0, revenue12MonthsExclVatCents: 0 }),
    ]);
  });

  test('drills down to the clients of one consultant', async () => {
    const res = await panel('administrator', `/ventalis/portfolios/${ids.x}/clients`);
    expect(res.status).toBe(200);
    expect(res.body.data.clients.map((c: { companyName: string; openOrders: number; revenue12MonthsExclVatCents: number }) => [c.companyName, c.openOrders, c.revenue12MonthsExclVatCents])).toEqual([
      ['Alpha', 2, 65_000],
      ['Gamma', 0, 0],
    ]);
    expect((await panel('administrator', '/ventalis/portfolios/999999/clients')).status).toBe(404);
  });

  test.each([
    ['consultant', 403],
    ['marketer', 403],
    [null, 401],
  ])('is refused to a panel %s (%i)', async (who, status) => {
    expect((await panel(who, '/ventalis/portfolios')).status).toBe(status);
    expect((await panel(who, `/ventalis/portfolios/${ids.x}/clients`)).status).toBe(status);
  });

  test('is refused to storefront accounts', async () => {
    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    expect((await app.api().get('/ventalis/portfolios').set(bearer(jwt))).status).toBe(401);
  });
});
