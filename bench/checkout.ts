/**
 * Checkout throughput and latency with 50 concurrent customers on PostgreSQL, next to
 * the catalogue list endpoint measured against the same server in the same run.
 *   ./nodew node bench/checkout.ts [seconds]     (PostgreSQL at DATABASE_URL, default the local server)
 * Each customer loops: add a product to the cart, then check out (a new order each time).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { measure, startServer, stopServer } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 15);
const CUSTOMERS = 50;
const { info, child } = await startServer<{ port: number; jwts: string[] }>(path.join(import.meta.dirname, 'support', 'serve-cms.mts'), {
  DATABASE_CLIENT: 'postgres',
  BENCH_CUSTOMERS: String(CUSTOMERS),
  CATALOGUE_CACHE_SECONDS: '2',
});
const base = `http://127.0.0.1:${info.port}/api`;

const latencies: number[] = [];
let failures = 0;
const until = Date.now() + seconds * 1000;
async function customer(jwt: string, index: number) {
  const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
  for (let n = 0; Date.now() < until; n++) {
    const product = `product-${(index * 7 + n) % 100}`;
    const added = await fetch(`${base}/cart/items`, { method: 'POST', headers, body: JSON.stringify({ product, quantity: 1000 }) });
    await added.arrayBuffer();
    const started = performance.now();
    const res = await fetch(`${base}/checkout`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
    await res.arrayBuffer();
    if (res.status === 201) latencies.push(performance.now() - started);
    else failures += 1;
  }
}
await Promise.all(info.jwts.map((jwt, i) => customer(jwt, i)));
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);

const catalogue = await measure('catalogue list (100 products), 10 connections', `${base}/products?pageSize=100`, { seconds: 5, headers: { authorization: `Bearer ${info.jwts[0]}` } });
await stopServer(child);

console.log(`\nCheckout on PostgreSQL, ${CUSTOMERS} concurrent customers, ${seconds} s (each: add to cart, then check out)`);
console.log('| measured | per second | p50 ms | p95 ms | p99 ms | failures |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| checkout | ${(latencies.length / seconds).toFixed(1)} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${failures} |`);
console.log(`| ${catalogue.name} | ${catalogue.requestsPerSecond} | ${catalogue.p50} | – | ${catalogue.p99} | ${catalogue.errors} |`);
