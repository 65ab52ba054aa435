/**
 * Checkout throughput and latency with 50 concurrent customers on PostgreSQL, next to
 * the catalogue list endpoint measured against the same server in the same run.
 *   ./nodew node bench/checkout.ts [seconds]     (PostgreSQL at DATABASE_URL, default the local server)
 * Each customer loops: add a product to the cart, then check out (a new order each time).
 * Baseline, in the same run and on the same PostgreSQL server: the same checkout written
 * directly in SQL with `pg` (lock the product, decrement its stock, insert the order and its
 * line, empty the cart) by 50 concurrent clients over a pool of 20 connections (the cms' pool).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
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
const percentile = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]?.toFixed(1);
const pct = (p: number) => percentile(latencies, p);

/** The same transaction in plain SQL: what a checkout costs without Strapi, for the ratio. */
async function sqlBaseline() {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_sql_${process.pid}`;
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(`SET search_path TO "${schema}"`);
  const q = (sql: string) => sql.replace(/\bT\.(\w+)/g, `"${schema}".$1`);
  await pool.query(q(`CREATE TABLE T.products (id serial PRIMARY KEY, price integer NOT NULL, stock integer NOT NULL)`));
  await pool.query(q(`CREATE TABLE T.carts (customer integer NOT NULL, product integer NOT NULL, quantity integer NOT NULL)`));
  await pool.query(q(`CREATE TABLE T.orders (id serial PRIMARY KEY, reference text UNIQUE NOT NULL, customer integer NOT NULL, idempotency_key text UNIQUE NOT NULL, total integer NOT NULL, placed_at timestamptz NOT NULL DEFAULT now())`));
  await pool.query(q(`CREATE TABLE T.order_lines (id serial PRIMARY KEY, order_id integer NOT NULL REFERENCES T.orders(id), product integer NOT NULL, quantity integer NOT NULL, price integer NOT NULL)`));
  await pool.query(q(`INSERT INTO T.products (price, stock) SELECT 1000 + g, 1000000000 FROM generate_series(1, 100) g`));
  const baseline: number[] = [];
  let baselineFailures = 0;
  const stop = Date.now() + seconds * 1000;
  async function client(index: number) {
    for (let n = 0; Date.now() < stop; n++) {
      const product = ((index * 7 + n) % 100) + 1;
      await pool.query(q(`INSERT INTO T.carts (customer, product, quantity) VALUES ($1, $2, 1000)`), [index, product]);
      const started = performance.now();
      const db = await pool.connect();
      try {
        await db.query('BEGIN');
        const lines = (await db.query(q(`SELECT c.product, c.quantity, p.price FROM T.carts c JOIN T.products p ON p.id = c.product WHERE c.customer = $1 ORDER BY c.product FOR UPDATE OF p`), [index])).rows;
        for (const line of lines) await db.query(q(`UPDATE T.products SET stock = stock - $2 WHERE id = $1 AND stock >= $2`), [line.product, line.quantity]);
        const total = lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
        const order = (await db.query(q(`INSERT INTO T.orders (reference, customer, idempotency_key, total) VALUES ($1, $2, $3, $4) RETURNING id`), [randomUUID(), index, randomUUID(), total])).rows[0];
        for (const line of lines) await db.query(q(`INSERT INTO T.order_lines (order_id, product, quantity, price) VALUES ($1, $2, $3, $4)`), [order.id, line.product, line.quantity, line.price]);
        await db.query(q(`DELETE FROM T.carts WHERE customer = $1`), [index]);
        await db.query('COMMIT');
        baseline.push(performance.now() - started);
      } catch {
        await db.query('ROLLBACK');
        baselineFailures += 1;
      } finally {
        db.release();
      }
    }
  }
  await Promise.all(Array.from({ length: CUSTOMERS }, (_, i) => client(i)));
  await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
  baseline.sort((a, b) => a - b);
  return { perSecond: baseline.length / seconds, p50: percentile(baseline, 50), p95: percentile(baseline, 95), p99: percentile(baseline, 99), failures: baselineFailures };
}

const catalogue = await measure('catalogue list (100 products), 10 connections', `${base}/products?pageSize=100`, { seconds: 5, headers: { authorization: `Bearer ${info.jwts[0]}` } });
await stopServer(child);
const sqlCheckout = await sqlBaseline();

console.log(`\nCheckout on PostgreSQL, ${CUSTOMERS} concurrent customers, ${seconds} s (each: add to cart, then check out)`);
console.log('| measured | per second | p50 ms | p95 ms | p99 ms | failures |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| checkout | ${(latencies.length / seconds).toFixed(1)} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${failures} |`);
console.log(`| baseline: the same transaction in SQL (pg) | ${sqlCheckout.perSecond.toFixed(1)} | ${sqlCheckout.p50} | ${sqlCheckout.p95} | ${sqlCheckout.p99} | ${sqlCheckout.failures} |`);
console.log(`| ${catalogue.name} | ${catalogue.requestsPerSecond} | ${catalogue.p50} | – | ${catalogue.p99} | ${catalogue.errors} |`);
console.log(`\ncms checkout / SQL baseline: throughput ${(latencies.length / seconds / sqlCheckout.perSecond).toFixed(2)}×, p95 ${(Number(pct(95)) / Number(sqlCheckout.p95)).toFixed(1)}×`);
