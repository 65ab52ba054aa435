import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { createConsultant, login, registerCustomer } from './support/fixtures';
import { payWithCard, placeOrder } from './support/orders';

/**
 * What operations read of a cms: health and readiness for the proxy and the orchestrator, a
 * request id on every answer (kept from the caller that sent one), and Prometheus metrics
 * behind a token: request durations by route pattern and what the business did.
 */
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let app: TestApp;

/** One sample's value in Prometheus' text: `name{labels} value`. */
const sample = (text: string, name: string, labels: Record<string, string>): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.split(' ').at(-1)) : 0;
};
const metrics = async () => (await app.api().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

beforeAll(async () => {
  app = await startApp({ METRICS_TOKEN, REDIS_URL, LOG_FORMAT: 'json' });
  await seedCatalogue(app.strapi);
  await createConsultant(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('health and readiness', () => {
  test('/healthz answers while the process runs; /readyz checks the database and Redis', async () => {
    expect((await app.api().get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await app.api().get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    expect(ready.headers['cache-control']).toBe('no-store');
  });
});

describe('request ids', () => {
  test('a well-formed id sent by the caller comes back; otherwise, and for odd ones, a new one is made', async () => {
    const kept = await app.api().get('/api/categories').set('X-Request-Id', 'storefront-1234-abcd').expect(200);
    expect(kept.headers['x-request-id']).toBe('storefront-1234-abcd');
    const made = await app.api().get('/api/categories').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await app.api().get('/api/categories').set('X-Request-Id', 'evil\u00e9 id; drop').expect(200);
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('metrics', () => {
  test('are not public: without the token, or with another, the address does not exist', async () => {
    expect((await app.api().get('/metrics')).status).toBe(404);
    expect((await app.api().get('/metrics').set('Authorization', 'Bearer not-the-token')).status).toBe(404);
  });

  test('time requests by route pattern, not by address', async () => {
    await app.api().get('/api/products/kraft-shipping-box').expect(200);
    await app.api().get('/api/products/recycled-mailer-bag').expect(200);
    const text = await metrics();
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/products/:slug', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('kraft-shipping-box');
    expect(text).toContain('process_resident_memory_bytes');
  });

  test('count orders placed, payments and invoices issued', async () => {
    const before = await metrics();
    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    const { order } = await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    await payWithCard(app, jwt, order.reference).expect(200);
    await app.strapi.service('api::document.invoices').idle();
    const after = await metrics();
    const grew = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(grew('ventalis_checkouts_total', { payment_method: 'card', source: 'cart' })).toBe(1);
    expect(grew('ventalis_payments_total', { outcome: 'paid' })).toBe(1);
    expect(Number(after.split('\n').find((l) => l.startsWith('ventalis_invoices_issued_total'))?.split(' ').at(-1))).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/ventalis_queue_depth\{[^}]*queue="invoices"[^}]*\} 0/);
  });
});

describe('logs', () => {
  test('each line carries its request id, and nothing secret or personal', async () => {
    const { PassThrough } = await import('node:stream');
    const { winston } = await import('@strapi/logger');
    const lines: Record<string, unknown>[] = [];
    let written = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      const whole = written.split('\n');
      written = whole.pop() ?? '';
      for (const line of whole) {
        if (!line.trim()) continue;
        try {
          lines.push(JSON.parse(line));
        } catch {
          lines.push({ notJson: line });
        }
      }
    });
    // Written as the cms writes every line (LOG_FORMAT=json here): the logger formats, the transport only carries.
    const transport = new winston.transports.Stream({ stream, level: 'http' });
    app.strapi.log.add(transport);
    try {
      await app.api().get('/api/auth/email-confirmation?confirmation=secret-code-123').set('X-Request-Id', 'storefront-req-000042');
      for (let i = 0; i < 100 && !lines.some((l) => String(l.message).includes('/api/auth/email-confirmation')); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      app.strapi.log.remove(transport);
    }
    const line = lines.find((l) => String(l.message).includes('/api/auth/email-confirmation'));
    expect(line, JSON.stringify(lines).slice(0, 2000)).toMatchObject({ level: 'http', requestId: 'storefront-req-000042', message: expect.stringContaining('confirmation=[redacted]') });
    expect(JSON.stringify(lines)).not.toContain('secret-code-123');
  });
});
