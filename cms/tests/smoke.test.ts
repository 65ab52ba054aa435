import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

test('boots and answers the catalogue', async () => {
  const res = await app.api().get('/api/products');
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual([]);
});
