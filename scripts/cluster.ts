/**
 * The production topology on one machine, as plain processes (Docker cannot run here):
 * two cms, two storefronts and two chat-servers in production mode on the machine's
 * PostgreSQL and Redis, behind nginx (deploy/nginx/ventalis.conf.template, as in compose).
 *   ./nodew npm run cluster
 * Secrets are generated once into .tmp/cluster/secrets.json; mail goes to .tmp/cluster/outbox.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { adminPanelIsStale, buildContracts, clearCompiledCms, compiledCmsIsStale, ensureInstalled, ensureSystemPackages, mustRun, newest, NGINX, root } from './lib.ts';
import { localSecrets } from './local-secrets.ts';
import { STACK_SECRETS } from './stack.ts';
import { clusterServices, nginxMain, REPLICAS, type ClusterOptions } from './cluster-topology.ts';
import { supervise, type Supervisor } from './supervise.ts';

export interface Cluster {
  supervisor: Supervisor;
  options: ClusterOptions;
  urls: { storefront: string; cms: string; chat: string };
  stop(): Promise<void>;
}

/** Creates the database when it does not exist (the cms creates its tables). */
async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Builds the storefront for the cluster's addresses, when its sources or the addresses changed. */
async function buildStorefront(dir: string, origin: string, chatUrl: string) {
  const storefrontDir = path.join(root, 'storefront');
  const handler = path.join(storefrontDir, dir, 'handler.js');
  const stamp = path.join(storefrontDir, dir, '.ventalis-origin');
  const sources = ['src', 'static', 'vite.config.ts', 'package.json'].map((p) => path.join(storefrontDir, p));
  const fresh =
    existsSync(handler) &&
    newest([...sources, path.join(root, 'packages', 'contracts', 'dist')]) <= statSync(handler).mtimeMs &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === `${origin} ${chatUrl}`;
  if (fresh) return;
  console.log('→ Building the storefront for the cluster…');
  await mustRun('npx', ['vite', 'build'], { cwd: storefrontDir, env: { ORIGIN: origin, STOREFRONT_BUILD_DIR: dir, CHAT_URL: chatUrl } });
  writeFileSync(stamp, `${origin} ${chatUrl}`);
}

/**
 * Prepares and starts the cluster: dependencies, builds, nginx (apt-get when missing), the
 * database with the demo data, a local SMTP outbox, then the seven processes under a
 * supervisor that restarts one that dies.
 */
export async function startCluster(settings: { ports?: ClusterOptions['ports']; replicaBase?: number; replicas?: number; databaseUrl?: string; redisUrl?: string; redisPrefix?: string; dir?: string; quiet?: boolean; write?: (stream: 'stdout' | 'stderr', text: string) => void; adminPanel?: boolean } = {}): Promise<Cluster> {
  const dir = settings.dir ?? path.join(root, '.tmp', 'cluster');
  const ports = settings.ports ?? { storefront: 8080, cms: 8337, chat: 8400 };
  const databaseUrl = settings.databaseUrl ?? process.env.CLUSTER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ventalis_cluster';
  const redisUrl = settings.redisUrl ?? process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const storefrontOrigin = `http://localhost:${ports.storefront}`;
  const chatUrl = `http://localhost:${ports.chat}`;

  await ensureInstalled();
  await buildContracts();
  if (settings.adminPanel === false) {
    // The fault tests use the API only: the server code compiled is enough (the panel's build takes minutes).
    if (compiledCmsIsStale()) {
      clearCompiledCms();
      await (createRequire(import.meta.url)('@strapi/strapi') as { compileStrapi(options: { appDir: string }): Promise<unknown> }).compileStrapi({ appDir: path.join(root, 'cms') });
    }
  } else if (adminPanelIsStale()) {
    console.log('→ Building the cms and its admin panel…');
    clearCompiledCms();
    await mustRun('npm', ['run', 'build', '--workspace', 'cms']);
  }
  const missing = await ensureSystemPackages([NGINX]);
  if (missing.length > 0) throw new Error('nginx is needed for the cluster (apt-get install -y nginx-light)');
  // One build per address: the fault tests' cluster and `npm run cluster` keep theirs.
  const storefrontBuild = `build-cluster-${ports.storefront}`;
  await buildStorefront(storefrontBuild, storefrontOrigin, chatUrl);

  const secrets = localSecrets(path.join(dir, 'secrets.json'), [...STACK_SECRETS, 'METRICS_TOKEN']);
  await ensureDatabase(databaseUrl);
  console.log('→ Loading the demo data (only into an empty database)…');
  await mustRun('node', ['cms/scripts/seed.mts'], { env: { ...secrets, DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl } });

  // Production refuses to start without a mail server: this one writes each mail to a folder.
  const { startOutboxSmtpServer } = createRequire(import.meta.url)('../cms/dist/src/mail/outbox.js') as typeof import('../cms/src/mail/outbox.ts');
  const outbox = await startOutboxSmtpServer(path.join(dir, 'outbox'));

  const nginxDir = path.join(dir, 'nginx');
  mkdirSync(nginxDir, { recursive: true });
  const options: ClusterOptions = {
    ports,
    replicaBase: settings.replicaBase ?? 9000,
    replicas: settings.replicas ?? REPLICAS,
    databaseUrl,
    redisUrl,
    redisPrefix: settings.redisPrefix ?? 'ventalis-cluster',
    smtpPort: outbox.port,
    secrets,
    storefrontBuild,
    nginxDir,
    nginx: NGINX.program,
  };
  writeFileSync(path.join(nginxDir, 'nginx.conf'), nginxMain(options));

  let announce: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (announce = resolve));
  const supervisor = supervise(clusterServices(options), {
    onAllReady: () => announce(),
    ...(settings.write ? { write: settings.write } : settings.quiet ? { write: () => undefined } : {}),
  });
  await ready;
  return {
    supervisor,
    options,
    urls: { storefront: storefrontOrigin, cms: `http://localhost:${ports.cms}`, chat: chatUrl },
    async stop() {
      await supervisor.stop('SIGTERM');
      await outbox.close();
    },
  };
}

if (import.meta.main) {
  const cluster = await startCluster();
  console.log(
    [
      '',
      'Ventalis runs as a cluster: 2 cms, 2 storefronts, 2 chat-servers behind nginx, in production mode',
      `  storefront    ${cluster.urls.storefront}`,
      `  cms API       ${cluster.urls.cms}/api/products   admin panel ${cluster.urls.cms}/admin`,
      `  chat-server   ${cluster.urls.chat}`,
      `  database      ${cluster.options.databaseUrl}   Redis ${cluster.options.redisUrl} (prefix ${cluster.options.redisPrefix})`,
      `  metrics       each replica's /metrics with the bearer METRICS_TOKEN of .tmp/cluster/secrets.json`,
      `  mail outbox   ${path.join(root, '.tmp', 'cluster', 'outbox')}`,
      'Demo logins as for npm start (README). Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void cluster.stop().then(() => process.exit(0));
    });
  }
}
