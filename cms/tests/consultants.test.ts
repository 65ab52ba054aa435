import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { PASSWORD, createConsultant, login, registerCustomer, snapshot } from './support/fixtures';

const USER = 'plugin::users-permissions.user';
const CONSULTANT = 'api::consultant.consultant';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const consultantOf = async (clientId: number) =>
  (await app.strapi.db.query(USER).findOne({ where: { id: clientId }, populate: { consultant: { select: ['id'] } } })).consultant?.id ?? null;
const clientCounts = async () =>
  Object.fromEntries((await app.strapi.db.query(CONSULTANT).findMany({ select: ['id', 'clientCount'] })).map((c: { id: number; clientCount: number }) => [c.id, c.clientCount]));
/** Starts a scenario with no client and no consultant. */
const deleteAllConsultants = async () => {
  await app.strapi.db.query(USER).deleteMany({ where: { role: { type: 'customer' } } });
  await app.strapi.db.query('api::company.company').deleteMany({});
  for (const c of await app.strapi.db.query(CONSULTANT).findMany({ select: ['documentId'] })) {
    await app.strapi.documents(CONSULTANT).delete({ documentId: c.documentId });
  }
};

describe('consultant provisioning from the panel', () => {
  test('creates a storefront account (role Consultant) and a panel account (role Consultant) with the same email, and mails the invitation', async () => {
    const consultant = await createConsultant(app, { firstName: 'Inès', lastName: 'Moreau', email: 'Ines.Moreau@Ventalis.TEST' });
    expect(consultant.email).toBe('Ines.Moreau@Ventalis.TEST');
    const stored = await app.strapi.db.query(CONSULTANT).findOne({ where: { id: consultant.id } });
    expect(stored.email).toBe('ines.moreau@ventalis.test');
    expect(stored.employeeNumber).toMatch(/^[A-Z0-9]{5}$/);

    const user = await app.strapi.db.query(USER).findOne({ where: { id: consultant.userId }, populate: { role: true } });
    expect(user).toMatchObject({ email: 'ines.moreau@ventalis.test', confirmed: true, blocked: false, role: { type: 'consultant' } });
    const panelUser = await app.strapi.db.query('admin::user').findOne({ where: { id: consultant.adminUserId }, populate: { roles: true } });
    expect(panelUser.email).toBe('ines.moreau@ventalis.test');
    expect(panelUser.roles.map((r: { code: string }) => r.code)).toEqual(['ventalis-consultant']);
    expect(panelUser.registrationToken).toEqual(expect.any(String));

    // In French, the language a consultant's account starts in (they may switch on their account page).
    const mail = await app.mailbox.waitFor('ines.moreau@ventalis.test', /Vos comptes de consultant Ventalis/);
    expect(mail.text).toMatch(/^Bonjour Inès,\n\nVous êtes désormais consultant Ventalis\./);
    expect(mail.text).toContain(`/auth/register?registrationToken=${panelUser.registrationToken}`);
    expect(mail.text).toMatch(/http:\/\/storefront\.test\/fr\/reset-password\?code=[a-f0-9]{64}/);
  });

  test('the invitation link lets the consultant choose a storefront password and sign in', async () => {
    await createConsultant(app, { email: 'invited@ventalis.test' });
    const mail = await app.mailbox.waitFor('invited@ventalis.test', /comptes de consultant/);
    const code = mail.text.match(/reset-password\?code=([a-f0-9]{64})/)![1];
    await app.api().post('/api/auth/reset-password').send({ code, password: 'Invited-Consultant-9!', passwordConfirmation: 'Invited-Consultant-9!' }).expect(200);
    const session = await login(app, 'invited@ventalis.test', 'Invited-Consultant-9!');
    expect(session.jwt).toEqual(expect.any(String));
  });

  test('refuses a consultant whose email an account already uses, and writes nothing', async () => {
    const customer = await registerCustomer(app);
    const before = await snapshot(app.strapi);
    await expect(app.strapi.documents(CONSULTANT).create({ data: { firstName: 'Dup', lastName: 'Licate', email: customer.email.toUpperCase() } as never })).rejects.toThrow(/already uses this email/);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('the panel shows a taken email on the Email field of the consultant form', async () => {
    const customer = await registerCustomer(app);
    const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    await app.strapi.service('admin::user').create({ email: 'grace@consultants.test', firstname: 'Grace', lastname: 'Admin', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
    const token = (await app.api().post('/admin/login').send({ email: 'grace@consultants.test', password: PASSWORD })).body.data.token;
    const before = await snapshot(app.strapi);
    const res = await app
      .api()
      .post(`/content-manager/collection-types/${CONSULTANT}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ firstName: 'Dup', lastName: 'Licate', email: customer.email });
    expect(res.status).toBe(400);
    // The panel's form places errors by their path: a list, not an object keyed by field.
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['email'], message: 'An account already uses this email' })]);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('the panel cannot choose the employee number, the accounts or the client count', async () => {
    const created = await app.strapi.documents(CONSULTANT).create({
      data: { firstName: 'Sam', lastName: 'Forge', email: 'sam.forge@ventalis.test', employeeNumber: 'AAAAA', clientCount: 99, adminUserId: 1 } as never,
    });
    const stored = await app.strapi.db.query(CONSULTANT).findOne({ where: { documentId: created.documentId } });
    expect(stored.employeeNumber).not.toBe('AAAAA');
    expect(stored.clientCount).toBe(0);
    expect(stored.adminUserId).not.toBe(1);
    await app.strapi.documents(CONSULTANT).update({ documentId: created.documentId, data: { employeeNumber: 'BBBBB' } as never });
    expect((await app.strapi.db.query(CONSULTANT).findOne({ where: { documentId: created.documentId } })).employeeNumber).toBe(stored.employeeNumber);
  });

  test('employee numbers are unique and never given again, even after a deletion', async () => {
    const issued = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const c = await createConsultant(app);
      issued.add(c.employeeNumber);
      await app.strapi.documents(CONSULTANT).delete({ documentId: c.documentId });
    }
    expect(issued.size).toBe(6);
    const registry = await app.strapi.db.query('api::consultant.issued-employee-number').findMany({ select: ['number'] });
    for (const number of issued) expect(registry.map((r: { number: string }) => r.number)).toContain(number);
    // The generator consults the registry, not the remaining consultants.
    const next = await app.strapi.service('api::consultant.provisioning').nextEmployeeNumber();
    expect(issued.has(next)).toBe(false);
  });
});

describe('client assignment', () => {
  test('a new client gets the active consultant with the fewest clients; ties go to the longest-serving', async () => {
    await deleteAllConsultants();
    const senior = await createConsultant(app, { lastName: 'Senior' });
    const junior = await createConsultant(app, { lastName: 'Junior' });
    const blocked = await createConsultant(app, { lastName: 'Blocked' });
    await app.strapi.documents(CONSULTANT).update({ documentId: blocked.documentId, data: { blocked: true } as never });

    const first = await registerCustomer(app);
    expect(first.consultantId).toBe(senior.id);
    const second = await registerCustomer(app);
    expect(second.consultantId).toBe(junior.id);
    const third = await registerCustomer(app);
    expect(third.consultantId).toBe(senior.id);
    expect(await clientCounts()).toMatchObject({ [senior.id]: 2, [junior.id]: 1, [blocked.id]: 0 });
  });

  test("an administrator reassigns a client company in the panel, and its members' accounts follow; a blocked consultant cannot take one", async () => {
    await deleteAllConsultants();
    const a = await createConsultant(app);
    const b = await createConsultant(app);
    const blocked = await createConsultant(app);
    await app.strapi.documents(CONSULTANT).update({ documentId: blocked.documentId, data: { blocked: true } as never });
    const client = await registerCustomer(app);
    expect(client.consultantId).toBe(a.id);
    const { company } = await app.strapi.db.query(USER).findOne({ where: { id: client.id }, select: ['id'], populate: { company: { select: ['documentId'] } } });

    await app.strapi.documents('api::company.company').update({ documentId: company.documentId, data: { consultant: b.documentId } as never });
    expect(await consultantOf(client.id)).toBe(b.id);
    expect(await clientCounts()).toMatchObject({ [a.id]: 0, [b.id]: 1 });

    const before = await snapshot(app.strapi);
    await expect(app.strapi.documents('api::company.company').update({ documentId: company.documentId, data: { consultant: blocked.documentId } as never })).rejects.toThrow(/blocked consultant/);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('blocking a consultant blocks both accounts and spreads their clients over the active ones', async () => {
    await deleteAllConsultants();
    const leaving = await createConsultant(app);
    const clients = [await registerCustomer(app), await registerCustomer(app), await registerCustomer(app), await registerCustomer(app)];
    expect(new Set(clients.map((c) => c.consultantId))).toEqual(new Set([leaving.id]));
    const x = await createConsultant(app);
    const y = await createConsultant(app);
    const session = await login(app, leaving.email, PASSWORD);

    await app.strapi.documents(CONSULTANT).update({ documentId: leaving.documentId, data: { blocked: true } as never });

    const owners = await Promise.all(clients.map((c) => consultantOf(c.id)));
    expect(owners.filter((o) => o === x.id)).toHaveLength(2);
    expect(owners.filter((o) => o === y.id)).toHaveLength(2);
    expect(await clientCounts()).toMatchObject({ [leaving.id]: 0, [x.id]: 2, [y.id]: 2 });

    expect((await app.strapi.db.query(USER).findOne({ where: { id: leaving.userId } })).blocked).toBe(true);
    const panel = await app.strapi.db.query('admin::user').findOne({ where: { id: leaving.adminUserId } });
    expect(panel).toMatchObject({ isActive: false, blocked: true });
    // Their open session ends and they cannot sign in again.
    expect((await app.api().get('/api/account').set({ Authorization: `Bearer ${session.jwt}` })).status).toBe(401);
    expect((await app.api().post('/api/auth/local').send({ identifier: leaving.email, password: PASSWORD })).status).toBe(400);

    // Unblocked, they may take clients again (new ones: nobody is moved back).
    await app.strapi.documents(CONSULTANT).update({ documentId: leaving.documentId, data: { blocked: false } as never });
    expect((await app.strapi.db.query(USER).findOne({ where: { id: leaving.userId } })).blocked).toBe(false);
    const next = await registerCustomer(app);
    expect(next.consultantId).toBe(leaving.id);
  });

  test('deleting a consultant removes both accounts and reassigns every client', async () => {
    await deleteAllConsultants();
    const leaving = await createConsultant(app);
    const clients = [await registerCustomer(app), await registerCustomer(app)];
    const stay = await createConsultant(app);

    await app.strapi.documents(CONSULTANT).delete({ documentId: leaving.documentId });

    for (const c of clients) expect(await consultantOf(c.id)).toBe(stay.id);
    expect(await app.strapi.db.query(USER).findOne({ where: { id: leaving.userId } })).toBeNull();
    expect(await app.strapi.db.query('admin::user').findOne({ where: { id: leaving.adminUserId } })).toBeNull();
    expect(await clientCounts()).toMatchObject({ [stay.id]: 2 });
  });

  test('no client is left without a consultant while one is active', async () => {
    await deleteAllConsultants();
    const orphan = await registerCustomer(app);
    expect(orphan.consultantId).toBeNull();
    const arriving = await createConsultant(app);
    expect(await consultantOf(orphan.id)).toBe(arriving.id);

    await app.strapi.documents(CONSULTANT).update({ documentId: arriving.documentId, data: { blocked: true } as never });
    expect(await consultantOf(orphan.id)).toBeNull();
    await app.strapi.documents(CONSULTANT).update({ documentId: arriving.documentId, data: { blocked: false } as never });
    expect(await consultantOf(orphan.id)).toBe(arriving.id);
  });
});
