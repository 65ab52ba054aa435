import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, TEST_DATABASE, type TestApp } from './support/strapi';

/** A cms whose Redis is down is alive but not ready: the proxy sends it no traffic until Redis is back. */
let app: TestApp;

beforeAll(async () => {
  // Nothing listens on port 1.
  // A job waits a second (30 by default) for Redis to come back before it runs here.
  app = await startApp({ REDIS_URL: 'redis://127.0.0.1:1', JOB_QUEUE_WAIT_MS: '1000' });
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

test('mail still leaves while Redis stays away: after waiting for it, the job runs in this process', async () => {
  const mail = app.strapi.service('api::account.mail') as { send(mail: { to: string; subject: string; text: string }): Promise<void> };
  await mail.send({ to: 'no-redis@jobs.test', subject: 'Without Redis', text: 'Sent all the same.' });
  const received = await app.mailbox.waitFor('no-redis@jobs.test', /Without Redis/, 8000);
  expect(received.text).toContain('Sent all the same.');
});

test(`the cms' database sessions are set as configured (${TEST_DATABASE})`, async () => {
  const db = app.strapi.db.connection;
  if (TEST_DATABASE === 'postgres') {
    // config/database.ts: no JIT compilation of the cms' short queries (DATABASE_OPTIONS).
    const { rows } = (await db.raw('SHOW jit')) as { rows: { jit: string }[] };
    expect(rows).toEqual([{ jit: 'off' }]);
  } else {
    // Strapi's own: SQLite enforces the links' foreign keys.
    expect(await db.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  }
});
