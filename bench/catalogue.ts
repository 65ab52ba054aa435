/**
 * Catalogue list endpoint (100 products with their category: anonymous, a signed-in customer
 * paying list prices, and a member of a company whose negotiated prices cover half the
 * products) against a bare node:http server sending the same JSON, measured in the same run.
 *   ./nodew node bench/catalogue.ts [seconds]     (needs the cms compiled: ./nodew npm test or npm start once)
 * Set DATABASE_CLIENT=postgres (+ DATABASE_URL, DATABASE_SCHEMA) to measure on PostgreSQL.
 */
import path from 'node:path';
import { measure, printTable, startServer, stopServer } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 10);
const here = import.meta.dirname;
const path100 = '/api/products?pageSize=100';
const rows = [];
let body = '';

for (const [label, cacheSeconds] of [
  ['cms, catalogue cache on (default, 2 s)', '2'],
  ['cms, catalogue cache off', '0'],
] as const) {
  const cms = await startServer<{ port: number; jwt: string; memberJwt: string }>(path.join(here, 'support', 'serve-cms.mts'), { CATALOGUE_CACHE_SECONDS: cacheSeconds });
  const url = `http://127.0.0.1:${cms.info.port}${path100}`;
  const headers = { authorization: `Bearer ${cms.info.jwt}` };
  rows.push(await measure(`${label}, with JWT`, url, { seconds, headers }));
  rows.push(await measure(`${label}, anonymous`, url, { seconds }));
  rows.push(await measure(`${label}, member with company prices (half the products)`, url, { seconds, headers: { authorization: `Bearer ${cms.info.memberJwt}` } }));
  body ||= await (await fetch(url)).text();
  await stopServer(cms.child);
}

const bare = await startServer<{ port: number }>(path.join(here, 'support', 'serve-bare.mts'), { BARE_BODY: body });
const baseline = await measure('bare node:http, same JSON', `http://127.0.0.1:${bare.info.port}/`, { seconds });
await stopServer(bare.child);

console.log(`\nCatalogue list (100 products, ${Buffer.byteLength(body)} bytes), 10 connections, ${seconds} s each`);
printTable([...rows, baseline], baseline);
