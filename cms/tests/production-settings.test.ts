import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const appDir = path.resolve(import.meta.dirname, '..');
const strapiBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');

const SECRETS = {
  APP_KEYS: 'k1,k2',
  API_TOKEN_SALT: 'salt',
  ADMIN_JWT_SECRET: 'admin-secret',
  TRANSFER_TOKEN_SALT: 'transfer',
  JWT_SECRET: 'jwt-secret',
  ENCRYPTION_KEY: 'encryption-key',
  PREVIEW_SECRET: 'preview',
  CHAT_SECRET: 'chat',
  CLIENT_ADDRESS_SECRET: 'client-address',
  SMTP_HOST: '127.0.0.1',
};

/** Starts the built cms in production with the given settings; it must stop before listening. */
function startInProduction(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in SECRETS) && !key.startsWith('STRIPE_')));
  return spawnSync(process.execPath, [strapiBin, 'start'], {
    cwd: appDir,
    env: { ...clean, NODE_ENV: 'production', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '.tmp/tests/never-created.db', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 80_000,
  });
}

// Each test starts a whole Strapi process, which stops while loading its configuration: about
// 2 s on an idle machine, up to half a minute on a busy 2-core one.
const START_TIMEOUT = 90_000;

describe('production start without a required setting', () => {
  test.each(Object.keys(SECRETS))('refuses to start without %s, in one clear line', (missing) => {
    const env = { ...SECRETS } as Record<string, string>;
    delete env[missing];
    const run = startInProduction(env);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([`ventalis cms: missing required setting ${missing} in production (see cms/.env.example)`]);
  }, START_TIMEOUT);

  test('refuses to start with Stripe but without its webhook secret', () => {
    const run = startInProduction({ ...SECRETS, STRIPE_SECRET_KEY: 'sk_test_x' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('ventalis cms: missing required setting STRIPE_WEBHOOK_SECRET in production when STRIPE_SECRET_KEY is set (see cms/.env.example)');
  }, START_TIMEOUT);

  test('refuses to start with a storefront webhook but without its secret', () => {
    const run = startInProduction({ ...SECRETS, STOREFRONT_WEBHOOK_URL: 'http://storefront:3000/api/cms-webhook' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('ventalis cms: missing required setting STOREFRONT_WEBHOOK_SECRET in production (see cms/.env.example)');
  }, START_TIMEOUT);
});
