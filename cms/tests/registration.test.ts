import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { PASSWORD, countUsers, createConsultant, login, registerCustomer, registration, snapshot } from './support/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await createConsultant(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('professional registration', () => {
  test('creates an unconfirmed Customer with the company profile and mails a confirmation link', async () => {
    const input = registration({ email: 'Buyer.Mixed@Client.TEST', vatNumber: 'fr 40 303265045' });
    const res = await app.api().post('/api/auth/local/register').send(input);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ user: { email: 'buyer.mixed@client.test', confirmed: false }, emailConfirmationSent: true });

    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({
      where: { email: 'buyer.mixed@client.test' },
      populate: { role: true, billingAddress: true, consultant: true },
    });
    expect(user).toMatchObject({
      email: 'buyer.mixed@client.test',
      confirmed: false,
      blocked: false,
      companyName: input.companyName,
      siret: input.siret,
      vatNumber: 'FR40303265045',
      role: { type: 'customer' },
      billingAddress: { city: 'Lyon', postalCode: '69003', country: 'FR' },
    });
    expect(user.consultant).not.toBeNull();
    const mail = await app.mailbox.waitFor('buyer.mixed@client.test', /confirm/i);
    expect(mail.text).toMatch(/\/api\/auth\/email-confirmation\?confirmation=[a-f0-9]{40}/);
  });

  test('refuses to log in before the email is confirmed, and accepts it after the link', async () => {
    const input = registration();
    await app.api().post('/api/auth/local/register').send(input).expect(201);
    const before = await app.api().post('/api/auth/local').send({ identifier: input.email, password: input.password });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toMatch(/not confirmed/i);

    const mail = await app.mailbox.waitFor(input.email, /confirm/i);
    const url = new URL(mail.text.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)![0]);
    const confirm = await app.api().get(`${url.pathname}${url.search}`);
    expect(confirm.status).toBe(302);
    expect(confirm.headers.location).toBe('http://storefront.test/account/confirmed');
    // The link works once.
    const again = await app.api().get(`${url.pathname}${url.search}`);
    expect(again.status).toBe(400);

    const after = await login(app, input.email.toUpperCase(), input.password);
    expect(after.jwt).toEqual(expect.any(String));
  });

  test('sends the confirmation link again on request, without telling whether the email exists', async () => {
    const input = registration();
    await app.api().post('/api/auth/local/register').send(input).expect(201);
    await app.mailbox.waitFor(input.email, /confirm/i);
    const again = await app.api().post('/api/auth/send-email-confirmation').send({ email: input.email.toUpperCase() });
    const unknown = await app.api().post('/api/auth/send-email-confirmation').send({ email: 'nobody@nowhere.test' });
    expect(again.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(again.body).toEqual(unknown.body);
    await expect.poll(() => app.mailbox.mailsTo(input.email).filter((m) => /confirm/i.test(m.subject)).length).toBe(2);
    const latest = app.mailbox.mailsTo(input.email).at(-1)!;
    const url = new URL(latest.text.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)![0]);
    expect((await app.api().get(`${url.pathname}${url.search}`)).status).toBe(302);
    expect(app.mailbox.mailsTo('nobody@nowhere.test')).toHaveLength(0);
  });

  test('answers an email already registered, whatever its case, like a new one, writes nothing, and mails its owner a way back in', async () => {
    const owner = await registerCustomer(app);
    const before = await snapshot(app.strapi);
    const taken = await app.api().post('/api/auth/local/register').send(registration({ email: owner.email.toUpperCase() }));
    expect(await snapshot(app.strapi)).toEqual(before);

    const fresh = registration();
    const free = await app.api().post('/api/auth/local/register').send(fresh);
    expect(taken.status).toBe(free.status);
    expect(taken.headers['content-type']).toBe(free.headers['content-type']);
    expect(taken.body).toEqual({ ...free.body, user: { ...free.body.user, email: owner.email } });

    const mail = await app.mailbox.waitFor(owner.email, /tried to register/i);
    expect(mail.text).toContain('http://storefront.test/forgot-password');
    // No second confirmation link, no password reset link: only the warning.
    expect(app.mailbox.mailsTo(owner.email).map((m) => m.subject)).toEqual([expect.stringMatching(/confirm/i), mail.subject]);
  });

  test('never lets the caller choose a role, a consultant, or the confirmed and blocked flags', async () => {
    const before = await countUsers(app.strapi);
    for (const extra of [{ role: 1 }, { role: { type: 'consultant' } }, { consultant: 1 }, { confirmed: true }, { blocked: true }, { username: 'admin' }, { provider: 'google' }]) {
      const res = await app.api().post('/api/auth/local/register').send({ ...registration(), ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.message).toMatch(/Unrecognized key/i);
    }
    expect(await countUsers(app.strapi)).toBe(before);
  });
});

describe('sign-in does not tell which emails have an account', () => {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const timed = async (identifier: string) => {
    const started = performance.now();
    const res = await app.api().post('/api/auth/local').send({ identifier, password: 'Wrong-Password-1!' });
    return { ms: performance.now() - started, res };
  };

  test('a wrong password takes as long, and reads the same, for an unknown email as for a known one', async () => {
    const customer = await registerCustomer(app);
    await timed(customer.email);
    await timed('warm-up@nowhere.test');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await timed(customer.email);
      const b = await timed(`nobody${i}@nowhere.test`);
      expect(b.res.status).toBe(a.res.status);
      expect(b.res.body).toEqual(a.res.body);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    // A password hash costs tens of milliseconds; answering without one took a tenth of it.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});

describe('registration refuses bad input, naming the field and its rule, and writes nothing', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['missing company', { companyName: '' }, 'companyName', /Company name is required/],
    ['SIRET of 13 digits', { siret: '7328293200001' }, 'siret', /14 digits/],
    ['SIRET with a wrong key', { siret: '73282932000075' }, 'siret', /check digit/],
    ['VAT number that is not European', { vatNumber: 'US123456789' }, 'vatNumber', /EU VAT number/],
    ['email without domain', { email: 'buyer@' }, 'email', /valid address/],
    ['phone with letters', { phone: 'call me' }, 'phone', /phone number/],
    ['postal code missing', { billingAddress: { line1: '1 rue A', postalCode: '', city: 'Lyon', country: 'FR' } }, 'billingAddress.postalCode', /Postal code/],
    ['country not a code', { billingAddress: { line1: '1 rue A', postalCode: '69003', city: 'Lyon', country: 'France' } }, 'billingAddress.country', /two-letter code/],
    ['password too short', { password: 'Sh0rt!pass' }, 'password', /at least 12 characters/],
    ['password without upper case', { password: 'no-upper-case-1234' }, 'password', /upper-case letter/],
    ['password without digit', { password: 'No-Digits-Here-At-All' }, 'password', /a digit/],
    ['password without special character', { password: 'NoSpecial1234567' }, 'password', /special character/],
    ['a most common password', { password: 'Password1234!' }, 'password', /most common/],
  ];

  test.each(cases)('%s', async (_name, change, field, message) => {
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/auth/local/register').send({ ...registration(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[field]).toMatch(message);
    expect(res.body.error.message).toContain(field === 'password' && /common/.test(String(message)) ? 'password' : field);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('a body that is not an object', async () => {
    const res = await app.api().post('/api/auth/local/register').set('Content-Type', 'application/json').send('"text"');
    expect(res.status).toBe(400);
  });

  test('accepts the strongest password shape it asks for', async () => {
    const res = await app.api().post('/api/auth/local/register').send(registration({ password: PASSWORD }));
    expect(res.status).toBe(201);
  });
});
