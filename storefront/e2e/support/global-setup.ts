/**
 * Starts the stacks the journeys run against, on free ports of 127.0.0.1, each:
 *   1. the real cms (cms-server.ts) on a fresh SQLite database with the demo data; the
 *      main one also serves the admin panel, built (`strapi build`) when its sources changed;
 *   2. the storefront, built with its origin (adapter-node 6 fixes it at build time) and
 *      started with `node <build>`, talking to that cms.
 * The teardown stops everything and removes the run's data, keeping the logs.
 * A run of journeys that need neither the admin panel nor Stripe (`npx playwright test
 * e2e/visitor.spec.ts`) can skip them: E2E_ADMIN_PANEL=off, E2E_STRIPE_STACK=off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startFakeStripe } from '../../../cms/tests/support/fake-stripe.ts';
import { adminPanelIsStale, clearCompiledCms, compiledCmsIsStale } from '../../../scripts/lib.ts';
import { METRICS_TOKEN } from './accounts.ts';

const storefrontDir = path.resolve(import.meta.dirname, '..', '..');
const cmsDir = path.resolve(storefrontDir, '..', 'cms');
const children: ChildProcess[] = [];
const WEBHOOK_SECRET = 'e2e-webhook-secret';
const PREVIEW_SECRET = 'e2e-preview-secret';
const CHAT_SECRET = 'e2e-chat-secret';
const CLIENT_ADDRESS_SECRET = 'e2e-client-address-secret';
/** The storefront built for this run's origin, apart from the one `npm start` runs. */
const E2E_BUILD = 'build-e2e';
const STRIPE_PUBLISHABLE_KEY = 'pk_test_e2e';
const withAdminPanel = process.env.E2E_ADMIN_PANEL !== 'off';
const withStripeStack = process.env.E2E_STRIPE_STACK !== 'off';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a node script, its output in a log file; resolves when `ready` shows in it (or at exit 0). */
function start(name: string, args: string[], options: { env: Record<string, string>; log: string; ready?: RegExp; timeoutMs: number; cwd?: string }): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.log);
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? storefrontDir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- ${name} output (${options.log}) ---\n${output.slice(-4000)}`));
    };
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      output += chunk.toString();
      if (options.ready?.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (error) => fail(error));
    child.on('exit', (code, signal) => {
      if (!options.ready && code === 0) {
        clearTimeout(timer);
        resolve(child);
      } else fail(new Error(`${name} exited (${signal ?? `code ${code}`})`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Stack {
  name: string;
  dataDir: string;
  cmsUrl: string;
  storefrontUrl: string;
  chatUrl: string;
  buildDir: string;
  logs: { cms: string; build: string; storefront: string; chat: string; panel: string };
}

async function stackOn(name: string, dataDir: string, buildDir: string): Promise<Stack> {
  const [cmsPort, storefrontPort, chatPort] = [await freePort(), await freePort(), await freePort()];
  mkdirSync(dataDir, { recursive: true });
  return {
    name,
    dataDir,
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    storefrontUrl: `http://127.0.0.1:${storefrontPort}`,
    chatUrl: `http://127.0.0.1:${chatPort}`,
    buildDir,
    logs: {
      cms: path.join(dataDir, `${name}cms.log`),
      build: path.join(dataDir, `${name}build.log`),
      storefront: path.join(dataDir, `${name}storefront.log`),
      chat: path.join(dataDir, `${name}chat-server.log`),
      panel: path.join(dataDir, `${name}admin-panel-build.log`),
    },
  };
}

/** The real cms on a fresh SQLite database with the demo data, for this stack's storefront. */
function startCms(stack: Stack, env: Record<string, string> = {}) {
  return start(`${stack.name}cms`, [path.join('e2e', 'support', 'cms-server.ts')], {
    env: {
      NODE_ENV: 'test',
      PORT: new URL(stack.cmsUrl).port,
      E2E_DATA_DIR: stack.dataDir,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(stack.dataDir, 'data.db'),
      MAIL_OUTBOX_DIR: path.join(stack.dataDir, 'outbox'),
      STOREFRONT_URL: stack.storefrontUrl,
      STRAPI_STARTUP_BANNER: 'false',
      // The storefront signs each visitor's address with it.
      CLIENT_ADDRESS_SECRET,
      // Every e2e visitor comes from 127.0.0.1: the limits per address and per account are
      // the cms suite's to test; here they would only count the suite's own logins.
      RATE_LIMIT_AUTH_PER_ADDRESS: '1000',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '1000',
      RATE_LIMIT_AUTH_PER_ACCOUNT_AND_ADDRESS: '1000',
      // Content edits reach the storefront's cache through its webhook.
      STOREFRONT_WEBHOOK_URL: `${stack.storefrontUrl}/api/cms-webhook`,
      STOREFRONT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PREVIEW_SECRET,
      CHAT_SECRET,
      CHAT_SERVER_URL: stack.chatUrl,
      CHAT_PUBLIC_URL: stack.chatUrl,
      METRICS_TOKEN,
      ...env,
    },
    log: stack.logs.cms,
    ready: /cms ready on/,
    timeoutMs: 300_000,
  });
}

/**
 * The main cms serves the admin panel (the administrator's Messages journey): built only when
 * its sources changed since the last build. `strapi build` compiles the cms too; says whether it ran.
 */
async function buildAdminPanel(stack: Stack): Promise<boolean> {
  if (!adminPanelIsStale()) return false;
  clearCompiledCms();
  const strapiBin = path.join(path.dirname(createRequire(path.join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  await start('admin panel build', [strapiBin, 'build'], { cwd: cmsDir, env: {}, log: stack.logs.panel, timeoutMs: 300_000 });
  return true;
}

/** adapter-node fixes the origin at build time: each stack has a build of its own. */
function buildStorefront(stack: Stack, viteBin: string) {
  return start(`${stack.name}storefront build`, [viteBin, 'build'], {
    env: { ORIGIN: stack.storefrontUrl, STOREFRONT_BUILD_DIR: stack.buildDir, CHAT_URL: stack.chatUrl },
    log: stack.logs.build,
    timeoutMs: 180_000,
  });
}

function startStorefront(stack: Stack) {
  return start(`${stack.name}storefront`, ['server.ts', stack.buildDir], {
    // The catalogue cache lasts 30 s: only the webhook can make an edit show sooner.
    env: {
      HOST: '127.0.0.1',
      PORT: new URL(stack.storefrontUrl).port,
      CMS_URL: stack.cmsUrl,
      NODE_ENV: 'production',
      CATALOGUE_CACHE_SECONDS: '30',
      CMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PREVIEW_SECRET,
      CLIENT_ADDRESS_SECRET,
      CMS_PUBLIC_URL: stack.cmsUrl,
      CHAT_URL: stack.chatUrl,
      METRICS_TOKEN,
    },
    log: stack.logs.storefront,
    ready: /Listening on/,
    timeoutMs: 30_000,
  });
}

/** The chat-server of a stack, delivering that cms' messages to that storefront's pages. */
function startChatServer(stack: Stack) {
  return start(`${stack.name}chat-server`, [path.join('..', 'chat-server', 'src', 'main.ts')], {
    // The storefront's messages page and the admin panel's Messages page.
    env: { HOST: '127.0.0.1', PORT: new URL(stack.chatUrl).port, CMS_URL: stack.cmsUrl, CHAT_SECRET, ALLOWED_ORIGINS: `${stack.storefrontUrl},${stack.cmsUrl}`, REDIS_URL: '', METRICS_TOKEN },
    log: stack.logs.chat,
    ready: /listening on/,
    timeoutMs: 30_000,
  });
}

/**
 * Two stacks: the main one on the simulated payment provider, and a second one whose cms
 * pays through Stripe, the official SDK talking to a Stripe-compatible server on this
 * machine (Stripe itself cannot be reached from here), for the Payment Element journey.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ventalis-e2e-'));
  const main = await stackOn('', dataDir, E2E_BUILD);
  const withStripe = await stackOn('stripe-', path.join(dataDir, 'stripe'), `${E2E_BUILD}-stripe`);
  const fakeStripe = await startFakeStripe();

  const teardown = async () => {
    await Promise.all(children.map(stop));
    await fakeStripe.close();
    // Keep the logs next to the other test artefacts; the database and pictures go.
    const kept = path.join(storefrontDir, 'test-results', 'e2e-logs');
    mkdirSync(kept, { recursive: true });
    for (const file of [...Object.values(main.logs), ...Object.values(withStripe.logs)]) {
      try {
        cpSync(file, path.join(kept, path.basename(file)));
      } catch {
        // Not started: nothing to keep.
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const vite = createRequire(import.meta.url).resolve('vite/package.json');
    const viteBin = path.join(path.dirname(vite), (JSON.parse(readFileSync(vite, 'utf8')) as { bin: { vite: string } }).bin.vite);

    console.log(`e2e: starting the cms${withAdminPanel ? ' (with its admin panel)' : ''} on ${main.cmsUrl} and building the storefront for ${main.storefrontUrl}…`);
    await Promise.all([
      withAdminPanel
        ? buildAdminPanel(main).then((compiled) => startCms(main, { E2E_ADMIN_PANEL: 'true', ...(compiled || !compiledCmsIsStale() ? { E2E_CMS_COMPILE: 'false' } : {}) }))
        : startCms(main),
      buildStorefront(main, viteBin),
    ]);
    if (!withStripeStack) {
      await Promise.all([startStorefront(main), startChatServer(main)]);
      console.log(`e2e: storefront ready on ${main.storefrontUrl} (no Stripe stack)`);
      process.env.STOREFRONT_URL = main.storefrontUrl;
      process.env.CMS_URL = main.cmsUrl;
      process.env.E2E_OUTBOX_DIR = path.join(main.dataDir, 'outbox');
      return teardown;
    }
    // Builds share .svelte-kit/output: one at a time. The cms is compiled by now.
    await Promise.all([
      startStorefront(main),
      startChatServer(main),
      buildStorefront(withStripe, viteBin),
      startCms(withStripe, {
        E2E_CMS_COMPILE: 'false',
        STRIPE_SECRET_KEY: fakeStripe.secretKey,
        STRIPE_PUBLISHABLE_KEY: STRIPE_PUBLISHABLE_KEY,
        STRIPE_WEBHOOK_SECRET: fakeStripe.webhookSecret,
        STRIPE_API_HOST: '127.0.0.1',
        STRIPE_API_PORT: String(fakeStripe.port),
        STRIPE_API_PROTOCOL: 'http',
      }),
    ]);
    await startStorefront(withStripe);
    console.log(`e2e: storefronts ready on ${main.storefrontUrl} and, with Stripe, ${withStripe.storefrontUrl}`);

    process.env.STOREFRONT_URL = main.storefrontUrl;
    process.env.CMS_URL = main.cmsUrl;
    process.env.E2E_OUTBOX_DIR = path.join(main.dataDir, 'outbox');
    process.env.STRIPE_STOREFRONT_URL = withStripe.storefrontUrl;
    process.env.STRIPE_CMS_URL = withStripe.cmsUrl;
    process.env.FAKE_STRIPE_URL = fakeStripe.url;
    process.env.FAKE_STRIPE_SECRET_KEY = fakeStripe.secretKey;
    process.env.FAKE_STRIPE_WEBHOOK_SECRET = fakeStripe.webhookSecret;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
