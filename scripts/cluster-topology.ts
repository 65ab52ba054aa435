/**
 * The production topology of docker-compose.yml as plain processes on one machine: two cms,
 * two storefronts and two chat-servers, all in production mode on the machine's PostgreSQL
 * and Redis, behind nginx configured from the same template as compose's proxy
 * (deploy/nginx/ventalis.conf.template). `npm run cluster` runs it; the fault tests load it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.ts';
import type { ServiceSpec } from './supervise.ts';

export interface ClusterOptions {
  /** Where visitors, API clients and sockets come in (nginx). */
  ports: { storefront: number; cms: number; chat: number };
  /** First port of the replicas (each service takes its replicas in a row from base, base+10, base+20). */
  replicaBase: number;
  /** Processes of each service: REPLICAS, as compose runs (1 to compare with one process of each). */
  replicas?: number;
  databaseUrl: string;
  redisUrl: string;
  /** Names this cluster's keys in a Redis it may share. */
  redisPrefix: string;
  smtpPort: number;
  secrets: Record<string, string>;
  /** The storefront's build folder (built for this cluster's origin). */
  storefrontBuild: string;
  /** nginx's own folder: its configuration, pid, logs and temporary files. */
  nginxDir: string;
  nginx: string;
}

export const REPLICAS = 2;

/** The replicas' ports: cms 1..n from base, storefronts from base+10, chat-servers from base+20. */
export function replicaPorts(base: number, replicas = REPLICAS) {
  const ports = (offset: number) => Array.from({ length: replicas }, (_, i) => base + offset + i + 1);
  return { cms: ports(0), storefront: ports(10), chat: ports(20) };
}

/** compose's proxy configuration with this machine's addresses filled in (what nginx's image does with envsubst). */
export function nginxSite(options: Pick<ClusterOptions, 'ports' | 'replicaBase' | 'replicas'>): string {
  const template = readFileSync(path.join(root, 'deploy', 'nginx', 'ventalis.conf.template'), 'utf8');
  const replicas = replicaPorts(options.replicaBase, options.replicas);
  const servers = (ports: number[]) => ports.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n  ');
  const values: Record<string, string> = {
    STOREFRONT_LISTEN: `127.0.0.1:${options.ports.storefront}`,
    CMS_LISTEN: `127.0.0.1:${options.ports.cms}`,
    CHAT_LISTEN: `127.0.0.1:${options.ports.chat}`,
    STOREFRONT_SERVERS: servers(replicas.storefront),
    CMS_SERVERS: servers(replicas.cms),
    CHAT_SERVERS: servers(replicas.chat),
  };
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** nginx's main file around the site, with every path inside its own folder (it runs unprivileged or as root alike). */
export function nginxMain(options: Pick<ClusterOptions, 'ports' | 'replicaBase' | 'replicas' | 'nginxDir'>): string {
  const dir = options.nginxDir;
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${asRoot}worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${nginxSite(options).replace(/\n/g, '\n  ')}
}
`;
}

/** The seven processes: the replicas in production mode, then nginx once each cms has started. */
export function clusterServices(options: ClusterOptions): ServiceSpec[] {
  const { ports, secrets } = options;
  const replicas = replicaPorts(options.replicaBase, options.replicas);
  const storefrontOrigin = `http://localhost:${ports.storefront}`;
  const cmsPublic = `http://localhost:${ports.cms}`;
  const chatPublic = `http://localhost:${ports.chat}`;
  // The services reach each other through the proxy, as compose's do through its DNS: a replica that is down is skipped.
  const cmsInternal = `http://127.0.0.1:${ports.cms}`;
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1', LOG_FORMAT: 'json', METRICS_TOKEN: secrets.METRICS_TOKEN! };

  const cms = replicas.cms.map(
    (port, i): ServiceSpec => ({
      name: `cms-${i + 1}`,
      command: process.execPath,
      args: [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
      cwd: path.join(root, 'cms'),
      env: {
        ...secrets,
        ...common,
        PORT: String(port),
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.redisPrefix,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(options.smtpPort),
        PUBLIC_URL: cmsPublic,
        STOREFRONT_URL: storefrontOrigin,
        // Every storefront replica drops its cached catalogue when content changes.
        STOREFRONT_WEBHOOK_URL: replicas.storefront.map((p) => `http://127.0.0.1:${p}/api/cms-webhook`).join(','),
        CHAT_SERVER_URL: `http://127.0.0.1:${ports.chat}`,
        CHAT_PUBLIC_URL: chatPublic,
        // Only the proxy may say who the caller is (X-Forwarded-For).
        TRUSTED_PROXIES: '127.0.0.1',
        COOKIE_SECURE: 'false',
      },
      ready: /Strapi started successfully/,
      // The second runs its start-up work once the first has done it.
      ...(i > 0 ? { after: 'cms-1' } : {}),
    }),
  );

  const storefronts = replicas.storefront.map(
    (port, i): ServiceSpec => ({
      name: `storefront-${i + 1}`,
      command: process.execPath,
      args: ['server.ts', options.storefrontBuild],
      cwd: path.join(root, 'storefront'),
      env: {
        ...common,
        PORT: String(port),
        CMS_URL: cmsInternal,
        CMS_PUBLIC_URL: cmsPublic,
        CMS_WEBHOOK_SECRET: secrets.STOREFRONT_WEBHOOK_SECRET!,
        PREVIEW_SECRET: secrets.PREVIEW_SECRET!,
        CLIENT_ADDRESS_SECRET: secrets.CLIENT_ADDRESS_SECRET!,
        CHAT_URL: chatPublic,
        // The visitor's address as the proxy saw it (the proxy overwrites whatever the visitor sent).
        ADDRESS_HEADER: 'x-real-ip',
      },
      ready: /Listening on/,
      after: 'cms-1',
    }),
  );

  const chats = replicas.chat.map(
    (port, i): ServiceSpec => ({
      name: `chat-${i + 1}`,
      command: process.execPath,
      args: [path.join(root, 'chat-server', 'src', 'main.ts')],
      cwd: path.join(root, 'chat-server'),
      env: {
        ...common,
        PORT: String(port),
        CHAT_SECRET: secrets.CHAT_SECRET!,
        CMS_URL: cmsInternal,
        ALLOWED_ORIGINS: `${storefrontOrigin},${cmsPublic}`,
        REDIS_URL: options.redisUrl,
      },
      ready: /listening on/,
    }),
  );

  const conf = path.join(options.nginxDir, 'nginx.conf');
  const proxy: ServiceSpec = {
    name: 'proxy',
    command: 'sh',
    // `nginx -t` says the configuration is good (and that is the ready line), then nginx takes the shell's place.
    args: ['-c', `"$NGINX" -t -q -p "$DIR" -c "$CONF" && echo "nginx is serving" && exec "$NGINX" -p "$DIR" -c "$CONF" -g "daemon off;"`],
    cwd: options.nginxDir,
    env: { NGINX: options.nginx, DIR: options.nginxDir, CONF: conf },
    ready: /nginx is serving/,
  };

  return [...cms, ...storefronts, ...chats, proxy];
}
