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
  test('creates an unconfirmed Customer, the admin of a new company holding the company profile, and mails a confirmation link', async () => {
    const input = registration({ email: 'Buyer.Mixed@Client.TEST', vatNumber: 'fr 40 303265045' });
    const res = await app.api().post('/api/auth/local/register').send(input);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ user: { email: 'buyer.mixed@client.test', confirmed: false }, emailConfirmationSent: true });

    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({
      where: { email: 'buyer.mixed@client.test' },
      populate: { role: true, consultant: true, company: { populate: { billingAddress: true, consultant: true } } },
    });
    expect(user).toMatchObject({ email: 'buyer.mixed@client.test', confirmed: false, blocked: false, role: { type: 'customer' }, companyRole: 'admin', firstName: input.firstName });
    expect(user.company).toMatchObject({
      legalName: input.companyName,
      siret: input.siret,
      vatNumber: 'FR40303265045',
      billingAddress: { city: 'Lyon', postalCode: '69003', country: 'FR' },
    });
    // The company has the consultant; the account follows it.
    expect(user.company.consultant).not.toBeNull();
    expect(user.consultant?.id).toBe(user.company.consultant.id);
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
    // The account's language page: French, the language registrations default to.
    expect(confirm.headers.location).toBe('http://storefront.test/fr/account/confirmed');
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

    // In the owner's language (French here), whatever the language of the page the attempt came from.
    const mail = await app.mailbox.waitFor(owner.email, /tenté de s’inscrire/i);
    expect(mail.text).toContain('http://storefront.test/fr/forgot-password');
    // No second confirmation link, no password reset link: only the warning.
    expect(app.mailbox.mailsTo(owner.email).map((m) => m.subject)).toEqual([expect.stringMatching(/confirm/i), mail.subject]);
  });

  test('never lets the caller choose a role, a consultant, or the confirmed and blocked flags', async () => {
    const before = await countUsers(app.strapi);
    for (const extra of [{ role: 1 }, { role: { type: 'consultant' } }, { consultant: 1 }, { confirmed: true }, { blocked: true }, { username: 'admin' }, { provider: 'google' }]) {
      const res = await app.api().post('/api/auth/local/register').send({ ...registration(), ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.message).toMatch(/Unrecognized key/i);
      expect(res.body.error.details.codes._).toEqual({ code: 'request.unknown_fields', params: { fields: Object.keys(extra)[0] } });
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
  const cases: [string, Record<string, unknown>, string, RegExp, { code: string; params?: Record<string, unknown> }][] = [
    ['missing company', { companyName: '' }, 'companyName', /Company name is required/, { code: 'text.required' }],
    ['SIRET of 13 digits', { siret: '7328293200001' }, 'siret', /14 digits/, { code: 'siret.invalid_format' }],
    ['SIRET with a wrong key', { siret: '73282932000075' }, 'siret', /check digit/, { code: 'siret.invalid_checksum' }],
    ['VAT number that is not European', { vatNumber: 'US123456789' }, 'vatNumber', /EU VAT number/, { code: 'vat_number.invalid' }],
    ['email without domain', { email: 'buyer@' }, 'email', /valid address/, { code: 'email.invalid' }],
    ['phone with letters', { phone: 'call me' }, 'phone', /phone number/, { code: 'phone.invalid' }],
    ['postal code missing', { billingAddress: { line1: '1 rue A', postalCode: '', city: 'Lyon', country: 'FR' } }, 'billingAddress.postalCode', /Postal code/, { code: 'postal_code.invalid' }],
    ['country not a code', { billingAddress: { line1: '1 rue A', postalCode: '69003', city: 'Lyon', country: 'France' } }, 'billingAddress.country', /two-letter code/, { code: 'country.invalid' }],
    ['password too short', { password: 'Sh0rt!pass' }, 'password', /at least 12 characters/, { code: 'password.too_weak', params: { missing: 'length' } }],
    ['password without upper case', { password: 'no-upper-case-1234' }, 'password', /upper-case letter/, { code: 'password.too_weak', params: { missing: 'upper' } }],
    ['password without digit', { password: 'No-Digits-Here-At-All' }, 'password', /a digit/, { code: 'password.too_weak', params: { missing: 'digit' } }],
    ['password without special character', { password: 'NoSpecial1234567' }, 'password', /special character/, { code: 'password.too_weak', params: { missing: 'special' } }],
    ['a most common password', { password: 'Password1234!' }, 'password', /most common/, { code: 'password.too_common' }],
    ['a language Ventalis does not speak', { locale: 'de' } as never, 'locale', /must be one of fr, en/, { code: 'locale.unknown' }],
  ];

  test.each(cases)('%s', async (_name, change, field, message, code) => {
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/auth/local/register').send({ ...registration(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[field]).toMatch(message);
    // The code words the same refusal in the reader's language.
    expect(res.body.error.details.codes[field]).toEqual(code);
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

describe("the account's language", () => {
  const USER = 'plugin::users-permissions.user';

  test('is French unless the registration says otherwise, and its emails and links follow it', async () => {
    const french = registration();
    await app.api().post('/api/auth/local/register').send(french).expect(201);
    const english = registration({ locale: 'en' });
    await app.api().post('/api/auth/local/register').send(english).expect(201);
    expect((await app.strapi.db.query(USER).findOne({ where: { email: french.email.toLowerCase() } })).language).toBe('fr');
    expect((await app.strapi.db.query(USER).findOne({ where: { email: english.email.toLowerCase() } })).language).toBe('en');

    const fr = await app.mailbox.waitFor(french.email, /Confirmez votre compte Ventalis/);
    expect(fr.text).toContain('Confirmez votre adresse e-mail pour commencer à commander');
    expect(fr.html).toContain('<html lang="fr">');
    const en = await app.mailbox.waitFor(english.email, /Confirm your Ventalis account/);
    expect(en.text).toContain('Confirm your email address to start ordering');
    const link = (mail: { text: string }) => new URL(mail.text.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)![0]);
    const confirmed = await app.api().get(`${link(en).pathname}${link(en).search}`).expect(302);
    expect(confirmed.headers.location).toBe('http://storefront.test/en/account/confirmed');
  });

  test("is on the account's profile and changes there; an unknown one is refused with its code", async () => {
    const customer = await registerCustomer(app, { locale: 'en' });
    const { jwt } = await login(app, customer.email, customer.password);
    const me = await app.api().get('/api/account').set({ Authorization: `Bearer ${jwt}` }).expect(200);
    expect(me.body.data.locale).toBe('en');
    const changed = await app.api().put('/api/account').set({ Authorization: `Bearer ${jwt}` }).send({ locale: 'fr' }).expect(200);
    expect(changed.body.data.locale).toBe('fr');
    expect((await app.api().get('/api/account').set({ Authorization: `Bearer ${jwt}` })).body.data.locale).toBe('fr');

    const before = await snapshot(app.strapi);
    const refused = await app.api().put('/api/account').set({ Authorization: `Bearer ${jwt}` }).send({ locale: 'de' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.codes.locale).toEqual({ code: 'locale.unknown' });
    expect(await snapshot(app.strapi)).toEqual(before);

    // The next mail the account gets is in its new language.
    await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
    const reset = await app.mailbox.waitFor(customer.email, /Réinitialisez votre mot de passe Ventalis/);
    expect(reset.text).toMatch(/http:\/\/storefront\.test\/fr\/reset-password\?code=[a-f0-9]{64}/);
  });

  test('a consultant reads and changes theirs, and nothing else of their account', async () => {
    const consultant = await createConsultant(app);
    const { jwt } = await login(app, consultant.email, consultant.password);
    const auth = { Authorization: `Bearer ${jwt}` };
    expect((await app.api().get('/api/account').set(auth).expect(200)).body.data).toMatchObject({ role: 'consultant', locale: 'fr' });
    expect((await app.api().put('/api/account').set(auth).send({ locale: 'en' }).expect(200)).body.data).toMatchObject({ role: 'consultant', locale: 'en' });
    const other = await app.api().put('/api/account').set(auth).send({ companyName: 'Mine now', locale: 'fr' });
    expect(other.status).toBe(403);
    expect(other.body.error.details).toEqual({ code: 'account.customers_only' });
    expect((await app.api().put('/api/account').set(auth).send({ locale: 'es' })).body.error.details.codes.locale).toEqual({ code: 'locale.unknown' });
  });

  test('someone registering with a taken address: its owner is warned in the language of the account, not of the page', async () => {
    const owner = await registerCustomer(app, { locale: 'en' });
    await app.api().post('/api/auth/local/register').send(registration({ email: owner.email, locale: 'fr' })).expect(201);
    const mail = await app.mailbox.waitFor(owner.email, /Someone tried to register with your address/);
    expect(mail.text).toContain('http://storefront.test/en/forgot-password');
  });
});
