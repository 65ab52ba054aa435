import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { PASSWORD, bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';
import { placeOrder } from './support/orders';
import { hasKnownCode } from './support/codes';

/**
 * The members of a client company: invitations (single use, 7 days), roles and limits,
 * removal and leaving, requests to join. Every route × anonymous, the admin, a buyer and an
 * accountant of A, a buyer of B and a consultant, with A's and B's data; a refusal changes nothing.
 */
const USER = 'plugin::users-permissions.user';
const INVITATION = 'api::company.invitation';
type Role = 'anonymous' | 'adminA' | 'buyerA' | 'accountantA' | 'buyerB' | 'consultant';
const ROLES: Role[] = ['anonymous', 'adminA', 'buyerA', 'accountantA', 'buyerB', 'consultant'];

let app: TestApp;
const tokens: Partial<Record<Role | 'adminB', string>> = {};
const ids = { adminA: 0, buyerA: 0, accountantA: 0, adminB: 0, buyerB: 0, companyA: 0, companyB: 0, consultantX: 0 };
let siretA = '';
let counter = 0;
const nextEmail = (what = 'invitee') => `${what}${++counter}.${process.pid}@client.test`;

const call = (role: Role | 'adminB', method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
  const req = app.api()[method](path);
  if (role !== 'anonymous') req.set(bearer(tokens[role]!));
  return body ? req.send(body) : req;
};

const newcomer = (overrides: Record<string, unknown> = {}) => ({ firstName: 'Noé', lastName: 'Lambert', phone: '+33 6 12 34 56 78', password: PASSWORD, locale: 'en', ...overrides });

/** The link of the last invitation mailed to this address, and its secret. */
async function invitationLink(email: string) {
  const mail = await app.mailbox.waitFor(email, /invit/i);
  const link = mail.text.match(/https?:\/\/\S+\/invitation\/([A-Za-z0-9_-]{43})/);
  if (!link) throw new Error(`no invitation link in ${mail.text}`);
  return { url: link[0], token: link[1]!, mail };
}

/** The admin invites an address; returns the invitation's id and the link's secret from the mail. */
async function invite(adminJwt: string, role: 'admin' | 'buyer' | 'accountant', email = nextEmail(), locale?: 'fr' | 'en') {
  const before = app.mailbox.mailsTo(email).length;
  const res = await app.api().post('/api/company/invitations').set(bearer(adminJwt)).send({ email, role, ...(locale ? { locale } : {}) });
  if (res.status !== 201) throw new Error(`invitation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const linkIn = () => app.mailbox.mailsTo(email).slice(before).map((m) => m.text.match(/\/invitation\/([A-Za-z0-9_-]{43})/)?.[1]).find(Boolean);
  for (let i = 0; !linkIn() && i < 250; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  const token = linkIn();
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return { id: res.body.data.id as number, email, token };
}

/** A new account through an invitation; returns its id and session. */
async function member(adminJwt: string, role: 'admin' | 'buyer' | 'accountant') {
  const { email, token } = await invite(adminJwt, role);
  await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer()).expect(201);
  const user = await app.strapi.db.query(USER).findOne({ where: { email }, select: ['id'] });
  return { id: user.id as number, email, jwt: (await login(app, email, PASSWORD)).jwt };
}

const userRow = (id: number) =>
  app.strapi.db.query(USER).findOne({ where: { id }, select: ['id', 'companyRole', 'orderLimitCents', 'monthlyLimitCents', 'confirmed'], populate: { company: { select: ['id'] }, consultant: { select: ['id'] } } });

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const x = await createConsultant(app, { email: 'x.members@ventalis.test' });
  await createConsultant(app, { email: 'y.members@ventalis.test' });
  const a = await registerCustomer(app, { email: 'admin.a@client.test', companyName: 'Alpha Packaging', locale: 'fr' });
  const b = await registerCustomer(app, { email: 'admin.b@client.test', companyName: 'Beta Cleaning', locale: 'en' });
  siretA = a.input.siret;
  ids.consultantX = x.id;
  ids.adminA = a.id;
  ids.adminB = b.id;
  tokens.adminA = (await login(app, a.email, a.password)).jwt;
  tokens.adminB = (await login(app, b.email, b.password)).jwt;
  tokens.consultant = (await login(app, x.email, x.password)).jwt;
  const buyerA = await member(tokens.adminA, 'buyer');
  const accountantA = await member(tokens.adminA, 'accountant');
  const buyerB = await member(tokens.adminB, 'buyer');
  Object.assign(ids, { buyerA: buyerA.id, accountantA: accountantA.id, buyerB: buyerB.id });
  Object.assign(tokens, { buyerA: buyerA.jwt, accountantA: accountantA.jwt, buyerB: buyerB.jwt });
  ids.companyA = (await userRow(a.id)).company.id;
  ids.companyB = (await userRow(b.id)).company.id;
});
afterAll(async () => {
  await app?.stop();
});

// ---------------------------------------------------------------- who may call what
interface Route {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** The address, prepared afresh for each call (a new invitation, member or request). */
  path: () => Promise<string> | string;
  body?: () => object;
  expect: Record<Role, number>;
}
const only = (status: number, allowed: Partial<Record<Role, number>>): Record<Role, number> => ({ ...Object.fromEntries(ROLES.map((r) => [r, status])), ...allowed }) as Record<Role, number>;

/** A fresh request to join A: someone registers with A's SIRET. */
const joinRequestOfA = async () => {
  const joiner = await registerCustomer(app, { siret: siretA, email: nextEmail('joiner') });
  const request = await app.strapi.db.query('api::company.join-request').findOne({ where: { user: { id: joiner.id } }, select: ['id'] });
  return request.id as number;
};

const ROUTES: Route[] = [
  { name: 'my company', method: 'get', path: () => '/api/company', expect: only(403, { adminA: 200, buyerA: 200, accountantA: 200, buyerB: 200 }) },
  { name: 'the requests to join', method: 'get', path: () => '/api/company/join-requests', expect: only(403, { adminA: 200 }) },
  { name: 'invite a colleague', method: 'post', path: () => '/api/company/invitations', body: () => ({ email: nextEmail(), role: 'buyer' }), expect: only(403, { adminA: 201 }) },
  { name: "withdraw A's invitation", method: 'delete', path: async () => `/api/company/invitations/${(await invite(tokens.adminA!, 'buyer')).id}`, expect: only(403, { adminA: 200 }) },
  { name: "withdraw B's invitation", method: 'delete', path: async () => `/api/company/invitations/${(await invite(tokens.adminB!, 'buyer')).id}`, expect: only(403, { adminA: 404 }) },
  { name: "read A's invitation link", method: 'get', path: async () => `/api/company/invitations/${(await invite(tokens.adminA!, 'buyer')).token}`, expect: only(200, { consultant: 403 }) },
  {
    name: "accept A's invitation",
    method: 'post',
    path: async () => `/api/company/invitations/${(await invite(tokens.adminA!, 'buyer')).token}/accept`,
    body: () => newcomer(),
    // Signed in, one accepts for one's own account: these accounts are not the invited address.
    expect: only(400, { anonymous: 201, consultant: 403 }),
  },
  { name: "set the limits of A's buyer", method: 'put', path: () => `/api/company/members/${ids.buyerA}`, body: () => ({ orderLimitCents: 250_000 }), expect: only(403, { adminA: 200 }) },
  { name: "set the limits of B's buyer", method: 'put', path: () => `/api/company/members/${ids.buyerB}`, body: () => ({ orderLimitCents: 250_000 }), expect: only(403, { adminA: 404 }) },
  { name: "remove a member of A", method: 'delete', path: async () => `/api/company/members/${(await member(tokens.adminA!, 'buyer')).id}`, expect: only(403, { adminA: 200 }) },
  { name: "remove B's buyer", method: 'delete', path: () => `/api/company/members/${ids.buyerB}`, expect: only(403, { adminA: 404, buyerB: 200 }) },
  { name: 'approve a request to join A', method: 'post', path: async () => `/api/company/join-requests/${await joinRequestOfA()}/approve`, body: () => ({ role: 'buyer' }), expect: only(403, { adminA: 200 }) },
  { name: 'refuse a request to join A', method: 'post', path: async () => `/api/company/join-requests/${await joinRequestOfA()}/refuse`, body: () => ({ comment: 'We do not know you.' }), expect: only(403, { adminA: 200 }) },
];

describe.each(ROUTES)('$method $name', (route) => {
  test.each(ROLES)('as %s', async (role) => {
    const expected = route.expect[role];
    const path = await route.path();
    const before = expected >= 400 ? await snapshot(app.strapi) : undefined;
    const res = await call(role, route.method, path, route.body?.());
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (before) {
      expect(hasKnownCode(res.body.error?.details), JSON.stringify(res.body)).toBe(true);
      expect(await snapshot(app.strapi)).toEqual(before);
    }
    // B's buyer removed themselves (leaving): back into B for the next role.
    if (route.name === "remove B's buyer" && res.status === 200) {
      await app.strapi.db.query(USER).update({ where: { id: ids.buyerB }, data: { company: ids.companyB, companyRole: 'buyer', leftCompanyAt: null } });
      await app.strapi.service('api::consultant.assignment').followCompanyConsultant(ids.buyerB);
    }
  });
});

// ---------------------------------------------------------------- what each member sees
describe('the company page', () => {
  test('an admin sees the company, its members with emails and limits, pending invitations and requests', async () => {
    const pending = await invite(tokens.adminA!, 'accountant');
    const res = await call('adminA', 'get', '/api/company').expect(200);
    expect(res.body.data).toMatchObject({ legalName: 'Alpha Packaging', siret: siretA, role: 'admin', billingAddress: { city: 'Lyon' } });
    const buyer = res.body.data.members.find((m: { id: number }) => m.id === ids.buyerA);
    expect(buyer).toMatchObject({ role: 'buyer', email: expect.stringContaining('@client.test'), isMe: false });
    expect(buyer).toHaveProperty('orderLimitCents');
    expect(res.body.data.invitations).toContainEqual(expect.objectContaining({ id: pending.id, email: pending.email, role: 'accountant' }));
    expect(JSON.stringify(res.body)).not.toMatch(/password|tokenHash|token_hash/i);
  });

  test("a buyer sees colleagues' names and roles, their own limits only, and no invitations or requests", async () => {
    await call('adminA', 'put', `/api/company/members/${ids.accountantA}`, { monthlyLimitCents: 900_000 }).expect(200);
    await call('adminA', 'put', `/api/company/members/${ids.buyerA}`, { orderLimitCents: 300_000 }).expect(200);
    const res = await call('buyerA', 'get', '/api/company').expect(200);
    expect(res.body.data.role).toBe('buyer');
    expect(res.body.data.invitations).toEqual([]);
    expect(res.body.data.joinRequests).toEqual([]);
    const accountant = res.body.data.members.find((m: { id: number }) => m.id === ids.accountantA);
    expect(accountant).toMatchObject({ role: 'accountant', orderLimitCents: null, monthlyLimitCents: null });
    expect(res.body.data.members.find((m: { isMe: boolean }) => m.isMe)).toMatchObject({ id: ids.buyerA, orderLimitCents: 300_000 });
    // Nobody of B.
    expect(res.body.data.members.map((m: { id: number }) => m.id)).not.toContain(ids.buyerB);
  });
});

// ---------------------------------------------------------------- invitations
describe('invitations', () => {
  test('the link, mailed in the language asked for, opens a confirmed account in the company, which follows its consultant', async () => {
    const email = nextEmail();
    await call('adminA', 'post', '/api/company/invitations', { email: email.toUpperCase(), role: 'accountant', locale: 'en' }).expect(201);
    const { token, mail, url } = await invitationLink(email);
    expect(mail.subject).toMatch(/invites you to join Alpha Packaging on Ventalis/);
    expect(mail.text).toContain('as accountant');
    expect(url).toBe(`http://storefront.test/en/invitation/${token}`);
    // Only its hash is stored.
    const stored = await app.strapi.db.query(INVITATION).findOne({ where: { email } });
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await app.api().get(`/api/company/invitations/${token}`).expect(200);
    expect(preview.body.data).toMatchObject({ email, role: 'accountant', legalName: 'Alpha Packaging', hasAccount: false });

    const res = await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer({ firstName: 'Inès' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const user = await app.strapi.db.query(USER).findOne({ where: { email }, populate: { company: { populate: { consultant: true } }, consultant: true } });
    expect(user).toMatchObject({ confirmed: true, companyRole: 'accountant', firstName: 'Inès', language: 'en', company: { id: ids.companyA } });
    expect(user.consultant.id).toBe(ids.consultantX);
    // Signs in at once, and the consultant is among their contacts.
    const { jwt } = await login(app, email, PASSWORD);
    const account = await app.api().get('/api/account').set(bearer(jwt)).expect(200);
    expect(account.body.data).toMatchObject({ membership: { role: 'accountant', company: { legalName: 'Alpha Packaging' } }, consultant: { email: 'x.members@ventalis.test' } });
  });

  test('the French mail is in French, with the inviting admin language when none is asked', async () => {
    const email = nextEmail();
    await call('adminA', 'post', '/api/company/invitations', { email, role: 'buyer' }).expect(201);
    const { mail, url } = await invitationLink(email);
    expect(mail.subject).toMatch(/vous invite à rejoindre Alpha Packaging sur Ventalis/);
    expect(mail.text).toContain('en tant que acheteur');
    expect(url).toMatch(/^http:\/\/storefront\.test\/fr\/invitation\//);
    expect(mail.html).toContain('<html lang="fr">');
  });

  test('a link works once, even twice at the same time', async () => {
    const { token, email } = await invite(tokens.adminA!, 'buyer');
    const [one, two] = await Promise.all([
      app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer()),
      app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer()),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 410]);
    expect(await app.strapi.db.query(USER).count({ where: { email } })).toBe(1);
    const again = await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer());
    expect(again.status).toBe(410);
    expect(again.body.error.details.code).toBe('company.invitation_used');
    expect((await app.api().get(`/api/company/invitations/${token}`)).body.error.details.code).toBe('company.invitation_used');
  });

  test('a link expires after 7 days, and an unknown one names nothing', async () => {
    const { token, id } = await invite(tokens.adminA!, 'buyer');
    const stored = await app.strapi.db.query(INVITATION).findOne({ where: { id } });
    const days = (new Date(stored.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    await app.strapi.db.query(INVITATION).update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot(app.strapi);
    const preview = await app.api().get(`/api/company/invitations/${token}`);
    expect(preview.status).toBe(410);
    expect(preview.body.error.details.code).toBe('company.invitation_expired');
    const accept = await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer());
    expect(accept.status).toBe(410);
    expect(await snapshot(app.strapi)).toEqual(before);
    for (const unknown of ['A'.repeat(43), 'short', '..%2F..']) {
      const res = await app.api().get(`/api/company/invitations/${unknown}`);
      expect(res.status).toBe(404);
      expect(res.body.error.details.code).toBe('company.invitation_not_found');
    }
  });

  test('inviting an address again withdraws the previous link; a withdrawn link says so', async () => {
    const email = nextEmail();
    const first = await invite(tokens.adminA!, 'buyer', email);
    const second = await invite(tokens.adminA!, 'accountant', email);
    const res = await app.api().get(`/api/company/invitations/${first.token}`);
    expect(res.status).toBe(410);
    expect(res.body.error.details.code).toBe('company.invitation_revoked');
    expect((await app.api().get(`/api/company/invitations/${second.token}`)).body.data.role).toBe('accountant');
    const pending = (await call('adminA', 'get', '/api/company')).body.data.invitations.filter((i: { email: string }) => i.email === email);
    expect(pending).toHaveLength(1);
    await call('adminA', 'delete', `/api/company/invitations/${second.id}`).expect(200);
    expect((await app.api().get(`/api/company/invitations/${second.token}`)).body.error.details.code).toBe('company.invitation_revoked');
  });

  test.each([
    ['a member of another company', 'admin.b@client.test', 'company.invitation_email_in_other_company'],
    ['a member already', 'admin.a@client.test', 'company.invitation_email_already_member'],
    ['a consultant', 'x.members@ventalis.test', 'company.invitation_email_unavailable'],
  ])('refuses to invite %s, and nothing is stored or mailed', async (_who, email, code) => {
    const before = await snapshot(app.strapi);
    const mails = app.mailbox.received.length;
    const res = await call('adminA', 'post', '/api/company/invitations', { email: email.toUpperCase(), role: 'buyer' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe(code);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await snapshot(app.strapi)).toEqual(before);
    expect(app.mailbox.received.length).toBe(mails);
  });

  test('refuses a role, email or field it does not know', async () => {
    for (const body of [{ email: nextEmail(), role: 'owner' }, { email: 'nope', role: 'buyer' }, { email: nextEmail(), role: 'buyer', company: ids.companyB }, { email: nextEmail(), role: 'buyer', locale: 'de' }]) {
      const res = await call('adminA', 'post', '/api/company/invitations', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(hasKnownCode(res.body.error.details)).toBe(true);
    }
  });

  test('an address with an account outside any company signs in to accept; the account joins as it is', async () => {
    // Someone whose request to join B was refused.
    const refusedOne = await registerCustomer(app, { siret: (await app.strapi.db.query('api::company.company').findOne({ where: { id: ids.companyB } })).siret, email: nextEmail('refused') });
    const request = await app.strapi.db.query('api::company.join-request').findOne({ where: { user: { id: refusedOne.id } } });
    await call('adminB', 'post', `/api/company/join-requests/${request.id}/refuse`, {}).expect(200);

    const { token } = await invite(tokens.adminA!, 'buyer', refusedOne.email);
    expect((await app.api().get(`/api/company/invitations/${token}`)).body.data.hasAccount).toBe(true);
    const anonymous = await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer());
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error.details.code).toBe('company.invitation_sign_in_to_accept');
    // Someone else signed in cannot take it.
    const other = await call('buyerA', 'post', `/api/company/invitations/${token}/accept`, {});
    expect(other.status).toBe(403);
    expect(other.body.error.details.code).toBe('company.invitation_other_account');

    const { jwt } = await login(app, refusedOne.email, refusedOne.password);
    const res = await app.api().post(`/api/company/invitations/${token}/accept`).set(bearer(jwt)).send({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await userRow(refusedOne.id)).toMatchObject({ companyRole: 'buyer', company: { id: ids.companyA }, consultant: { id: ids.consultantX } });
  });

  test('a password among the most common ones is refused on the field', async () => {
    const { token } = await invite(tokens.adminA!, 'buyer');
    const res = await app.api().post(`/api/company/invitations/${token}/accept`).send(newcomer({ password: 'Password123!' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.codes.password.code).toMatch(/^password\./);
  });
});

// ---------------------------------------------------------------- roles and limits
describe('roles and limits', () => {
  test('limits are whole cents from 0 to €1,000,000, or none', async () => {
    const path = `/api/company/members/${ids.buyerA}`;
    for (const body of [{ orderLimitCents: -1 }, { monthlyLimitCents: 100_000_001 }, { orderLimitCents: 12.5 }, { orderLimitCents: '100' }, {}, { role: 'owner' }, { email: 'x@y.test' }]) {
      const before = await snapshot(app.strapi);
      const res = await call('adminA', 'put', path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(hasKnownCode(res.body.error.details)).toBe(true);
      expect(await snapshot(app.strapi)).toEqual(before);
    }
    const res = await call('adminA', 'put', path, { orderLimitCents: 100_000_000, monthlyLimitCents: 0 }).expect(200);
    expect(res.body.data).toMatchObject({ id: ids.buyerA, orderLimitCents: 100_000_000, monthlyLimitCents: 0 });
    await call('adminA', 'put', path, { orderLimitCents: null, monthlyLimitCents: null }).expect(200);
    expect(await userRow(ids.buyerA)).toMatchObject({ orderLimitCents: null, monthlyLimitCents: null });
  });

  test('the last admin can be neither demoted nor removed, nor leave; with a second admin, they can', async () => {
    const company = await registerCustomer(app, { email: nextEmail('solo') });
    const { jwt } = await login(app, company.email, company.password);
    for (const [method, path, body] of [
      ['put', `/api/company/members/${company.id}`, { role: 'buyer' }],
      ['delete', `/api/company/members/${company.id}`, undefined],
      ['delete', '/api/company/members/me', undefined],
    ] as const) {
      const before = await snapshot(app.strapi);
      const res = await app.api()[method](path).set(bearer(jwt)).send(body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.details.code).toBe('company.last_admin');
      expect(await snapshot(app.strapi)).toEqual(before);
    }
    const second = await member(jwt, 'admin');
    await app.api().put(`/api/company/members/${company.id}`).set(bearer(jwt)).send({ role: 'buyer' }).expect(200);
    // Now the second admin is the last one.
    const res = await app.api().put(`/api/company/members/${second.id}`).set(bearer(second.jwt)).send({ role: 'accountant' });
    expect(res.body.error.details.code).toBe('company.last_admin');
  });
});

// ---------------------------------------------------------------- removal and leaving
describe('removing a member', () => {
  test("empties their cart, keeps their orders with the company, and leaves the account without company or consultant", async () => {
    const buyer = await member(tokens.adminA!, 'buyer');
    const { order } = await placeOrder(app, buyer.jwt, [['kraft-shipping-box', 1000]]);
    await app.api().post('/api/cart/items').set(bearer(buyer.jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
    expect(await app.strapi.db.query('api::cart.cart-item').count({ where: { customer: { id: buyer.id } } })).toBe(1);

    await call('adminA', 'delete', `/api/company/members/${buyer.id}`).expect(200);
    expect(await app.strapi.db.query('api::cart.cart-item').count({ where: { customer: { id: buyer.id } } })).toBe(0);
    const stored = await app.strapi.db.query('api::order.order').findOne({ where: { reference: order.reference }, populate: { company: { select: ['id'] } } });
    expect(stored.company.id).toBe(ids.companyA);
    expect(await userRow(buyer.id)).toMatchObject({ company: null, companyRole: null, consultant: null });
    // The admin still reads the order; the former member no longer does, nor the company.
    await call('adminA', 'get', `/api/orders/${order.reference}`).expect(200);
    expect((await app.api().get(`/api/orders/${order.reference}`).set(bearer(buyer.jwt))).status).toBe(404);
    expect((await app.api().get('/api/orders').set(bearer(buyer.jwt))).body.data).toEqual([]);
    const company = await app.api().get('/api/company').set(bearer(buyer.jwt));
    expect(company.status).toBe(403);
    expect(company.body.error.details.code).toBe('company.not_member');
    // Ordering is refused as someone outside any company (not as a role without ordering), and writes nothing.
    const add = await app.api().post('/api/cart/items').set(bearer(buyer.jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 });
    expect(add.status).toBe(403);
    expect(add.body.error.details).toMatchObject({ code: 'company.not_member' });
    expect(await app.strapi.db.query('api::cart.cart-item').count({ where: { customer: { id: buyer.id } } })).toBe(0);
    expect((await call('adminA', 'get', '/api/company')).body.data.members.map((m: { id: number }) => m.id)).not.toContain(buyer.id);
    // The account stays: it signs in, and a restart does not make it a company of its own.
    await login(app, buyer.email, PASSWORD);
    expect(await app.strapi.service('api::company.companies').migrateClientAccounts()).toBe(0);
  });

  test('a member leaves by themselves', async () => {
    const accountant = await member(tokens.adminA!, 'accountant');
    await app.api().delete('/api/company/members/me').set(bearer(accountant.jwt)).expect(200);
    expect(await userRow(accountant.id)).toMatchObject({ company: null, companyRole: null });
  });

  test("a buyer cannot remove a colleague, nor an admin someone of another company", async () => {
    for (const [role, id] of [['buyerA', ids.accountantA], ['accountantA', ids.buyerA], ['adminA', ids.adminB]] as const) {
      const before = await snapshot(app.strapi);
      const res = await call(role, 'delete', `/api/company/members/${id}`);
      expect(res.status).toBe(role === 'adminA' ? 404 : 403);
      expect(await snapshot(app.strapi)).toEqual(before);
    }
  });
});

// ---------------------------------------------------------------- requests to join
describe('requests to join', () => {
  test("the admins hear of a request in their language; approving makes a member with the role and mails them", async () => {
    const second = await member(tokens.adminA!, 'admin');
    await app.strapi.db.query(USER).update({ where: { id: second.id }, data: { language: 'en' } });
    const joiner = await registerCustomer(app, { siret: siretA, email: nextEmail('joiner'), firstName: 'Lou', lastName: 'Petit', locale: 'en' });
    const fr = await app.mailbox.waitFor('admin.a@client.test', /Lou Petit demande à rejoindre Alpha Packaging/);
    expect(fr.text).toContain('http://storefront.test/fr/account/company');
    const en = await app.mailbox.waitFor(second.email, /Lou Petit asks to join Alpha Packaging/);
    expect(en.text).toContain(joiner.email);

    const list = await call('adminA', 'get', '/api/company/join-requests').expect(200);
    const request = list.body.data.find((r: { email: string }) => r.email === joiner.email);
    expect(request).toMatchObject({ firstName: 'Lou', lastName: 'Petit' });
    // Waiting, they cannot order.
    const { jwt } = await login(app, joiner.email, joiner.password);
    expect((await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 })).body.error.details.code).toBe('company.membership_pending');

    const res = await call('adminA', 'post', `/api/company/join-requests/${request.id}/approve`, { role: 'accountant' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await userRow(joiner.id)).toMatchObject({ companyRole: 'accountant', company: { id: ids.companyA }, consultant: { id: ids.consultantX } });
    const mail = await app.mailbox.waitFor(joiner.email, /Welcome to Alpha Packaging/);
    expect(mail.text).toContain('as accountant');
    // Decided: it no longer waits.
    const again = await call('adminA', 'post', `/api/company/join-requests/${request.id}/refuse`, {});
    expect(again.status).toBe(404);
    expect(again.body.error.details.code).toBe('company.join_request_not_found');
  });

  test('a request is a buyer when no role is given', async () => {
    const id = await joinRequestOfA();
    const res = await call('adminA', 'post', `/api/company/join-requests/${id}/approve`).expect(200);
    expect(res.body.data.role).toBe('buyer');
  });

  test('refusing mails the comment in French; the person stays without a company', async () => {
    const joiner = await registerCustomer(app, { siret: siretA, email: nextEmail('joiner'), locale: 'fr' });
    const request = await app.strapi.db.query('api::company.join-request').findOne({ where: { user: { id: joiner.id } } });
    await call('adminA', 'post', `/api/company/join-requests/${request.id}/refuse`, { comment: 'Nous ne vous connaissons pas.' }).expect(200);
    const mail = await app.mailbox.waitFor(joiner.email, /Votre demande pour rejoindre Alpha Packaging/);
    expect(mail.text).toContain('Nous ne vous connaissons pas.');
    expect(await userRow(joiner.id)).toMatchObject({ company: null, companyRole: null });
    const account = await app.api().get('/api/account').set(bearer((await login(app, joiner.email, joiner.password)).jwt));
    expect(account.body.data).toMatchObject({ membership: null, pendingJoin: null });
  });

  test("an admin of B cannot decide on A's requests", async () => {
    const id = await joinRequestOfA();
    const before = await snapshot(app.strapi);
    const res = await call('adminB', 'post', `/api/company/join-requests/${id}/approve`, { role: 'admin' });
    expect(res.status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
