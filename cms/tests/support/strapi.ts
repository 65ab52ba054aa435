import { createRequire } from 'node:module';
import path from 'node:path';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from './mailbox';

const appDir = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestApp {
  strapi: Core.Strapi;
  mailbox: Mailbox;
  api: () => ReturnType<typeof request>;
  stop: () => Promise<void>;
}

/**
 * Boots the compiled cms on a database of its own (an SQLite file, or a PostgreSQL
 * schema), with a real SMTP server catching its mail. Extra env overrides settings.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const id = `t${process.pid}_${randomBytes(3).toString('hex')}`;
  const mailbox = await startMailbox();
  let dropDatabase = async () => {};

  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_STARTUP_BANNER: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    STAFF_EMAIL: 'staff@ventalis.test',
    STOREFRONT_URL: 'http://storefront.test',
    RATE_LIMIT_AUTH_PER_ADDRESS: '10000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '10000',
    RATE_LIMIT_AUTH_PER_ACCOUNT_AND_ADDRESS: '10000',
    RATE_LIMIT_INQUIRY_PER_ADDRESS: '10000',
    CATALOGUE_CACHE_SECONDS: '0',
    ...env,
  });

  if (TEST_DATABASE === 'postgres') {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${id}"`);
    await client.end();
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: id, DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: '10' });
    dropDatabase = async () => {
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA "${id}" CASCADE`);
      await admin.end();
    };
  } else {
    const dir = path.join(appDir, '.tmp', 'tests');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${id}.db`);
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(appDir, file) });
    dropDatabase = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true });
    };
  }

  // Strapi's destroy() removes every process listener, which would kill the test worker.
  const listeners = process.eventNames().map((event) => [event, process.listeners(event as 'exit')] as const);

  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  await strapi.load();
  strapi.server.mount();

  return {
    strapi,
    mailbox,
    api: () => request(strapi.server.httpServer),
    async stop() {
      // Let mail queued after the last request reach the mailbox before it closes.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await strapi.destroy();
      process.removeAllListeners();
      for (const [event, fns] of listeners) {
        for (const fn of fns) process.on(event as 'exit', fn);
      }
      await mailbox.close();
      await dropDatabase();
    },
  };
}
