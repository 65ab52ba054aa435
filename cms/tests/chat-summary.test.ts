import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { bearer, companyIdOf, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';

/** The chat's email fallback: one summary for a member away 15 minutes with unread messages. */
let app: TestApp;
const CHAT_SECRET = 'chat-summary-secret';
const people = {} as Record<'a' | 'b' | 'x', { id: number; jwt: string; email: string }>;
const conversations = { a: 0, b: 0 };
const MINUTE = 60_000;
const t0 = Date.now();
const at = (minutes: number) => new Date(t0 + minutes * MINUTE);

const presence = () => app.strapi.service('api::conversation.presence');
const membership = () => app.strapi.service('api::conversation.membership');
const summaries = () => app.strapi.service('api::conversation.offline-summary');
const seen = (who: keyof typeof people, minutes: number) => presence().seen([{ kind: 'user', id: people[who].id }], at(minutes));
const say = async (who: keyof typeof people, conversationId: number, body: string) => {
  const res = await app.api().post(`/api/conversations/${conversationId}/messages`).set(bearer(people[who].jwt)).send({ body });
  expect(res.status).toBe(201);
  return res.body.data as { id: number };
};
const summariesTo = (who: keyof typeof people) => app.mailbox.mailsTo(people[who].email).filter((m) => /unread message|non lus?\b/.test(m.subject));

beforeAll(async () => {
  app = await startApp({ CHAT_SECRET, STOREFRONT_URL: 'http://shop.test' });
  const x = await createConsultant(app, { firstName: 'Xavier', lastName: 'Roux' });
  const a = await registerCustomer(app, { email: 'a@summary.test', firstName: 'Anne', lastName: 'Martin', companyName: 'Alpha Packaging' });
  // B reads English; A and the consultant read French, the default.
  const b = await registerCustomer(app, { email: 'b@summary.test', firstName: 'Bruno', lastName: 'Petit', companyName: 'Beta Cleaning', locale: 'en' });
  people.a = { id: a.id, jwt: (await login(app, a.email, a.password)).jwt, email: a.email };
  people.b = { id: b.id, jwt: (await login(app, b.email, b.password)).jwt, email: b.email };
  people.x = { id: x.userId, jwt: (await login(app, x.email, x.password)).jwt, email: x.email };
  conversations.a = await membership().syncCompanyConversation((await companyIdOf(app, a.id))!);
  conversations.b = await membership().syncCompanyConversation((await companyIdOf(app, b.id))!);
});
afterAll(async () => {
  await app?.stop();
});

describe('the unread-messages email', () => {
  test('goes once to a member away for more than 15 minutes, listing what they missed, until they come back', async () => {
    await seen('x', 0);
    await say('a', conversations.a, 'Could you confirm the delivery date of order 42?');
    await say('a', conversations.a, 'We need the boxes by Friday.');
    await say('b', conversations.b, 'Hello, a quote for 20,000 mailer bags please.');

    // Away for 10 minutes: nothing yet.
    expect(await summaries().sendDue(at(10))).toBe(0);
    expect(summariesTo('x')).toHaveLength(0);

    // Away for 16 minutes: one email with every conversation that has unread messages.
    expect(await summaries().sendDue(at(16))).toBe(1);
    const [mail] = summariesTo('x');
    // The consultant's account reads French.
    expect(mail!.subject).toBe('Vous avez 3 messages non lus sur Ventalis');
    expect(mail!.text).toMatch(/^Bonjour Xavier Roux,\n\nPendant votre absence, vous avez reçu 3 messages\u00a0:/);
    expect(mail!.text).toContain('Avec Anne Martin — 2 messages non lus\u00a0:');
    expect(mail!.text).toContain('Anne Martin: Could you confirm the delivery date of order 42?');
    expect(mail!.text).toContain('Anne Martin: We need the boxes by Friday.');
    expect(mail!.text).toContain('Avec Bruno Petit — 1 message non lu\u00a0:');
    expect(mail!.text).toContain(`Lire et répondre\u00a0: http://shop.test/fr/messages?c=${conversations.a}`);
    expect(mail!.text).toContain(`http://shop.test/fr/messages?c=${conversations.b}`);
    expect(mail!.html).toContain('<html lang="fr">');

    // Still away, even with a new message: no second email.
    await say('a', conversations.a, 'Any news?');
    expect(await summaries().sendDue(at(30))).toBe(0);
    expect(summariesTo('x')).toHaveLength(1);

    // Back at minute 40, away again: after 15 more minutes, a new summary.
    await seen('x', 40);
    expect(await summaries().sendDue(at(50))).toBe(0);
    expect(await summaries().sendDue(at(56))).toBe(1);
    expect(summariesTo('x')).toHaveLength(2);
    expect(summariesTo('x')[1]!.subject).toBe('Vous avez 4 messages non lus sur Ventalis');
  });

  test('a member who has read everything gets nothing, however long away', async () => {
    const answer = await say('x', conversations.a, 'Delivery on Thursday.');
    // A reads it, then leaves.
    await app.api().post(`/api/conversations/${conversations.a}/read`).set(bearer(people.a.jwt)).send({ upTo: answer.id }).expect(200);
    await seen('a', 60);
    await summaries().sendDue(at(120));
    expect(summariesTo('a')).toHaveLength(0);
  });

  test('reading messages in the shop counts as being there', async () => {
    await say('x', conversations.b, 'Here is your quote.');
    // B last seen long ago, but the shop's header asks for the unread count now.
    await presence().seen([{ kind: 'user', id: people.b.id }], new Date(Date.now() - 60 * MINUTE));
    await app.api().get('/api/conversations/unread').set(bearer(people.b.jwt)).expect(200);
    expect(await summaries().sendDue(new Date(Date.now() + 10 * MINUTE))).toBe(0);
    expect(summariesTo('b')).toHaveLength(0);
    // Away 16 minutes after that: the summary comes.
    await summaries().sendDue(new Date(Date.now() + 16 * MINUTE));
    expect(summariesTo('b')).toHaveLength(1);
    // B's account reads English.
    const [mail] = summariesTo('b');
    expect(mail!.subject).toBe('You have 1 unread message on Ventalis');
    expect(mail!.text).toMatch(/^Hello Bruno Petit,\n\nWhile you were away, you received 1 message:/);
    expect(mail!.text).toContain('With Xavier Roux — 1 unread message:');
    expect(mail!.text).toContain('Xavier Roux: Here is your quote.');
    expect(mail!.text).toContain(`Read and answer: http://shop.test/en/messages?c=${conversations.b}`);
  });
});

describe('a member with more conversations than an email lists', () => {
  test('is shown the five with the most recent unread messages, and told how many others wait and where', async () => {
    const w = await createConsultant(app, { firstName: 'Wanda', lastName: 'Leroy', email: 'wanda@summary.test' });
    const clients: { jwt: string; conversation: number }[] = [];
    for (let i = 1; i <= 7; i += 1) {
      const client = await registerCustomer(app, { email: `client${i}@summary.test`, firstName: 'Client', lastName: `N${i}`, companyName: `Company ${i}` });
      const company = (await companyIdOf(app, client.id))!;
      await app.strapi.service('api::consultant.assignment').reassignCompany(company, w.id);
      clients.push({ jwt: (await login(app, client.email, client.password)).jwt, conversation: await membership().syncCompanyConversation(company) });
    }
    const tell = async (i: number, body: string) =>
      expect((await app.api().post(`/api/conversations/${clients[i - 1]!.conversation}/messages`).set(bearer(clients[i - 1]!.jwt)).send({ body })).status).toBe(201);
    // Client 1 writes first and again last: its conversation is the most recent.
    await tell(1, 'First question.');
    for (let i = 2; i <= 7; i += 1) await tell(i, `Question from client ${i}.`);
    await tell(1, 'Second question.');

    await summaries().sendDue(new Date(Date.now() + 16 * MINUTE));
    const mails = app.mailbox.mailsTo('wanda@summary.test').filter((m) => /non lus?\b/.test(m.subject));
    expect(mails).toHaveLength(1);
    const { subject, text } = mails[0]!;
    // Five conversations are listed, newest first; the two oldest are counted, with the link to them all.
    const listed = [...text.matchAll(/^Avec Client N(\d) — (\d+) messages? non lus?/gm)].map((m) => ({ client: Number(m[1]), unread: Number(m[2]) }));
    expect(listed.map((l) => l.client)).toEqual([1, 7, 6, 5, 4]);
    expect(text).toContain('Client N1: First question.');
    expect(text).toContain('Client N1: Second question.');
    for (const i of [2, 3]) expect(text).not.toContain(`Question from client ${i}.`);
    const others = /^…et 2 autres conversations avec (\d+) messages non lus\u00a0: http:\/\/shop\.test\/fr\/messages$/m.exec(text);
    expect(others, text).not.toBeNull();
    // Every unread message counts, listed or not (a reassigned company's conversation also holds the shop's notice).
    const total = listed.reduce((sum, l) => sum + l.unread, 0) + Number(others![1]);
    expect(subject).toBe(`Vous avez ${total} messages non lus sur Ventalis`);
    expect(text).toContain(`vous avez reçu ${total} messages\u00a0:`);
  });
});

describe('the notice of a new consultant', () => {
  test("reaches a French client's summary in French, with the newcomer's name", async () => {
    const z = await createConsultant(app, { firstName: 'Zoé', lastName: 'Faure', email: 'zoe@summary.test' });
    await app.strapi.service('api::consultant.assignment').reassignClient(people.a.id, z.id);
    const before = summariesTo('a').length;
    await seen('a', 180);
    await summaries().sendDue(at(200));
    const mail = summariesTo('a')[before];
    expect(mail!.text).toContain('Ventalis: Zoé Faure est désormais votre consultant et reprend cette conversation.');
    expect(mail!.text).not.toContain('takes over this conversation');
  });
});

describe('the chat-server reports who is connected', () => {
  const report = (members: object, secret: string | null = CHAT_SECRET) => {
    const request = app.api().post('/api/chat/internal/seen');
    return (secret ? request.set({ Authorization: `Bearer ${secret}` }) : request).send({ members });
  };
  const lastSeen = async (id: number) => (await app.strapi.db.query('api::conversation.member-presence').findOne({ where: { member: `user:${id}` } }))?.lastSeenAt;

  test('a reported member is seen now', async () => {
    await seen('a', -100);
    const before = Date.now();
    expect((await report([{ kind: 'user', id: people.a.id }])).status).toBe(204);
    expect(new Date(await lastSeen(people.a.id)).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  test('only the chat-server may report, and only well-formed lists', async () => {
    await seen('a', -100);
    const before = await snapshot(app.strapi);
    const seenBefore = await lastSeen(people.a.id);
    expect((await report([{ kind: 'user', id: people.a.id }], null)).status).toBe(403);
    expect((await report([{ kind: 'user', id: people.a.id }], 'guess')).status).toBe(403);
    const bad = await report([{ kind: 'robot', id: 1 }]);
    expect(bad.status).toBe(400);
    expect((await report('everyone')).status).toBe(400);
    expect(await lastSeen(people.a.id)).toEqual(seenBefore);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
