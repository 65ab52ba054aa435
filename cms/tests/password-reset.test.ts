import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { bearer, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';

const NEW_PASSWORD = 'Fresh-Start-2027!';
let app: TestApp;
beforeAll(async () => {
  app = await startApp({ RESET_PASSWORD_TTL_MINUTES: '30' });
  await createConsultant(app);
});
afterAll(async () => {
  await app?.stop();
});

/** The reset code of the latest reset mail (French: accounts speak French unless they chose English). */
const codeFromMail = async (email: string, subject = /Réinitialisez votre mot de passe Ventalis/) => {
  const mail = await app.mailbox.waitFor(email, subject);
  app.mailbox.received.splice(app.mailbox.received.indexOf(mail), 1);
  return mail.text.match(/reset-password\?code=([a-f0-9]{64})/)![1];
};
const reset = (code: string, password = NEW_PASSWORD, passwordConfirmation = password) =>
  app.api().post('/api/auth/reset-password').send({ code, password, passwordConfirmation });

describe('forgot password', () => {
  test('answers the same whether or not the email exists, and mails only real accounts', async () => {
    const customer = await registerCustomer(app);
    const known = await app.api().post('/api/auth/forgot-password').send({ email: customer.email.toUpperCase() });
    const unknown = await app.api().post('/api/auth/forgot-password').send({ email: 'nobody@nowhere.test' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    await codeFromMail(customer.email);
    await new Promise((r) => setTimeout(r, 200));
    expect(app.mailbox.mailsTo('nobody@nowhere.test')).toHaveLength(0);
  });

  test("is mailed in the account's language, with a link to the storefront's page in it", async () => {
    const french = await registerCustomer(app);
    const english = await registerCustomer(app, { locale: 'en' });
    for (const { email } of [french, english]) await app.api().post('/api/auth/forgot-password').send({ email }).expect(200);

    const fr = await app.mailbox.waitFor(french.email, /Réinitialisez votre mot de passe Ventalis/);
    expect(fr.text).toContain('Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Ventalis.');
    expect(fr.text).toContain('pendant 30\u00a0minutes');
    expect(fr.text).toMatch(/^http:\/\/storefront\.test\/fr\/reset-password\?code=[a-f0-9]{64}$/m);
    expect(fr.html).toContain('<html lang="fr">');
    const en = await app.mailbox.waitFor(english.email, /Reset your Ventalis password/);
    expect(en.text).toContain('Someone asked to reset the password of your Ventalis account.');
    expect(en.text).toContain('for 30 minutes');
    expect(en.text).toMatch(/^http:\/\/storefront\.test\/en\/reset-password\?code=[a-f0-9]{64}$/m);
    // The English account's link works like any other.
    await reset(await codeFromMail(english.email, /Reset your Ventalis password/)).expect(200);
  });

  test('stores only a digest of the code', async () => {
    const customer = await registerCustomer(app);
    await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
    const code = await codeFromMail(customer.email);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: customer.id } });
    expect(user.resetPasswordToken).not.toBe(code);
    expect(user.resetPasswordToken).toMatch(/^[a-f0-9]{64}$/);
  });

  test('the link sets a new password once, and ends every other session of the account', async () => {
    const customer = await registerCustomer(app);
    const laptop = await login(app, customer.email, customer.password);
    const signedIn = await login(app, customer.email, customer.password);
    await app.api().get('/api/account').set(bearer(laptop.jwt)).expect(200);
    // The phone's session goes on with new tokens, until the reset.
    const refreshed = await app.api().post('/api/auth/refresh').send({ refreshToken: signedIn.refreshToken }).expect(200);
    const phone = { jwt: refreshed.body.jwt as string, refreshToken: (refreshed.body.refreshToken ?? signedIn.refreshToken) as string };
    await app.api().get('/api/account').set(bearer(phone.jwt)).expect(200);

    await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
    const code = await codeFromMail(customer.email);
    const res = await reset(code);
    expect(res.status).toBe(200);

    // Old access tokens and refresh tokens stop working at once.
    expect((await app.api().get('/api/account').set(bearer(laptop.jwt))).status).toBe(401);
    expect((await app.api().get('/api/account').set(bearer(phone.jwt))).status).toBe(401);
    expect((await app.api().post('/api/auth/refresh').send({ refreshToken: phone.refreshToken })).status).toBe(401);
    // The old password is gone, the new one works.
    expect((await app.api().post('/api/auth/local').send({ identifier: customer.email, password: customer.password })).status).toBe(400);
    await login(app, customer.email, NEW_PASSWORD);
    // The same link cannot be used twice.
    const again = await reset(code, 'Another-Secret-99!');
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors.code).toMatch(/invalid, already used or expired/);
    expect(again.body.error.details.codes.code).toEqual({ code: 'password_reset.link_invalid' });
  });

  test('an expired link is refused and changes nothing', async () => {
    const customer = await registerCustomer(app);
    await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
    const code = await codeFromMail(customer.email);
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: customer.id }, data: { resetPasswordExpiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot(app.strapi);
    const res = await reset(code);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.code).toMatch(/expired/);
    expect(await snapshot(app.strapi)).toEqual(before);
    await login(app, customer.email, customer.password);
  });

  test('a new password must follow the password rules, and a refused one keeps the link usable', async () => {
    const customer = await registerCustomer(app);
    await app.api().post('/api/auth/forgot-password').send({ email: customer.email }).expect(200);
    const code = await codeFromMail(customer.email);
    const before = await snapshot(app.strapi);
    const weak = await reset(code, 'weakpassword');
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.errors.password).toMatch(/upper-case letter/);
    const mismatch = await reset(code, NEW_PASSWORD, 'Something-Else-12!');
    expect(mismatch.body.error.details.errors.passwordConfirmation).toMatch(/do not match/);
    expect(weak.body.error.details.codes.password).toEqual({ code: 'password.too_weak', params: { missing: 'upper,digit,special' } });
    expect(mismatch.body.error.details.codes.passwordConfirmation).toEqual({ code: 'password.mismatch' });
    const common = await reset(code, 'Password1234!');
    expect(common.body.error.details.errors.password).toMatch(/most common/);
    expect(common.body.error.details.codes.password).toEqual({ code: 'password.too_common' });
    expect(await snapshot(app.strapi)).toEqual(before);
    await reset(code).expect(200);
  });

  test('refuses malformed requests with a message naming the field', async () => {
    const noEmail = await app.api().post('/api/auth/forgot-password').send({});
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.details.errors.email).toMatch(/Email is required/);
    expect(noEmail.body.error.details.codes.email).toEqual({ code: 'text.required' });
    const badCode = await reset('not-a-code');
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.errors.code).toMatch(/malformed/);
    expect(badCode.body.error.details.codes.code).toEqual({ code: 'password_reset.link_malformed' });
  });
});

describe("the panel's forgot password", () => {
  test('mails an administrator in French, then English, since their panel language lives in their browser', async () => {
    await app.strapi.service('admin::user').create({ email: 'ada@reset.test', firstname: 'Ada', lastname: 'Admin', password: 'Panel-Password-2026!', isActive: true });
    await app.api().post('/admin/forgot-password').send({ email: 'ada@reset.test' }).expect(204);
    const mail = await app.mailbox.waitFor('ada@reset.test', /Réinitialisation de votre mot de passe Ventalis \/ Reset your Ventalis password/);
    expect(mail.text).toContain('Choisissez-en un nouveau ici');
    expect(mail.text).toContain('Choose a new one here:');
    expect(mail.text).toMatch(/\/admin\/auth\/reset-password\?code=[a-f0-9]+/);
  });
});
