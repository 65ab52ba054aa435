import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { nginxSite, REPLICAS } from '../../scripts/cluster-topology.ts';

/**
 * The production-like stack (docker-compose.yml + cms/Dockerfile), checked as files:
 * no Docker engine and no Strapi boot needed.
 */
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const composePath = path.join(repoRoot, 'docker-compose.yml');
const envExamplePath = path.join(repoRoot, '.env.compose.example');

const composeText = readFileSync(composePath, 'utf8');
const nginxTemplate = readFileSync(path.join(repoRoot, 'deploy', 'nginx', 'ventalis.conf.template'), 'utf8');
const compose = parse(composeText) as {
  services: Record<string, Service>;
};

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

/** A service's environment as a map, whichever of the two compose forms it uses. */
function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value == null ? '' : String(value)]));
}

/** The variable a value is required from, when it is exactly `${NAME:?message}`. */
function requiredVariable(value: string | undefined): string | undefined {
  return value?.match(/^\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]*\}$/)?.[1];
}

/** Every variable compose interpolates: `${NAME...}` and `$NAME`, but not the `$$` escape. */
function referencedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)|[A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1] === '$') continue;
    names.add(match[2] ?? match[1]);
  }
  return names;
}

/** The variables set in a dotenv-style file (comments and blank lines skipped). */
function dotenvNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const match = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/);
    if (match) names.add(match[1]);
  }
  return names;
}

/** Dockerfile instructions (continuation lines joined, comments dropped), split into stages. */
function dockerfileStages(text: string): string[][] {
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const instruction of instructions) {
    if (/^FROM\s/i.test(instruction)) stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** The KEY=value pairs of an ENV instruction (also the legacy `ENV KEY value` form). */
function envInstruction(instruction: string): Record<string, string> {
  const body = instruction.replace(/^ENV\s+/i, '');
  if (!body.includes('=')) {
    const [key, ...rest] = body.split(/\s+/);
    return { [key]: rest.join(' ') };
  }
  const pairs: Record<string, string> = {};
  for (const match of body.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) {
    pairs[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return pairs;
}

const services = compose.services ?? {};
const cms = services.cms ?? {};
const cmsEnv = environmentOf(cms);
const cmsBuild = typeof cms.build === 'string' ? { context: cms.build } : (cms.build ?? {});
const buildContext = path.resolve(repoRoot, cmsBuild.context ?? '.');
const dockerfilePath = path.resolve(buildContext, cmsBuild.dockerfile ?? 'Dockerfile');

const PRODUCTION_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'PREVIEW_SECRET',
  'DATABASE_PASSWORD',
  'STOREFRONT_WEBHOOK_SECRET',
  'CHAT_SECRET',
  'CLIENT_ADDRESS_SECRET',
];

describe('docker-compose.yml', () => {
  test('runs postgres, redis, a mail catcher, the cms and the storefront', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'mailcatcher', 'cms', 'storefront']));
  });

  test('builds the cms from cms/Dockerfile with the repository root as context', () => {
    expect(buildContext).toBe(repoRoot);
    expect(path.relative(repoRoot, dockerfilePath)).toBe(path.join('cms', 'Dockerfile'));
    expect(existsSync(dockerfilePath)).toBe(true);
  });

  test('starts the cms only once postgres and redis are healthy', () => {
    const dependsOn = cms.depends_on;
    expect(dependsOn).toBeTypeOf('object');
    expect(Array.isArray(dependsOn)).toBe(false);
    const conditions = dependsOn as Record<string, { condition?: string }>;
    expect(conditions.postgres?.condition).toBe('service_healthy');
    expect(conditions.redis?.condition).toBe('service_healthy');
  });

  test.each(PRODUCTION_SECRETS)('refuses to start the cms without the production secret %s', (name) => {
    const variable = requiredVariable(cmsEnv[name]);
    expect(variable, `${name} should be \${VAR:?message}, got ${JSON.stringify(cmsEnv[name])}`).toBeDefined();
  });

  test('gives postgres the same required password the cms connects with', () => {
    const postgresPassword = requiredVariable(environmentOf(services.postgres ?? {}).POSTGRES_PASSWORD);
    expect(postgresPassword).toBeDefined();
    expect(requiredVariable(cmsEnv.DATABASE_PASSWORD)).toBe(postgresPassword);
  });

  test('holds no literal secret: the example values never appear in it', () => {
    const exampleText = readFileSync(envExamplePath, 'utf8');
    for (const line of exampleText.split('\n')) {
      const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/);
      if (!match) continue;
      const [, name, value] = match;
      const isSecret = PRODUCTION_SECRETS.includes(name) || name === 'POSTGRES_PASSWORD';
      if (isSecret) expect(composeText, `${name}'s example value is in docker-compose.yml`).not.toContain(value);
    }
  });

  test('runs the cms in production on PostgreSQL, Redis and the mail catcher', () => {
    expect(cmsEnv.NODE_ENV).toBe('production');
    expect(cmsEnv.DATABASE_CLIENT).toBe('postgres');
    expect(cmsEnv.DATABASE_HOST).toBe('postgres');
    expect(cmsEnv.SMTP_HOST).toBe('mailcatcher');
    expect(cmsEnv.SMTP_PORT).toBe('1025');
    expect(new URL(cmsEnv.REDIS_URL).hostname).toBe('redis');
  });

  test('runs the storefront against the cms, once the cms is healthy, sharing its secrets', () => {
    const storefront = services.storefront ?? {};
    const env = environmentOf(storefront);
    const build = typeof storefront.build === 'string' ? { context: storefront.build } : (storefront.build ?? {});
    expect(path.resolve(repoRoot, build.context ?? '.')).toBe(repoRoot);
    expect(build.dockerfile).toBe('storefront/Dockerfile');
    expect((storefront.depends_on as Record<string, { condition?: string }>).cms?.condition).toBe('service_healthy');
    expect(new URL(env.CMS_URL).hostname).toBe('cms');
    // The webhook secret and the preview secret are required, and the same on both sides.
    expect(requiredVariable(env.CMS_WEBHOOK_SECRET)).toBe(requiredVariable(cmsEnv.STOREFRONT_WEBHOOK_SECRET));
    expect(requiredVariable(env.PREVIEW_SECRET)).toBe(requiredVariable(cmsEnv.PREVIEW_SECRET));
    expect(new URL(cmsEnv.STOREFRONT_WEBHOOK_URL).hostname).toBe('storefront');
  });

  test("believes a visitor's address from the storefront's signature, or from the proxy's X-Forwarded-For only", () => {
    const env = environmentOf(services.storefront ?? {});
    expect(requiredVariable(env.CLIENT_ADDRESS_SECRET)).toBeDefined();
    expect(requiredVariable(env.CLIENT_ADDRESS_SECRET)).toBe(requiredVariable(cmsEnv.CLIENT_ADDRESS_SECRET));
    // Nobody reaches the cms but through the proxy, and only the proxy's fixed address is believed.
    const proxy = services.proxy as Service & { networks?: { default?: { ipv4_address?: string } } };
    expect((cms as { ports?: unknown }).ports).toBeUndefined();
    expect(cmsEnv.TRUSTED_PROXIES).toBe(proxy.networks?.default?.ipv4_address);
    // The storefront reads the visitor's address from the header the proxy writes (over whatever the visitor sent).
    expect(env.ADDRESS_HEADER).toBe('x-real-ip');
    expect(nginxTemplate).toMatch(/proxy_set_header X-Real-IP \$remote_addr;/);
    expect(nginxTemplate).not.toContain('$proxy_add_x_forwarded_for');
  });

  test('runs two chat-server replicas on Redis, with the cms\' secret', () => {
    const chat = services['chat-server'] as Service & { deploy?: { replicas?: number } };
    const env = environmentOf(chat);
    const build = typeof chat.build === 'string' ? { context: chat.build } : (chat.build ?? {});
    expect(build.dockerfile).toBe('chat-server/Dockerfile');
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    expect(new URL(env.CMS_URL).hostname).toBe('cms');
    expect(requiredVariable(env.CHAT_SECRET)).toBe(requiredVariable(cmsEnv.CHAT_SECRET));
    expect(new URL(cmsEnv.CHAT_SERVER_URL).hostname).toBe('chat-server');
  });

  test('has the topology `npm run cluster` runs: the same replicas behind one nginx, from the same template', () => {
    for (const name of ['cms', 'storefront', 'chat-server']) {
      expect((services[name] as { deploy?: { replicas?: number } }).deploy?.replicas, name).toBe(REPLICAS);
      // Only the proxy publishes a port.
      expect((services[name] as { ports?: unknown }).ports, name).toBeUndefined();
    }
    const proxy = services.proxy as Service & { volumes?: string[]; ports?: string[] };
    expect(proxy.image).toMatch(/^nginx:/);
    expect(proxy.volumes).toContain('./deploy/nginx:/etc/nginx/templates:ro');
    expect(proxy.ports).toEqual(['3000:3000', '1337:1337', '4000:4000']);
    // Every variable of the template is set by compose, and by the cluster script (nothing left unfilled).
    const used = new Set([...nginxTemplate.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]));
    expect(Object.keys(environmentOf(proxy)).sort()).toEqual([...used].sort());
    const site = nginxSite({ ports: { storefront: 8080, cms: 8337, chat: 8400 }, replicaBase: 9000 });
    expect(site).not.toMatch(/\$\{[A-Z_]+\}/);
    expect(site.match(/server 127\.0\.0\.1:\d+/g)).toHaveLength(3 * REPLICAS);
    // Redis shares the cms' jobs and caches, and the chat-servers' deliveries.
    expect(new URL(cmsEnv.REDIS_URL).hostname).toBe('redis');
    expect(cmsEnv.REDIS_PREFIX).toBeTruthy();
  });

  test("lets the panel's Messages page reach the chat like the storefront: same public address, the cms' origin allowed", () => {
    const chatEnv = environmentOf(services['chat-server'] ?? {});
    const storefrontEnv = environmentOf(services.storefront ?? {});
    expect(cmsEnv.CHAT_PUBLIC_URL).toBeTruthy();
    expect(cmsEnv.CHAT_PUBLIC_URL).toBe(storefrontEnv.CHAT_URL);
    expect(chatEnv.ALLOWED_ORIGINS.split(',')).toEqual(expect.arrayContaining([cmsEnv.PUBLIC_URL, cmsEnv.STOREFRONT_URL]));
  });

  test.each(['postgres', 'redis', 'mailcatcher', 'cms', 'storefront', 'chat-server', 'proxy'])('checks the health of %s', (name) => {
    const healthcheck = services[name]?.healthcheck;
    expect(healthcheck?.disable).not.toBe(true);
    expect(healthcheck?.test, `${name} has no healthcheck`).toBeDefined();
    expect(healthcheck?.test?.length).toBeGreaterThan(0);
  });

  test('lists every variable it reads in .env.compose.example', () => {
    const referenced = referencedVariables(composeText);
    expect(referenced.size).toBeGreaterThan(0);
    const listed = dotenvNames(readFileSync(envExamplePath, 'utf8'));
    const missing = [...referenced].filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });
});

describe.each([
  { name: 'cms', dockerfile: 'cms/Dockerfile', port: 1337, health: '/_health' },
  { name: 'storefront', dockerfile: 'storefront/Dockerfile', port: 3000, health: '/healthz' },
  { name: 'chat-server', dockerfile: 'chat-server/Dockerfile', port: 4000, health: '/healthz' },
])('$dockerfile', ({ dockerfile, port, health }) => {
  const file = path.join(repoRoot, dockerfile);
  const stages = dockerfileStages(existsSync(file) ? readFileSync(file, 'utf8') : '');
  const runtime = stages.at(-1) ?? [];

  test('runs the runtime stage as a non-root user', () => {
    const users = runtime.filter((instruction) => /^USER\s/i.test(instruction));
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.replace(/^USER\s+/i, '').split(':')[0].trim();
    expect(['root', '0']).not.toContain(user);
  });

  test('sets NODE_ENV=production in the runtime stage', () => {
    const env = Object.assign({}, ...runtime.filter((i) => /^ENV\s/i.test(i)).map(envInstruction));
    expect(env.NODE_ENV).toBe('production');
  });

  test(`serves on ${port} and reports its health from ${health}`, () => {
    expect(runtime.some((i) => new RegExp(`^EXPOSE\\s+${port}\\b`, 'i').test(i))).toBe(true);
    expect(runtime.find((i) => /^HEALTHCHECK\s/i.test(i))).toContain(health);
  });
});

describe('.dockerignore', () => {
  test('keeps local installs, build output and secrets out of the build context', () => {
    const ignored = readFileSync(path.join(buildContext, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const pattern of ['node_modules', '.git', 'dist', 'build', '.env']) {
      expect(ignored.some((line) => line === pattern || line === `**/${pattern}`), pattern).toBe(true);
    }
  });
});
