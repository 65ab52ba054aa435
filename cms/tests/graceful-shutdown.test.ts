import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';

/**
 * A SIGTERM in the middle of a checkout: the cms stops taking connections and tells the proxy
 * it is not ready, but the checkout already under way finishes, answered and stored once.
 */
let app: TestApp;
let jwt: string;
let port: number;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  await createConsultant(app);
  const customer = await registerCustomer(app);
  jwt = (await login(app, customer.email, customer.password)).jwt;
  await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product: 'kraft-shipping-box', quantity: 1000 }).expect(200);
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  port = (app.strapi.server.httpServer.address() as { port: number }).port;
});
afterAll(async () => {
  await app?.stop();
});

test('the checkout in flight when the cms is told to stop is finished and answered; new connections are refused', async () => {
  const body = JSON.stringify({ idempotencyKey: randomUUID() });
  const ordersBefore = await app.strapi.db.query('api::order.order').count({});
  // The checkout has started (its headers are in) but its body is still on its way.
  const answer = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/checkout', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...bearer(jwt) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), 400);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));

  const stopping = (app.strapi.server.httpServer as unknown as { destroy(): Promise<void> }).destroy();
  await new Promise((resolve) => setTimeout(resolve, 50));
  // No new connection while it drains.
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

  const { status, connection, body: text } = await answer;
  expect(status, text).toBe(201);
  expect(connection).toBe('close');
  await stopping;
  expect(await app.strapi.db.query('api::order.order').count({})).toBe(ordersBefore + 1);
});
