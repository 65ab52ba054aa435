/**
 * Boots the compiled cms on a fresh database (SQLite file, or a PostgreSQL schema of its
 * own when DATABASE_CLIENT=postgres), adds 100 products in 6 categories and
 * BENCH_CUSTOMERS signed-in customers (default 1), each the admin of a company of their own,
 * the seller's details (so that paid orders are invoiced; none with BENCH_NO_INVOICES=1), listens on a free port, and prints
 * one JSON line: { port, jwt, jwts, chat, memberJwt }. `memberJwt` signs in a member of a
 * company with negotiated prices covering half the products (a discount on 3 of the 6 categories). With BENCH_CHAT=1 the customers share one
 * consultant and are not signed in: chat lists each one's company conversation with them.
 */
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const appDir = path.resolve(import.meta.dirname, '..', '..', 'cms');
const require = createRequire(import.meta.url);
const file = path.join(appDir, '.tmp', `bench-${process.pid}.db`);
mkdirSync(path.dirname(file), { recursive: true });
const postgres = process.env.DATABASE_CLIENT === 'postgres';
const postgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${process.pid}`;
const { default: pg } = await import('pg');
const onPostgres = async (sql: string) => {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
};
if (postgres) {
  await onPostgres(`CREATE SCHEMA "${schema}"`);
  Object.assign(process.env, { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '20' });
}
Object.assign(process.env, {
  NODE_ENV: 'production',
  APP_KEYS: 'bench-1,bench-2', API_TOKEN_SALT: 'bench', ADMIN_JWT_SECRET: 'bench', TRANSFER_TOKEN_SALT: 'bench', JWT_SECRET: 'bench-jwt', ENCRYPTION_KEY: 'bench-encryption', PREVIEW_SECRET: 'bench', CHAT_SECRET: process.env.CHAT_SECRET ?? 'bench', CLIENT_ADDRESS_SECRET: process.env.CLIENT_ADDRESS_SECRET ?? 'bench',
  SMTP_HOST: '127.0.0.1', SMTP_PORT: '2', STRAPI_STARTUP_BANNER: 'false',
  RATE_LIMIT_AUTH_PER_ADDRESS: '100000', RATE_LIMIT_AUTH_PER_ACCOUNT: '100000', PAYMENT_TIMEOUT_MINUTES: '60',
  DATABASE_FILENAME: path.relative(appDir, file),
});

const { createStrapi } = require('@strapi/strapi');
const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
strapi.log.level = 'error';
await strapi.load();

// The seller's details, as an administrator fills them in: paid orders are invoiced (not with BENCH_NO_INVOICES=1).
if (!process.env.BENCH_NO_INVOICES) {
  const { seller } = await import('../../cms/scripts/demo-data.mts');
  await strapi.documents('api::seller.seller').create({ data: seller });
}

const categories = [];
for (let c = 0; c < 6; c++) {
  categories.push(await strapi.documents('api::category.category').create({ data: { name: `Category ${c}`, slug: `category-${c}`, visible: true } }));
}
const label = await strapi.documents('api::eco-label.eco-label').create({ data: { name: 'FSC', slug: 'fsc' } });
for (let i = 0; i < 100; i++) {
  await strapi.documents('api::product.product').create({
    data: {
      name: `Product ${String(i).padStart(3, '0')}`, slug: `product-${i}`, category: categories[i % 6].documentId, labels: [label.documentId],
      priceCents: 1000 + i * 137, vatRate: 'standard_20', stock: 1_000_000_000,
      recycledContentPercent: i % 100, co2eKgPer1000: 10 + (i % 17), countryOfOrigin: 'FR', minQuantity: 1000, quantityStep: 100,
      description: [{ type: 'paragraph', children: [{ type: 'text', text: `Product ${i}` }] }],
    },
  });
}
const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'customer' } });
const customers = Number(process.env.BENCH_CUSTOMERS ?? 1);
// Each customer is the admin of a company of their own.
const customerCompanies: number[] = [];
for (let i = 0; i < customers; i++) {
  // With a billing address: their orders are invoiced as they are paid.
  const own = await strapi.documents('api::company.company').create({ data: { legalName: `Bench client ${i}`, siret: null, billingAddress: { line1: `${i} rue du Banc`, postalCode: '69002', city: 'Lyon', country: 'FR' } } });
  customerCompanies.push(own.id);
  await strapi.plugin('users-permissions').service('user').add({ username: `bench${i}@client.test`, email: `bench${i}@client.test`, password: 'Bench-Password-2026!', provider: 'local', confirmed: true, blocked: false, role: role.id, company: own.id, companyRole: 'admin' });
}

// A company with agreements covering half the catalogue, and a member of it.
const company = await strapi.db.query('api::company.company').create({ data: { legalName: 'Bench Négoce', siret: null } });
for (const category of categories.slice(0, 3)) {
  await strapi.db.query('api::company.price-agreement').create({ data: { company: company.id, kind: 'category_discount', category: category.id, discountBasisPoints: 1250, startsOn: '2000-01-01', endsOn: '2999-12-31' } });
}
await strapi.plugin('users-permissions').service('user').add({ username: 'member@client.test', email: 'member@client.test', password: 'Bench-Password-2026!', provider: 'local', confirmed: true, blocked: false, role: role.id, company: company.id, companyRole: 'admin' });

// BENCH_CHAT=1: one consultant follows every customer, so that each has a conversation.
const chat: { customerId: number; conversationId: number; gen: string }[] = [];
if (process.env.BENCH_CHAT) {
  const consultantRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'consultant' } });
  const user = await strapi.plugin('users-permissions').service('user').add({ username: 'bench-consultant@ventalis.test', email: 'bench-consultant@ventalis.test', password: 'Bench-Password-2026!', provider: 'local', confirmed: true, blocked: false, role: consultantRole.id, firstName: 'Bench', lastName: 'Consultant' });
  await strapi.db.query('api::consultant.consultant').create({ data: { firstName: 'Bench', lastName: 'Consultant', email: 'bench-consultant@ventalis.test', employeeNumber: 'BENCH', blocked: false, user: user.id } });
  const all = await strapi.db.query('plugin::users-permissions.user').findMany({ where: { role: { type: 'customer' }, company: { id: { $in: customerCompanies } } }, select: ['id'], populate: { company: { select: ['id'] } } });
  for (const { id, company: own } of all) {
    await strapi.service('api::consultant.assignment').assignLeastLoadedConsultant(own.id);
    const gen = await strapi.service('api::conversation.sessions').generationOf({ kind: 'user', id });
    chat.push({ customerId: id, conversationId: await strapi.service('api::conversation.membership').syncCompanyConversation(own.id), gen });
  }
}

strapi.server.mount();
await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
const port = strapi.server.httpServer.address().port;
const jwts: string[] = [];
for (let i = 0; i < (process.env.BENCH_CHAT ? 0 : customers); i++) {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: `bench${i}@client.test`, password: 'Bench-Password-2026!' }) });
  jwts.push(((await login.json()) as { jwt: string }).jwt);
}
const member = await fetch(`http://127.0.0.1:${port}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: 'member@client.test', password: 'Bench-Password-2026!' }) });
const memberJwt = ((await member.json()) as { jwt: string }).jwt;
console.log(JSON.stringify({ port, jwt: jwts[0], jwts, chat, memberJwt }));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await strapi.destroy().catch(() => undefined);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  if (postgres) await onPostgres(`DROP SCHEMA "${schema}" CASCADE`);
  process.exit(0);
};
// Strapi's own signal handlers would destroy it a second time.
process.removeAllListeners('SIGTERM');
process.removeAllListeners('SIGINT');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
