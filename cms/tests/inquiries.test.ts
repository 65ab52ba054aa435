import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { snapshot } from './support/fixtures';

const INQUIRY = 'api::inquiry.inquiry';
const inquiry = (overrides: Record<string, unknown> = {}) => ({
  company: 'Bureau Vert SARL',
  firstName: 'Léa',
  lastName: 'Petit',
  email: 'lea.petit@bureau-vert.test',
  subject: 'Quote for 50,000 kraft mailers',
  message: 'Hello, could you send us a quote for 50,000 recycled kraft mailers per quarter?',
  ...overrides,
});

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_INQUIRY_PER_ADDRESS: '10' });
});
afterAll(async () => {
  await app?.stop();
});

describe('contact inquiries', () => {
  test('are stored for the administrators and mailed to the staff address', async () => {
    const res = await app.api().post('/api/inquiries').send(inquiry());
    expect(res.status).toBe(201);
    const stored = await app.strapi.db.query(INQUIRY).findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ company: 'Bureau Vert SARL', email: 'lea.petit@bureau-vert.test', handled: false });
    const mail = await app.mailbox.waitFor('staff@ventalis.test', /\[Contact\] Quote for 50,000 kraft mailers/);
    expect(mail.text).toContain('could you send us a quote');
    expect(mail.text).toContain('lea.petit@bureau-vert.test');
  });

  test('a bot filling the honeypot gets the same answer and nothing is stored or mailed', async () => {
    const before = await snapshot(app.strapi);
    const mails = app.mailbox.received.length;
    const res = await app.api().post('/api/inquiries').send(inquiry({ website: 'http://spam.test' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { received: true } });
    await new Promise((r) => setTimeout(r, 200));
    expect(await snapshot(app.strapi)).toEqual(before);
    expect(app.mailbox.received.length).toBe(mails);
  });

  test.each([
    ['email', { email: 'not-an-email' }, /valid address/],
    ['message', { message: 'short' }, /at least 10 characters/],
    ['subject', { subject: '' }, /Subject is required/],
    ['company', { company: 'x'.repeat(121) }, /at most 120 characters/],
    ['role', { role: 'admin' }, /Unrecognized key/],
  ])('refuses a bad %s with a message naming it, storing nothing', async (field, change, message) => {
    const before = await snapshot(app.strapi);
    const res = await app.api().post('/api/inquiries').send(inquiry(change));
    expect(res.status).toBe(400);
    if (field !== 'role') expect(res.body.error.details.errors[field]).toMatch(message);
    else expect(res.body.error.message).toMatch(message);
    expect(await snapshot(app.strapi)).toEqual(before);
  });

  test('an address sending too many is stopped with 429, and nothing more is stored', async () => {
    let res;
    for (let i = 0; i < 15; i++) {
      res = await app.api().post('/api/inquiries').send(inquiry({ subject: `Flood ${i}` }));
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    expect(Number(res!.headers['retry-after'])).toBeGreaterThan(0);
    expect(res!.body.error.message).toMatch(/Too many attempts: try again in \d+ seconds/);
    const before = await snapshot(app.strapi);
    expect((await app.api().post('/api/inquiries').send(inquiry({ subject: 'One more' }))).status).toBe(429);
    expect(await snapshot(app.strapi)).toEqual(before);
  });
});
