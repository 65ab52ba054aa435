/**
 * Invoicing must not slow checkout or payment: 50 customers check out and pay by card on
 * PostgreSQL, once with invoicing on (each payment's invoice is issued after it, in the
 * background, with the year's next number; its Factur-X PDF is made on a thread of its own)
 * and once with invoicing off (no seller details: nothing is issued), each on a cms of its
 * own, in the same run. It says how many invoices were issued when the load ended and how
 * long the rest took.
 * Then the invoices per second one process makes (CII XML + Factur-X PDF), for the same
 * 10-line invoice.
 *   ./nodew node bench/invoices.ts [seconds]     (PostgreSQL at DATABASE_URL, default the local server)
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startServer, stopServer } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 15);
const CUSTOMERS = 50;
const require = createRequire(import.meta.url);

interface Run {
  paid: number;
  failures: number;
  checkoutP95: number;
  payP50: number;
  payP95: number;
  invoices: number;
  /** Invoices issued when the load ended, and when all were (ms after it ended). */
  atEnd: number;
  drainedMs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Each customer loops: add to cart, check out, pay with the test card. */
async function run(invoicing: boolean): Promise<Run> {
  const { info, child } = await startServer<{ port: number; jwts: string[] }>(path.join(import.meta.dirname, 'support', 'serve-cms.mts'), {
    DATABASE_CLIENT: 'postgres',
    BENCH_CUSTOMERS: String(CUSTOMERS),
    ...(invoicing ? {} : { BENCH_NO_INVOICES: '1' }),
  });
  const base = `http://127.0.0.1:${info.port}/api`;
  const checkouts: number[] = [];
  const payments: number[] = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  const customer = async (jwt: string, index: number) => {
    const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
    for (let n = 0; Date.now() < until; n++) {
      const added = await fetch(`${base}/cart/items`, { method: 'POST', headers, body: JSON.stringify({ product: `product-${(index * 7 + n) % 100}`, quantity: 1000 }) });
      await added.arrayBuffer();
      let started = performance.now();
      const checkout = await fetch(`${base}/checkout`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: randomUUID() }) });
      const body = (await checkout.json()) as { data?: { order: { reference: string } } };
      if (checkout.status !== 201 || !body.data) {
        failures += 1;
        continue;
      }
      checkouts.push(performance.now() - started);
      started = performance.now();
      const paid = await fetch(`${base}/orders/${body.data.order.reference}/simulated-payment`, { method: 'POST', headers, body: JSON.stringify({ cardNumber: '4242424242424242', expiry: '12/30', cvc: '123' }) });
      await paid.arrayBuffer();
      if (paid.status === 200) payments.push(performance.now() - started);
      else failures += 1;
    }
  };
  await Promise.all(info.jwts.map((jwt, i) => customer(jwt, i)));
  // What was issued by the end of the load, then how long the rest took (invoices follow a
  // payment in the background). Each customer administers their company and sees all its invoices.
  const issued = async () => {
    let count = 0;
    for (const jwt of info.jwts) {
      const res = await fetch(`${base}/invoices`, { headers: { authorization: `Bearer ${jwt}` } });
      count += ((await res.json()) as { data: unknown[] }).data.length;
    }
    return count;
  };
  const ended = performance.now();
  const atEnd = await issued();
  let invoices = atEnd;
  while (invoicing && invoices < payments.length && performance.now() - ended < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    invoices = await issued();
  }
  const drainedMs = performance.now() - ended;
  await stopServer(child);
  return { paid: payments.length, failures, checkoutP95: percentile(checkouts, 95), payP50: percentile(payments, 50), payP95: percentile(payments, 95), invoices, atEnd, drainedMs };
}

/** One process making invoices back to back: the CII XML and the Factur-X PDF around it. */
async function render(): Promise<{ perSecond: number; p95: number; bytes: number }> {
  const { renderFacturX } = require(path.join(import.meta.dirname, '..', 'cms', 'dist', 'src', 'invoicing', 'facturx.js')) as typeof import('../cms/src/invoicing/facturx.ts');
  const { invoiceTotals } = await import('@ventalis/contracts');
  const lines = Array.from({ length: 10 }, (_, i) => {
    const quantity = 1000 + i * 500;
    const pricePer1000Cents = 6_500 + i * 1_250;
    const exclVatCents = Math.round((quantity * pricePer1000Cents) / 1000);
    const vatRate = i % 3 === 0 ? ('5.5' as const) : ('20' as const);
    return { lineNumber: i + 1, productName: `Carton kraft recyclé n° ${i + 1}`, quantity, pricePer1000Cents, listPricePer1000Cents: i % 2 ? pricePer1000Cents + 500 : null, vatRate, exclVatCents, vatCents: Math.round((exclVatCents * (vatRate === '20' ? 2000 : 550)) / 10_000) };
  });
  const { seller } = await import('../cms/scripts/demo-data.mts');
  const snapshot = {
    kind: 'invoice' as const, number: 'F-2026-000001', issueDate: '2026-12-04', saleDate: '2026-12-03', language: 'fr' as const, seller,
    buyer: { legalName: 'Hôtel Les Tilleuls', billingAddress: { line1: '4 place du Marché', line2: '', postalCode: '21000', city: 'Dijon', country: 'FR' }, deliveryAddress: null, siret: '73282932000074', vatNumber: null },
    orderReference: 'VT-261203-ABCDEF', purchaseOrderNumber: 'PO-1', vatRegime: 'domestic' as const, lines, totals: invoiceTotals(lines, 'domestic'),
    payment: { method: 'transfer' as const, terms: 'transfer_30_days' as const, dueDate: '2027-01-03', paymentReference: 'F-2026-000001' }, corrects: null, reason: null,
  };
  for (let i = 0; i < 20; i++) await renderFacturX(snapshot);
  const times: number[] = [];
  let bytes = 0;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    bytes = (await renderFacturX(snapshot)).length;
    times.push(performance.now() - started);
  }
  return { perSecond: times.length / seconds, p95: percentile(times, 95), bytes };
}

const on = await run(true);
const off = await run(false);
const made = await render();

const f = (n: number) => n.toFixed(1);
console.log(`\nCheckout and card payment on PostgreSQL, ${CUSTOMERS} concurrent customers, ${seconds} s each, same run`);
console.log('| invoicing | paid orders/s | checkout p95 ms | payment p50 ms | payment p95 ms | invoices issued by the end | all issued | failures |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| on | ${f(on.paid / seconds)} | ${f(on.checkoutP95)} | ${f(on.payP50)} | ${f(on.payP95)} | ${on.atEnd} of ${on.paid} | ${on.invoices === on.paid ? `${(on.drainedMs / 1000).toFixed(1)} s later` : `no: ${on.invoices}`} | ${on.failures} |`);
console.log(`| off | ${f(off.paid / seconds)} | ${f(off.checkoutP95)} | ${f(off.payP50)} | ${f(off.payP95)} | ${off.invoices} | – | ${off.failures} |`);
console.log(`\nPaid orders per second with invoicing: ${((100 * on.paid) / Math.max(1, off.paid)).toFixed(0)} % of without; payment p95 ratio ${(on.payP95 / Math.max(1, off.payP95)).toFixed(2)}`);
console.log(`Invoices made by one process (10-line invoice, CII XML + Factur-X PDF of ${(made.bytes / 1024).toFixed(0)} KB): ${f(made.perSecond)} per second, p95 ${f(made.p95)} ms`);
