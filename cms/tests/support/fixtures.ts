import type { Core } from '@strapi/strapi';
import { isValidSiret, type RegistrationInput } from '@ventalis/contracts';
import { signClientAddress } from '@ventalis/contracts/client-address';
import type { TestApp } from './strapi';

export const PASSWORD = 'Gr33n-Supply-Chain!';

/** The seller's details every test database starts with (valid by every rule): the demo's. */
export { seller as TEST_SELLER } from '../../scripts/demo-data.mts';

const USER = 'plugin::users-permissions.user';

/** A valid SIRET (Luhn) derived from a number, different for each n. */
export function makeSiret(n: number): string {
  const base = String(73282932000000 + n * 10).slice(0, 13);
  const siret = Array.from({ length: 10 }, (_, check) => base + check).find(isValidSiret);
  if (!siret) throw new Error('unreachable: one check digit always fits');
  return siret;
}

let counter = 0;
export function registration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  counter += 1;
  return {
    companyName: `Green Company ${counter}`,
    siret: makeSiret(counter),
    vatNumber: '',
    firstName: 'Camille',
    lastName: `Martin${counter}`,
    email: `buyer${counter}.${process.pid}@client.test`,
    phone: '+33 1 23 45 67 89',
    billingAddress: { line1: '12 rue des Lilas', line2: '', postalCode: '69003', city: 'Lyon', country: 'FR' },
    password: PASSWORD,
    ...overrides,
  };
}

export const countUsers = (strapi: Core.Strapi) => strapi.db.query(USER).count();

/** Registers through the public endpoint and follows the confirmation link from the mail. */
export async function registerCustomer(app: TestApp, overrides: Partial<RegistrationInput> = {}, headers: Record<string, string> = {}) {
  const input = registration(overrides);
  const res = await app.api().post('/api/auth/local/register').set(headers).send(input);
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const mail = await app.mailbox.waitFor(input.email, /confirm/i);
  const link = mail.text.match(/https?:\/\/[^\s"<>]+confirmation=[a-f0-9]+/)?.[0];
  if (!link) throw new Error(`no confirmation link in ${mail.text}`);
  const url = new URL(link);
  await app.api().get(`${url.pathname}${url.search}`).expect(302);
  const user = await app.strapi.db.query(USER).findOne({ where: { email: input.email.toLowerCase() }, populate: { consultant: true } });
  return { id: user.id as number, email: input.email.toLowerCase(), password: input.password, input, consultantId: (user.consultant?.id ?? null) as number | null };
}

/** The company a storefront account belongs to (its id), or null. */
export async function companyIdOf(app: TestApp, userId: number): Promise<number | null> {
  const user = await app.strapi.db.query(USER).findOne({ where: { id: userId }, populate: { company: { select: ['id'] } } });
  return user?.company?.id ?? null;
}

/**
 * Moves a registered customer into another company with a role (and limits), as an accepted
 * invitation does; the company their registration made, left empty, goes with its conversation.
 * Their account and conversations follow the company's consultant.
 */
export async function joinCompany(app: TestApp, userId: number, companyId: number, role: 'admin' | 'buyer' | 'accountant', limits: { orderLimitCents?: number; monthlyLimitCents?: number } = {}) {
  const own = await companyIdOf(app, userId);
  await app.strapi.db.query(USER).update({ where: { id: userId }, data: { company: companyId, companyRole: role, ...limits } });
  if (own !== null && own !== companyId) {
    // With its conversation: nobody is left in it.
    const conversation = await app.strapi.db.query('api::conversation.conversation').findOne({ where: { company: { id: own } }, select: ['id'] });
    const participants = conversation ? await app.strapi.db.query('api::conversation.conversation-participant').findMany({ where: { conversation: { id: conversation.id } }, select: ['id'] }) : [];
    await app.strapi.db.query('api::conversation.conversation-participant').updateMany({ where: { id: { $in: participants.map((p: { id: number }) => p.id) } }, data: { active: false } });
    await app.strapi.db.query('api::company.company').delete({ where: { id: own } });
  }
  await app.strapi.service('api::consultant.assignment').followCompanyConsultant(userId);
  await app.strapi.service('api::consultant.assignment').refreshClientCounts();
}

/** Creates a consultant the way the panel does (Document Service) and gives their account a password. */
export async function createConsultant(app: TestApp, data: { firstName?: string; lastName?: string; email?: string } = {}) {
  counter += 1;
  const email = data.email ?? `consultant${counter}.${process.pid}@ventalis.test`;
  const created = await app.strapi.documents('api::consultant.consultant').create({
    data: { firstName: data.firstName ?? 'Alex', lastName: data.lastName ?? `Durand${counter}`, email } as never,
  });
  const consultant = await app.strapi.db.query('api::consultant.consultant').findOne({
    where: { documentId: created.documentId },
    populate: { user: { select: ['id', 'documentId'] } },
  });
  await app.strapi.documents(USER).update({ documentId: consultant.user.documentId, data: { password: PASSWORD } as never });
  return {
    id: consultant.id as number,
    documentId: consultant.documentId as string,
    userId: consultant.user.id as number,
    email,
    password: PASSWORD,
    employeeNumber: consultant.employeeNumber as string,
    adminUserId: consultant.adminUserId as number,
  };
}

export async function login(app: TestApp, email: string, password: string): Promise<{ jwt: string; refreshToken: string }> {
  const res = await app.api().post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { jwt: res.body.jwt, refreshToken: res.body.refreshToken };
}

export const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });

/**
 * A forgery of a token: one character near its end changed to another that decodes
 * differently. (Changing its last characters could leave it valid: the last character of a
 * base64url signature carries unused bits, and a key may already end with what is written.)
 */
export function forge(token: string): string {
  const at = token.length - 5;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'Q' : 'A'}${token.slice(at + 1)}`;
}

const POPULATED: Record<string, Record<string, unknown>> = {
  [USER]: { consultant: { select: ['id'] }, role: { select: ['type'] }, company: { select: ['id'] } },
  'api::company.company': { consultant: { select: ['id'] }, billingAddress: true, deliveryAddresses: true },
  'api::order.order': { company: { select: ['id'] }, customer: { select: ['id'] } },
  'api::document.invoice': { order: { select: ['id'] }, company: { select: ['id'] }, customer: { select: ['id'] } },
  'api::document.credit-note': { invoice: { select: ['id'] } },
  'api::document.transfer': { invoice: { select: ['id'] } },
  'api::quote.quote': { company: { select: ['id'] }, customer: { select: ['id'] }, order: { select: ['id'] } },
  'api::quote.quote-event': { quote: { select: ['id'] } },
  'api::seller.seller': { address: true },
  'api::cart.cart-item': { customer: { select: ['id'] }, product: { select: ['id'] } },
  'api::company.price-agreement': { company: { select: ['id'] }, category: { select: ['id'] }, product: { select: ['id'] }, consultant: { select: ['id'] } },
};

/** A snapshot of every business table, to check that a refused request changed nothing. */
export async function snapshot(strapi: Core.Strapi) {
  // Invoices are issued, and their PDFs made, in the background after a sale: wait for them.
  await strapi.service('api::document.invoices').idle();
  const uids = [
    USER,
    'api::consultant.consultant',
    'api::inquiry.inquiry',
    'api::product.product',
    'api::category.category',
    'api::order.order',
    'admin::user',
    'api::conversation.conversation',
    'api::conversation.conversation-participant',
    'api::conversation.message',
    'api::conversation.member-presence',
    'api::company.company',
    'api::company.invitation',
    'api::company.join-request',
    'api::cart.cart-item',
    'api::company.price-agreement',
    'api::document.number-sequence',
    'api::document.invoice',
    'api::document.credit-note',
    'api::document.transfer',
    'api::seller.seller',
    'api::quote.quote',
    'api::quote.quote-event',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const uid of uids) {
    const rows = await strapi.db.query(uid).findMany({ orderBy: { id: 'asc' }, populate: POPULATED[uid] });
    // An invoice's PDF is made after its transaction, whenever it is ready: it is not part of what a request wrote.
    out[uid] = rows.map(({ updatedAt: _u, pdf: _p, pdfStatus: _s, pdfAttempts: _a, pdfError: _e, ...row }: Record<string, unknown>) => row);
  }
  return JSON.parse(JSON.stringify(out));
}

/** The cms' local CLIENT_ADDRESS_SECRET (tests run without one set). */
export const CLIENT_ADDRESS_SECRET = 'local-client-address-secret';

/** Headers the storefront adds to speak for a visitor at this address. */
export const asVisitor = (address: string, secret = CLIENT_ADDRESS_SECRET) => signClientAddress(address, secret, Date.now() / 1000);
