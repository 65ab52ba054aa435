import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { startDeliveryRecorder } from './support/delivery-recorder';
import { seedCatalogue } from './support/catalogue';
import { bearer, companyIdOf, createConsultant, joinCompany, login, registerCustomer, snapshot } from './support/fixtures';
import { placeOrder } from './support/orders';

/**
 * The company owns its conversations with its consultant: every member reads and writes the
 * same one, a newcomer finds its history, someone removed leaves it; a conversation about an
 * order has whoever of the company may see the order.
 */
const CONVERSATION = 'api::conversation.conversation';
const PARTICIPANT = 'api::conversation.conversation-participant';
const MESSAGE = 'api::conversation.message';
let app: TestApp;
let recorder: Awaited<ReturnType<typeof startDeliveryRecorder>>;
type Person = { id: number; email: string; password: string; jwt: string };
const people = {} as Record<'admin' | 'buyer' | 'buyer2' | 'accountant' | 'outsider' | 'consultant' | 'otherConsultant', Person>;
let alphaId = 0;

const as = (who: keyof typeof people) => ({
  get: (path: string) => app.api().get(path).set(bearer(people[who].jwt)),
  post: (path: string, body: object = {}) => app.api().post(path).set(bearer(people[who].jwt)).send(body),
  put: (path: string, body: object) => app.api().put(path).set(bearer(people[who].jwt)).send(body),
  delete: (path: string) => app.api().delete(path).set(bearer(people[who].jwt)),
});
type Summary = { id: number; order: string | null; unread: number; with: { id: number; role: string; name: string }[] };
const listOf = async (who: keyof typeof people): Promise<Summary[]> => (await as(who).get('/api/conversations')).body.data;
/** The conversation of someone's company with its consultant, as they see it. */
const companyConversationOf = async (who: keyof typeof people) => (await listOf(who)).find((c) => !c.order && c.with.some((m) => m.role === 'consultant'));
const signIn = async (registered: { id: number; email: string; password: string }): Promise<Person> => ({ ...registered, jwt: (await login(app, registered.email, registered.password)).jwt });

beforeAll(async () => {
  recorder = await startDeliveryRecorder();
  app = await startApp({ CHAT_SECRET: 'company-chat-secret', CHAT_SERVER_URL: recorder.url });
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app, { firstName: 'Claire', lastName: 'Fabre' });
  people.consultant = await signIn({ id: consultant.userId, email: consultant.email, password: consultant.password });
  people.admin = await signIn(await registerCustomer(app, { companyName: 'Maison Alpha' }));
  alphaId = (await companyIdOf(app, people.admin.id))!;
  for (const [who, role] of [['buyer', 'buyer'], ['buyer2', 'buyer'], ['accountant', 'accountant']] as const) {
    people[who] = await signIn(await registerCustomer(app, { companyName: `Alpha ${who}` }));
    await joinCompany(app, people[who].id, alphaId, role);
  }
  people.outsider = await signIn(await registerCustomer(app, { companyName: 'Beta SARL' }));
  // Beta goes to another consultant.
  const other = await createConsultant(app, { firstName: 'Omar', lastName: 'Dia' });
  people.otherConsultant = await signIn({ id: other.userId, email: other.email, password: other.password });
  await app.strapi.service('api::consultant.assignment').reassignClient(people.outsider.id, other.id);
});
afterAll(async () => {
  await app?.stop();
  await recorder?.close();
});

describe("the company's conversation with its consultant", () => {
  test('is one conversation that every member and the consultant are in', async () => {
    const seen = await Promise.all((['admin', 'buyer', 'buyer2', 'accountant'] as const).map(companyConversationOf));
    expect(new Set(seen.map((c) => c?.id)).size).toBe(1);
    const id = seen[0]!.id;
    const forConsultant = (await listOf('consultant')).find((c) => c.id === id)!;
    expect(forConsultant.with.map((m) => m.id).sort()).toEqual([people.admin.id, people.buyer.id, people.buyer2.id, people.accountant.id].sort());
    expect(seen[0]!.with.map((m) => m.name)).toContain('Claire Fabre');
    // Beta's is its own, with its own consultant; nobody of Alpha is in it.
    const beta = await companyConversationOf('outsider');
    expect(beta!.id).not.toBe(id);
    expect(beta!.with.map((m) => m.id)).toEqual([people.otherConsultant.id]);
    expect((await listOf('consultant')).map((c) => c.id)).not.toContain(beta!.id);
  });

  test('a message from one member reaches the others and the consultant, unread for each of them', async () => {
    const { id } = (await companyConversationOf('buyer'))!;
    recorder.deliveries.length = 0;
    const sent = await as('buyer').post(`/api/conversations/${id}/messages`, { body: 'Can we have the pallets on Monday?' });
    expect(sent.status).toBe(201);
    for (const who of ['admin', 'buyer2', 'accountant', 'consultant'] as const) {
      const history = (await as(who).get(`/api/conversations/${id}/messages`)).body.data as { id: number; body: string }[];
      expect(history.map((m) => m.body)).toContain('Can we have the pallets on Monday?');
      expect((await as(who).get(`/api/conversations/${id}`)).body.data.unread).toBeGreaterThanOrEqual(1);
    }
    await expect.poll(() => recorder.deliveries.length).toBeGreaterThan(0);
    expect(recorder.deliveries[0]!.body.recipients).toEqual(expect.arrayContaining([people.admin, people.buyer2, people.accountant, people.consultant].map((p) => ({ kind: 'user', id: p.id }))));
    // A consultant starting a conversation with any member lands in the same one.
    const started = await as('consultant').post('/api/conversations', { contact: { kind: 'user', id: people.accountant.id } });
    expect(started.body.data.id).toBe(id);
    expect((await as('buyer2').post('/api/conversations', { contact: { kind: 'user', id: people.consultant.id } })).body.data.id).toBe(id);
  });

  test('a new member finds the whole history; their open pages are told', async () => {
    const { id } = (await companyConversationOf('admin'))!;
    const newcomer = await signIn(await registerCustomer(app, { companyName: 'Alpha newcomer' }));
    recorder.notices.length = 0;
    await joinCompany(app, newcomer.id, alphaId, 'buyer');
    const theirs = (await app.api().get('/api/conversations').set(bearer(newcomer.jwt))).body.data as Summary[];
    expect(theirs.map((c) => c.id)).toContain(id);
    const history = (await app.api().get(`/api/conversations/${id}/messages`).set(bearer(newcomer.jwt))).body.data as { body: string }[];
    expect(history.map((m) => m.body)).toContain('Can we have the pallets on Monday?');
    const joined = recorder.notices.flatMap((n) => (n.body.joined as { member: { id: number }; conversation: { id: number } }[] | undefined) ?? []);
    expect(joined).toContainEqual(expect.objectContaining({ member: { kind: 'user', id: newcomer.id }, conversation: expect.objectContaining({ id }) }));
  });

  test('a removed member leaves it: it is gone from their list, closed to them, and their attempts write nothing', async () => {
    const { id } = (await companyConversationOf('admin'))!;
    await as('admin').delete(`/api/company/members/${people.buyer2.id}`).expect(200);
    expect((await listOf('buyer2')).map((c) => c.id)).not.toContain(id);
    const before = await snapshot(app.strapi);
    expect((await as('buyer2').post(`/api/conversations/${id}/messages`, { body: 'Still here?' })).status).toBe(404);
    expect((await as('buyer2').get(`/api/conversations/${id}/messages`)).status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(before);
    expect((await listOf('consultant')).find((c) => c.id === id)!.with.map((m) => m.id)).not.toContain(people.buyer2.id);
  });

  test('passes with the company to a new consultant, with a message saying so, for every member', async () => {
    const { id } = (await companyConversationOf('admin'))!;
    const newcomer = await createConsultant(app, { firstName: 'Nina', lastName: 'Morel' });
    await app.strapi.service('api::consultant.assignment').reassignCompany(alphaId, newcomer.id);
    const messages = await app.strapi.db.query(MESSAGE).findMany({ where: { conversation: { id }, body: 'Nina Morel is now your consultant and takes over this conversation.' } });
    expect(messages).toHaveLength(1);
    for (const who of ['admin', 'buyer', 'accountant'] as const) expect((await companyConversationOf(who))!.with.map((m) => m.name)).toContain('Nina Morel');
    expect((await listOf('consultant')).map((c) => c.id)).not.toContain(id);
    await app.strapi.service('api::consultant.assignment').reassignCompany(alphaId, (await app.strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: people.consultant.id } } })).id);
  });
});

describe('the conversation about an order', () => {
  test("has the buyer who placed it, the company's admins and accountants, and the consultant; not another buyer", async () => {
    const { order } = await placeOrder(app, people.buyer.jwt, [['kraft-shipping-box', 1000]]);
    const byBuyer = await as('buyer').post(`/api/conversations/order/${order.reference}`);
    expect(byBuyer.status).toBe(200);
    const id = byBuyer.body.data.id;
    expect(byBuyer.body.data.with.map((m: { id: number }) => m.id).sort()).toEqual([people.admin.id, people.accountant.id, people.consultant.id].sort());
    for (const who of ['admin', 'accountant', 'consultant'] as const) expect((await as(who).post(`/api/conversations/order/${order.reference}`)).body.data.id).toBe(id);

    const newBuyer = await signIn(await registerCustomer(app, { companyName: 'Alpha second buyer' }));
    await joinCompany(app, newBuyer.id, alphaId, 'buyer');
    const afterJoin = await snapshot(app.strapi);
    expect((await app.api().post(`/api/conversations/order/${order.reference}`).set(bearer(newBuyer.jwt))).status).toBe(404);
    for (const who of ['outsider', 'otherConsultant'] as const) expect((await as(who).post(`/api/conversations/order/${order.reference}`)).status).toBe(404);
    expect(await snapshot(app.strapi)).toEqual(afterJoin);
  });

  test('an admin demoted to buyer leaves the conversations about orders they no longer see', async () => {
    const { order } = await placeOrder(app, people.buyer.jwt, [['kraft-shipping-box', 1000]]);
    const { id } = (await as('buyer').post(`/api/conversations/order/${order.reference}`)).body.data;
    const second = await signIn(await registerCustomer(app, { companyName: 'Alpha second admin' }));
    await joinCompany(app, second.id, alphaId, 'admin');
    expect((await app.api().post(`/api/conversations/order/${order.reference}`).set(bearer(second.jwt))).body.data.id).toBe(id);
    await as('admin').put(`/api/company/members/${second.id}`, { role: 'buyer' }).expect(200);
    const theirs = (await app.api().get('/api/conversations').set(bearer(second.jwt))).body.data as Summary[];
    expect(theirs.map((c) => c.id)).not.toContain(id);
    expect((await app.api().get(`/api/conversations/${id}`).set(bearer(second.jwt))).status).toBe(404);
    // The company's own conversation stays theirs.
    expect(theirs.some((c) => !c.order)).toBe(true);
  });
});

describe('conversations from before companies owned them', () => {
  test("each member's conversation with the consultant joins the company's, messages in order and read marks kept", async () => {
    // Two members of one company, each with a conversation of their own with the consultant, as before.
    const first = await signIn(await registerCustomer(app, { companyName: 'Gamma Légumes' }));
    const gammaId = (await companyIdOf(app, first.id))!;
    const second = await signIn(await registerCustomer(app, { companyName: 'Gamma second' }));
    await joinCompany(app, second.id, gammaId, 'buyer');
    const consultantUser = (await app.strapi.service('api::conversation.members').consultantUserOfCompany(gammaId)) as number;
    const shared = (await app.strapi.db.query(CONVERSATION).findOne({ where: { company: { id: gammaId } } })).id as number;
    const { createConversation } = await import('../src/api/conversation/model');
    const own = await createConversation(app.strapi, {}, [{ kind: 'user', id: second.id }, { kind: 'user', id: consultantUser }]);
    await app.strapi.db.query(CONVERSATION).update({ where: { id: shared }, data: { company: null, client: first.id } });
    await app.strapi.db.query(CONVERSATION).update({ where: { id: own }, data: { client: second.id } });
    const secondInShared = await app.strapi.db.query(PARTICIPANT).findOne({ where: { conversation: { id: shared }, user: { id: second.id } }, select: ['id'] });
    await app.strapi.db.query(PARTICIPANT).update({ where: { id: secondInShared.id }, data: { active: false } });
    const write = async (jwt: string, conversation: number, body: string) => (await app.api().post(`/api/conversations/${conversation}/messages`).set(bearer(jwt)).send({ body }).expect(201)).body.data.id as number;
    const m1 = await write(first.jwt, shared, 'First, from the admin');
    const m2 = await write(second.jwt, own, 'Second, from the buyer');
    const m3 = await write(first.jwt, shared, 'Third, from the admin');

    await app.strapi.service('api::conversation.membership').ensureCompanyConversations();

    const conversations = await app.strapi.db.query(CONVERSATION).findMany({ where: { company: { id: gammaId } } });
    expect(conversations.map((c: { id: number }) => c.id)).toEqual([shared]);
    for (const person of [first, second]) {
      const history = (await app.api().get(`/api/conversations/${shared}/messages`).set(bearer(person.jwt))).body.data as { id: number; body: string }[];
      expect(history.map((m) => m.id)).toEqual([m3, m2, m1]);
    }
    // Each had read their own messages: the buyer's own message stays read, the admin's ones are new to them.
    expect((await app.api().get(`/api/conversations/${shared}`).set(bearer(second.jwt))).body.data.unread).toBe(1);
    expect((await app.api().get('/api/conversations').set(bearer(second.jwt))).body.data.map((c: Summary) => c.id)).not.toContain(own);
    expect(await app.strapi.db.query(CONVERSATION).count({ where: { client: { id: { $notNull: true } } } })).toBe(0);
    // Done once: a second start-up changes nothing.
    const done = await snapshot(app.strapi);
    await app.strapi.service('api::conversation.membership').ensureCompanyConversations();
    expect(await snapshot(app.strapi)).toEqual(done);
  });
});
