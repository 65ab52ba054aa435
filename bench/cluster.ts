/**
 * The production topology against one process of each service, in the same run and behind
 * the same nginx (scripts/cluster.ts): two cms, two storefronts and two chat-servers, then one
 * of each. Measures the catalogue page through the storefront, the product list through the
 * cms, and checkouts by the demo customers through the cms, and prints the cluster's ratio.
 *   ./nodew node bench/cluster.ts [seconds]     (PostgreSQL and Redis of the machine; nginx installed when missing)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { startCluster } from '../scripts/cluster.ts';
import { root } from '../scripts/lib.ts';
import { measure, type Measure } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 10);
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const CUSTOMERS = ['claire.dubois@maison-lavande.example', 'julien.moreau@atelier-boreal.example', 'sophie.martin@halles-gourmandes.example', 'marc.perrin@hotel-les-tilleuls.example'];
const PRODUCT = 'etiquette-expedition-recyclee-100x150';

async function sql(url: string, query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query, values)).rows;
  } finally {
    await client.end();
  }
}

/** Each demo customer adds to their cart and checks out, again and again, for `seconds`. */
async function checkouts(cms: string): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    CUSTOMERS.map(async (identifier) => {
      const signedIn = await fetch(`${cms}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier, password: 'Ventalis-Demo-2026!' }) });
      const { jwt } = (await signedIn.json()) as { jwt: string };
      const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
      while (Date.now() < until) {
        const added = await fetch(`${cms}/api/cart/items`, { method: 'POST', headers, body: JSON.stringify({ product: PRODUCT, quantity: 5000 }) });
        await added.arrayBuffer();
        const started = performance.now();
        const placed = await fetch(`${cms}/api/checkout`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
        await placed.arrayBuffer();
        if (placed.status === 201) latencies.push(performance.now() - started);
        else errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return { name: `checkout (${CUSTOMERS.length} customers, each adding then checking out in turn)`, requestsPerSecond: Math.round(latencies.length / seconds), p50: at(50), p99: at(99), errors };
}

const results: Record<number, Measure[]> = {};
for (const replicas of [1, 2]) {
  const database = `bench_cluster_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  console.log(`→ ${replicas} process(es) of each service…`);
  const cluster = await startCluster({
    replicas,
    ports: { storefront: 28080, cms: 28337, chat: 28400 },
    replicaBase: 29000,
    databaseUrl,
    redisPrefix: `bench-${database}`,
    dir: path.join(root, '.tmp', 'bench-cluster'),
    quiet: true,
    adminPanel: false,
  });
  try {
    await sql(databaseUrl, `UPDATE products SET stock = 1000000000 WHERE slug = $1`, [PRODUCT]);
    results[replicas] = [
      await measure('catalogue page /fr/catalogue (storefront), 10 connections', `${cluster.urls.storefront}/fr/catalogue`, { seconds }),
      await measure('product list /api/products (cms), 10 connections', `${cluster.urls.cms}/api/products?pageSize=24`, { seconds }),
      await checkouts(cluster.urls.cms),
    ];
  } finally {
    await cluster.stop();
    await sql(server.toString(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  }
}

console.log(`\nThe cluster (2 of each behind nginx) against one process of each behind the same nginx, ${seconds} s each, on this machine`);
console.log('| measured | one of each: per second | p99 ms | cluster: per second | p99 ms | cluster / one |');
console.log('|---|---:|---:|---:|---:|---:|');
results[1]!.forEach((single, i) => {
  const cluster = results[2]![i]!;
  console.log(`| ${single.name} | ${single.requestsPerSecond} | ${single.p99} | ${cluster.requestsPerSecond} | ${cluster.p99} | ${(cluster.requestsPerSecond / single.requestsPerSecond).toFixed(2)}× |`);
});
process.exit(0);
