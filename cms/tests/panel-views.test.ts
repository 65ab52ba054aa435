import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { createConsultant, registerCustomer } from './support/fixtures';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startApp();
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({ email: 'admin@panel.test', firstname: 'Ada', lastname: 'Admin', password: 'Admin-Password-2026!', isActive: true, roles: [superAdmin.id] });
  token = (await app.api().post('/admin/login').send({ email: 'admin@panel.test', password: 'Admin-Password-2026!' })).body.data.token;
});
afterAll(async () => {
  await app?.stop();
});

const panel = (path: string) => app.api().get(path).set({ Authorization: `Bearer ${token}` });

describe("the administrator's panel", () => {
  test('lists consultants with their employee number and number of clients, not editable by hand', async () => {
    const consultant = await createConsultant(app, { lastName: 'Aubert' });
    await registerCustomer(app);
    await registerCustomer(app);
    const list = await panel('/content-manager/collection-types/api::consultant.consultant');
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([expect.objectContaining({ lastName: 'Aubert', employeeNumber: consultant.employeeNumber, clientCount: 2, blocked: false })]);
    const configuration = await panel('/content-manager/content-types/api::consultant.consultant/configuration');
    expect(configuration.body.data.contentType.layouts.list).toEqual(['lastName', 'firstName', 'email', 'employeeNumber', 'clientCount', 'blocked']);
    expect(configuration.body.data.contentType.metadatas.employeeNumber.edit.editable).toBe(false);
    expect(configuration.body.data.contentType.metadatas.clientCount.edit.editable).toBe(false);
  });

  test('lists clients with their company and their consultant', async () => {
    const configuration = await panel('/content-manager/content-types/plugin::users-permissions.user/configuration');
    expect(configuration.body.data.contentType.layouts.list).toEqual(['email', 'company', 'companyRole', 'lastName', 'consultant', 'role', 'confirmed', 'blocked']);
    // The consultant is the company's: reassigned on the company, shown on its members.
    for (const field of ['consultant', 'company', 'companyRole']) expect(configuration.body.data.contentType.metadatas[field].edit.editable, field).toBe(false);
    const list = await panel('/content-manager/collection-types/plugin::users-permissions.user?sort=email:ASC');
    const client = list.body.results.find((u: { companyRole: string | null }) => u.companyRole === 'admin');
    expect(client.consultant).toMatchObject({ lastName: 'Aubert' });
    expect(client.company).toMatchObject({ legalName: expect.any(String) });
    const companies = await panel('/content-manager/collection-types/api::company.company?sort=legalName:ASC');
    expect(companies.status).toBe(200);
    expect(companies.body.results.length).toBeGreaterThan(0);
    const companyView = await panel('/content-manager/content-types/api::company.company/configuration');
    expect(companyView.body.data.contentType.layouts.list).toEqual(['legalName', 'siret', 'vatNumber', 'consultant', 'paymentTerms']);
    expect(JSON.stringify(list.body)).not.toMatch(/"password"|resetPasswordToken|confirmationToken/);
  });
});
