import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startApp, type TestApp } from './support/strapi';

/**
 * Background jobs on Redis (REDIS_URL): the minute jobs have one scheduler for the whole
 * deployment, every email is a job retried with a growing pause and sent once, a job left in
 * the queue by a process that stopped is done by the next, and a job that fails for good is
 * shown to administrators in the panel.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `tjobs${randomBytes(4).toString('hex')}`;
const FAILURE = 'api::job-failure.job-failure';

let app: TestApp;
let queue: Queue;
let connection: Redis;

const mail = () => app.strapi.service('api::account.mail') as { send(mail: { to: string; subject: string; text: string; locale?: 'fr' | 'en'; key?: string }): Promise<void> };
const failures = () => app.strapi.db.query(FAILURE).findMany({ orderBy: { id: 'asc' } });

beforeAll(async () => {
  app = await startApp({ REDIS_URL, REDIS_PREFIX: PREFIX, JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '300' });
  connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  // What another cms process of the deployment sees.
  queue = new Queue('jobs', { connection, prefix: `${PREFIX}:bull` });
});

afterAll(async () => {
  await app?.stop();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  connection?.disconnect();
});

test('each minute job has one scheduler for the deployment, whichever process set it', async () => {
  await vi.waitFor(async () => expect(await queue.getJobSchedulersCount()).toBe(6), { timeout: 5000 });
  const schedulers = await queue.getJobSchedulers();
  expect(schedulers.map((s) => s.key).sort()).toEqual([
    'Expiring orders awaiting approval',
    'Expiring quotes',
    'Expiring unpaid orders',
    'Issuing invoices and their PDFs',
    'Reminding overdue invoices',
    'Sending unread-message summaries',
  ]);
  expect(schedulers.every((s) => s.every === 60_000)).toBe(true);
  // A second process starting sets the same schedulers: still one each.
  await queue.upsertJobScheduler('Expiring quotes', { every: 60_000 }, { name: 'Expiring quotes' });
  expect(await queue.getJobSchedulersCount()).toBe(6);
});

describe('an email', () => {
  test('refused by the mail server is tried again later and delivered once', async () => {
    const to = 'retry@jobs.test';
    app.mailbox.refuse(to);
    await mail().send({ to, subject: 'Retried', text: 'Once only.' });
    // The job waits in Redis, one try made.
    await vi.waitFor(async () => {
      const delayed = await queue.getDelayed();
      expect(delayed.find((job) => job.data.to === to)?.attemptsMade).toBe(1);
    }, { timeout: 5000 });
    expect(app.mailbox.mailsTo(to)).toHaveLength(0);
    app.mailbox.accept(to);
    await app.mailbox.waitFor(to, /Retried/, 5000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(app.mailbox.mailsTo(to)).toHaveLength(1);
    expect(await failures()).toEqual([]);
  });

  test('given twice under the same key (an invoice\'s reminder) leaves once; the same text under another key leaves again', async () => {
    const to = 'twice@jobs.test';
    await mail().send({ to, subject: 'Twice', text: 'Same mail.', key: 'reminder-F-1-2' });
    await mail().send({ to, subject: 'Twice', text: 'Same mail.', key: 'reminder-F-1-2' });
    await mail().send({ to, subject: 'Twice', text: 'Another mail.', key: 'reminder-F-1-3' });
    await vi.waitFor(() => expect(app.mailbox.mailsTo(to)).toHaveLength(2), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(app.mailbox.mailsTo(to).map((m) => m.text.trim()).sort()).toEqual(['Another mail.', 'Same mail.']);
  });

  test('queued by a process that stopped before sending it is sent by this one', async () => {
    const to = 'left-behind@jobs.test';
    await queue.add('mail', { to, subject: 'Left behind', text: 'Queued before a restart.', html: '<p>Queued before a restart.</p>' }, { jobId: 'left-behind-1', attempts: 3 });
    const received = await app.mailbox.waitFor(to, /Left behind/, 5000);
    expect(received.text).toContain('Queued before a restart.');
  });

  test('that fails every try is shown to administrators, with its recipient and subject but not its text', async () => {
    const to = 'gone@jobs.test';
    app.mailbox.refuse(to);
    try {
      await mail().send({ to, subject: 'Never delivered', text: 'Secret link https://example.test/reset?code=abc' });
      // Three tries: now, after 300 ms, after 600 ms.
      await vi.waitFor(async () => expect(await failures()).toHaveLength(1), { timeout: 8000 });
      const [failure] = await failures();
      expect(failure).toMatchObject({ job: 'mail', about: `mail to ${to}: Never delivered`, attempts: 3, occurrences: 1 });
      expect(failure.error).toMatch(/Mailbox unavailable|550/);
      expect(JSON.stringify(failure)).not.toContain('code=abc');
      expect(app.mailbox.mailsTo(to)).toHaveLength(0);

      // An administrator reads it in the panel.
      const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
      await app.strapi.service('admin::user').create({ email: 'ops@panel.test', firstname: 'O', lastname: 'Ps', password: 'Panel-Password-2026!', isActive: true, roles: [superAdmin.id] });
      const token = (await app.api().post('/admin/login').send({ email: 'ops@panel.test', password: 'Panel-Password-2026!' })).body.data.token as string;
      const listed = await app.api().get(`/content-manager/collection-types/${FAILURE}`).set({ Authorization: `Bearer ${token}` });
      expect(listed.status).toBe(200);
      expect(listed.body.results.map((row: { about: string }) => row.about)).toEqual([`mail to ${to}: Never delivered`]);
    } finally {
      app.mailbox.accept(to);
    }
  });
});

test('a minute job that fails is recorded once, counting its failures', async () => {
  const recorder = app.strapi.service('api::job-failure.failures') as { record(failure: { job: string; key: string; about: string; error: string; attempts: number }): Promise<void> };
  await recorder.record({ job: 'expiring-quotes', key: 'expiring-quotes', about: 'Expiring quotes', error: 'database away', attempts: 1 });
  await recorder.record({ job: 'expiring-quotes', key: 'expiring-quotes', about: 'Expiring quotes', error: 'database still away', attempts: 1 });
  const rows = (await failures()).filter((row: { job: string }) => row.job === 'expiring-quotes');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ occurrences: 2, error: 'database still away' });
});
