import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

/** A cms whose Redis is down is alive but not ready: the proxy sends it no traffic until Redis is back. */
let app: TestApp;

beforeAll(async () => {
  // Nothing listens on port 1.
  app = await startApp({ REDIS_URL: 'redis://127.0.0.1:1' });
});
afterAll(async () => {
  await app?.stop();
});

test('/readyz says Redis failed, with 503, while /healthz still answers and the catalogue is served', async () => {
  const res = await app.api().get('/readyz');
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ status: 'not_ready', checks: { database: 'ok', redis: 'failed' } });
  await app.api().get('/healthz').expect(200);
  await app.api().get('/api/categories').expect(200);
});
