import { Agent, request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';

/**
 * A SIGTERM in the middle of a checkout: the cms stops taking connections and tells the proxy
 * it is not ready, but the checkout already under way finishes, answered and stored once. The
 * proxy's idle keep-alive connections are not cut under it: a request it sends on one while the
 * cms drains is answered, and told to close the connection.
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

/** A GET on the proxy's kept-alive connection: its status, whether the connection was reused, and its Connection header. */
const onKeptConnection = (agent: Agent, path: string) =>
  new Promise<{ status: number; reused: boolean; connection: string | undefined }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers: bearer(jwt) }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });

test('the checkout in flight when the cms is told to stop is finished and answered; the proxy’s idle connection still serves; new connections are refused', async () => {
  // A proxy's connection, kept alive and idle when the stop comes.
  const proxy = new Agent({ keepAlive: true, maxSockets: 1 });
  expect(await onKeptConnection(proxy, '/api/cart')).toMatchObject({ status: 200, reused: false });
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
  // The proxy sends a request on its idle connection meanwhile: answered, and the connection is to be closed.
  expect(await onKeptConnection(proxy, '/api/cart')).toEqual({ status: 200, reused: true, connection: 'close' });

  const { status, connection, body: text } = await answer;
  expect(status, text).toBe(201);
  expect(connection).toBe('close');
  await stopping;
  proxy.destroy();
  expect(await app.strapi.db.query('api::order.order').count({})).toBe(ordersBefore + 1);
});
