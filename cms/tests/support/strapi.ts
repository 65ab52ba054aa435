import { createRequire } from 'node:module';
import path from 'node:path';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { inject } from 'vitest';
import { startMailbox, type Mailbox } from './mailbox';
import { TEST_SELLER } from './fixtures';
import { watchedApi } from './api-description';

declare module 'vitest' {
  interface ProvidedContext {
    /** The database every test file starts from a copy of (see createTemplateDatabase): a file, or a PostgreSQL database's name. */
    templateDatabase: string;
  }
}

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

/** A PostgreSQL URL naming another database of the same server. */
function postgresUrlOf(database: string) {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function postgres<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An SQLite database's file and the journal files beside it. */
async function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true });
}

/** The cms' settings for a PostgreSQL database. */
const postgresEnv = (url: string, schema: string, poolMax = '10') => ({ DATABASE_CLIENT: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: poolMax });

/**
 * The database a test file boots on, and how to remove it. With a template (made once per run
 * by the global setup), a copy of it: an SQLite file copied, a PostgreSQL database created from
 * it. The cms then boots as it restarts in production, on tables it already has, in a second
 * instead of five. Without one, an empty database: an SQLite file, a PostgreSQL schema.
 */
async function databaseFor(id: string, template: string | undefined): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (TEST_DATABASE === 'postgres') {
    if (template) {
      await postgres((client) => client.query(`CREATE DATABASE "${id}" TEMPLATE "${template}"`));
      return {
        env: postgresEnv(postgresUrlOf(id), 'public'),
        drop: () => postgres((client) => client.query(`DROP DATABASE "${id}" WITH (FORCE)`)).then(() => undefined),
      };
    }
    await postgres((client) => client.query(`CREATE SCHEMA "${id}"`));
    return {
      env: postgresEnv(POSTGRES_URL, id),
      drop: () => postgres((client) => client.query(`DROP SCHEMA "${id}" CASCADE`)).then(() => undefined),
    };
  }
  const dir = path.join(appDir, '.tmp', 'tests');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.db`);
  if (template) await copyFile(template, file);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(appDir, file) },
    drop: () => removeSqlite(file),
  };
}

/** The template this run's global setup provided, if any (none outside a Vitest run). */
function providedTemplate(): string | undefined {
  try {
    return inject('templateDatabase') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Boots the compiled cms on a database of its own (see databaseFor), with a real SMTP server
 * catching its mail. Extra env overrides settings.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const id = `t${process.pid}_${randomBytes(3).toString('hex')}`;
  return boot(env, await databaseFor(id, providedTemplate()));
}

/**
 * Once per run (the global setup): the cms booted once on an empty database, its tables
 * created and its start-up done, then stopped. Returns its name and how to remove it.
 */
export async function createTemplateDatabase(): Promise<{ name: string; remove: () => Promise<void> }> {
  const id = `template_${process.pid}_${randomBytes(3).toString('hex')}`;
  if (TEST_DATABASE === 'postgres') {
    await postgres((client) => client.query(`CREATE DATABASE "${id}"`));
    const url = postgresUrlOf(id);
    const app = await boot({}, { env: postgresEnv(url, 'public', '2') });
    await app.stop();
    return { name: id, remove: () => postgres((client) => client.query(`DROP DATABASE IF EXISTS "${id}" WITH (FORCE)`)).then(() => undefined) };
  }
  const file = path.join(appDir, '.tmp', 'tests', `${id}.db`);
  await mkdir(path.dirname(file), { recursive: true });
  const app = await boot({}, { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(appDir, file) } });
  await app.stop();
  return {
    name: file,
    remove: () => removeSqlite(file),
  };
}

/** Boots the compiled cms on the given database; `stop` stops it and drops the database, if it says how. */
async function boot(env: Record<string, string>, database: { env: Record<string, string>; drop?: () => Promise<void> }): Promise<TestApp> {
  const mailbox = await startMailbox();

  // The settings of this boot only: a worker runs several test files, one after the other.
  const envBefore = { ...process.env };
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
    // A refused mail is tried again within seconds, not minutes.
    JOB_BACKOFF_MS: '400',
    ...database.env,
    ...env,
  });

  // Strapi's destroy() removes every process listener, which would kill the test worker.
  const listeners = process.eventNames().map((event) => [event, process.listeners(event as 'exit')] as const);

  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  await strapi.load();
  strapi.server.mount();
  // Invoices need the seller's details, as an administrator fills them in once in production.
  if (!(await strapi.db.query('api::seller.seller').findOne({ select: ['id'] }))) await strapi.documents('api::seller.seller').create({ data: TEST_SELLER } as never);

  const answers = watchedApi(strapi.server.httpServer, request);
  return {
    strapi,
    mailbox,
    api: answers.api,
    async stop() {
      const undescribed = answers.finish();
      // Let mail queued after the last request reach the mailbox before it closes.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await strapi.destroy();
      process.removeAllListeners();
      for (const [event, fns] of listeners) {
        for (const fn of fns) process.on(event as 'exit', fn);
      }
      await mailbox.close();
      await database.drop?.();
      for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
      Object.assign(process.env, envBefore);
      if (undescribed.length > 0) throw new Error(`Answers of another shape than the API description says (packages/contracts/src/api-description.ts):\n${[...new Set(undescribed)].join('\n')}`);
    },
  };
}
