/**
 * Starts the whole stack the journeys run against, on free ports of 127.0.0.1:
 *   1. the real cms (cms-server.ts) on a fresh SQLite database with the demo data;
 *   2. the storefront, built with its origin (adapter-node 6 fixes it at build time) and
 *      started with `node build`, talking to that cms.
 * Both builds run side by side; the teardown stops both and removes the run's data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const storefrontDir = path.resolve(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];
const WEBHOOK_SECRET = 'e2e-webhook-secret';
const PREVIEW_SECRET = 'e2e-preview-secret';
/** The storefront built for this run's origin, apart from the one `npm start` runs. */
const E2E_BUILD = 'build-e2e';

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
function start(name: string, args: string[], options: { env: Record<string, string>; log: string; ready?: RegExp; timeoutMs: number }): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.log);
    const child = spawn(process.execPath, args, { cwd: storefrontDir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ventalis-e2e-'));
  const [cmsPort, storefrontPort] = [await freePort(), await freePort()];
  const storefrontUrl = `http://127.0.0.1:${storefrontPort}`;
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const logs = { cms: path.join(dataDir, 'cms.log'), build: path.join(dataDir, 'build.log'), storefront: path.join(dataDir, 'storefront.log') };

  const teardown = async () => {
    await Promise.all(children.map(stop));
    // Keep the logs next to the other test artefacts; the database and pictures go.
    const kept = path.join(storefrontDir, 'test-results', 'e2e-logs');
    mkdirSync(kept, { recursive: true });
    for (const file of Object.values(logs)) {
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

    console.log(`e2e: starting the cms on ${cmsUrl} and building the storefront for ${storefrontUrl}…`);
    const [cms] = await Promise.all([
      start('cms', [path.join('e2e', 'support', 'cms-server.ts')], {
        env: {
          NODE_ENV: 'test',
          PORT: String(cmsPort),
          E2E_DATA_DIR: dataDir,
          DATABASE_CLIENT: 'sqlite',
          DATABASE_FILENAME: path.join(dataDir, 'data.db'),
          MAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'),
          STOREFRONT_URL: storefrontUrl,
          STRAPI_STARTUP_BANNER: 'false',
          // The storefront forwards each visitor's address (X-Forwarded-For).
          BEHIND_PROXY: 'true',
          // Every e2e visitor comes from 127.0.0.1: the limits per address and per account are
          // the cms suite's to test; here they would only count the suite's own logins.
          RATE_LIMIT_AUTH_PER_ADDRESS: '1000',
          // Content edits reach the storefront's cache through its webhook.
          STOREFRONT_WEBHOOK_URL: `${storefrontUrl}/api/cms-webhook`,
          STOREFRONT_WEBHOOK_SECRET: WEBHOOK_SECRET,
          PREVIEW_SECRET,
          RATE_LIMIT_AUTH_PER_ACCOUNT: '1000',
        },
        log: logs.cms,
        ready: /cms ready on/,
        timeoutMs: 300_000,
      }),
      start('storefront build', [viteBin, 'build'], { env: { ORIGIN: storefrontUrl, STOREFRONT_BUILD_DIR: E2E_BUILD }, log: logs.build, timeoutMs: 180_000 }),
    ]);

    await start('storefront', [E2E_BUILD], {
      // The catalogue cache lasts 30 s: only the webhook can make an edit show sooner.
      env: {
        HOST: '127.0.0.1',
        PORT: String(storefrontPort),
        CMS_URL: cmsUrl,
        NODE_ENV: 'production',
        CATALOGUE_CACHE_SECONDS: '30',
        CMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PREVIEW_SECRET,
        CMS_PUBLIC_URL: cmsUrl,
      },
      log: logs.storefront,
      ready: /Listening on/,
      timeoutMs: 30_000,
    });
    console.log(`e2e: storefront ready on ${storefrontUrl} (cms pid ${cms.pid})`);

    process.env.STOREFRONT_URL = storefrontUrl;
    process.env.CMS_URL = cmsUrl;
    process.env.E2E_OUTBOX_DIR = path.join(dataDir, 'outbox');
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
