/**
 * Command one: install, build, create the SQLite database with the demo data (once),
 * and run the stack on its embedded defaults (cms, storefront, chat-server).   ./nodew npm start
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adminPanelIsStale, buildContracts, ensureInstalled, mustRun, newest, root } from './lib.ts';

const cmsDir = path.join(root, 'cms');
const storefrontDir = path.join(root, 'storefront');
const port = process.env.PORT ?? '1337';
const storefrontPort = process.env.STOREFRONT_PORT ?? '3000';
const chatPort = process.env.CHAT_PORT ?? '4000';
const chatUrl = `http://localhost:${chatPort}`;

await ensureInstalled();
await buildContracts();

if (adminPanelIsStale()) {
  console.log('→ Building the cms and its admin panel…');
  await mustRun('npm', ['run', 'build', '--workspace', 'cms']);
}

console.log('→ Loading the demo data (only into an empty database)…');
await mustRun('node', ['cms/scripts/seed.mts']);

const { demoLogins } = await import('../cms/scripts/seed.mts');

// The storefront is built for the address visitors open; rebuilt when its sources change.
const storefrontOrigin = `http://localhost:${storefrontPort}`;
const storefrontBuild = path.join(storefrontDir, 'build', 'handler.js');
const originStamp = path.join(storefrontDir, 'build', '.ventalis-origin');
const storefrontSources = ['src', 'static', 'vite.config.ts', 'package.json'].map((p) => path.join(storefrontDir, p));
const stale =
  !existsSync(storefrontBuild) ||
  newest([...storefrontSources, path.join(root, 'packages', 'contracts', 'dist')]) > statSync(storefrontBuild).mtimeMs ||
  !existsSync(originStamp) ||
  readFileSync(originStamp, 'utf8') !== `${storefrontOrigin} ${chatUrl}`;
if (stale) {
  console.log('→ Building the storefront…');
  await mustRun('npx', ['vite', 'build'], { cwd: storefrontDir, env: { ORIGIN: storefrontOrigin, STOREFRONT_BUILD_DIR: 'build', CHAT_URL: chatUrl } });
  writeFileSync(originStamp, `${storefrontOrigin} ${chatUrl}`);
}

// Secrets the services share for this run: the cms' content-change webhook, the chat, previews.
const webhookSecret = randomBytes(24).toString('base64url');
const chatSecret = randomBytes(24).toString('base64url');
const previewSecret = process.env.PREVIEW_SECRET ?? 'local-preview-secret';

const banner = () =>
  [
    '',
    'Ventalis is running on its embedded defaults (SQLite, local mail outbox):',
    `  storefront    ${storefrontOrigin}`,
    `  chat-server   ${chatUrl} (Socket.IO)`,
    `  cms API       http://localhost:${port}/api/products`,
    `  admin panel   http://localhost:${port}/admin`,
    `  mail outbox   ${path.join(cmsDir, '.tmp', 'outbox')}`,
    'Demo logins:',
    ...demoLogins().map((line) => `  ${line}`),
    '',
  ].join('\n');

const children: ChildProcess[] = [];
let stopping = false;
const stopAll = (signal: NodeJS.Signals) => {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};

/** Runs a service, its output prefixed; when one stops on its own, the other stops too. */
function service(name: string, command: string, args: string[], options: { cwd: string; env: Record<string, string> }, ready: RegExp, onReady: () => void) {
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  children.push(child);
  let announced = false;
  const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    const text = chunk.toString();
    stream.write(text.replace(/^(?=.)/gm, `[${name}] `));
    if (!announced && ready.test(text)) {
      announced = true;
      onReady();
    }
  };
  child.stdout!.on('data', forward(process.stdout));
  child.stderr!.on('data', forward(process.stderr));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${name} stopped (exit ${code ?? 'signal'}): stopping the stack.`);
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
  return child;
}

let ready = 0;
const oneReady = () => {
  ready += 1;
  if (ready === 3) console.log(banner());
};
service(
  'cms',
  // Strapi itself rather than through npm, so that stopping the stack stops it too.
  process.execPath,
  [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
  {
    cwd: cmsDir,
    env: {
      PORT: port,
      STOREFRONT_URL: storefrontOrigin,
      STOREFRONT_WEBHOOK_URL: `http://127.0.0.1:${storefrontPort}/api/cms-webhook`,
      STOREFRONT_WEBHOOK_SECRET: webhookSecret,
      PREVIEW_SECRET: previewSecret,
      CHAT_SECRET: chatSecret,
      CHAT_SERVER_URL: `http://127.0.0.1:${chatPort}`,
      // The panel's Messages page connects there (the chat-server allows the panel's origin below).
      CHAT_PUBLIC_URL: chatUrl,
      // The storefront forwards visitors' addresses for the sign-in rate limits.
      BEHIND_PROXY: 'true',
    },
  },
  /Strapi started successfully/,
  oneReady,
);
service(
  'storefront',
  process.execPath,
  ['build'],
  {
    cwd: storefrontDir,
    env: {
      PORT: storefrontPort,
      HOST: '0.0.0.0',
      CMS_URL: `http://127.0.0.1:${port}`,
      CMS_PUBLIC_URL: `http://localhost:${port}`,
      CMS_WEBHOOK_SECRET: webhookSecret,
      PREVIEW_SECRET: previewSecret,
      CHAT_URL: chatUrl,
    },
  },
  /Listening on/,
  oneReady,
);
service(
  'chat-server',
  process.execPath,
  [path.join(root, 'chat-server', 'src', 'main.ts')],
  {
    cwd: path.join(root, 'chat-server'),
    env: {
      PORT: chatPort,
      HOST: '0.0.0.0',
      CMS_URL: `http://127.0.0.1:${port}`,
      CHAT_SECRET: chatSecret,
      // The storefront's messages page and the admin panel's Messages page.
      ALLOWED_ORIGINS: `${storefrontOrigin},http://localhost:${port}`,
      REDIS_URL: '',
    },
  },
  /listening on/,
  oneReady,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));
