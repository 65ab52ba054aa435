/**
 * Command one: install, build, create the SQLite database with the demo data (once),
 * and run the stack on its embedded defaults (cms, storefront, chat-server).   ./nodew npm start
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adminPanelIsStale, buildContracts, clearCompiledCms, ensureInstalled, mustRun, newest, root } from './lib.ts';
import { localSecrets } from './local-secrets.ts';
import { stackServices, STACK_SECRETS } from './stack.ts';
import { supervise } from './supervise.ts';

const cmsDir = path.join(root, 'cms');
const storefrontDir = path.join(root, 'storefront');
const port = process.env.PORT ?? '1337';
const storefrontPort = process.env.STOREFRONT_PORT ?? '3000';
const chatPort = process.env.CHAT_PORT ?? '4000';
const chatUrl = `http://localhost:${chatPort}`;
// The services listen on 127.0.0.1 unless told otherwise (HOST=0.0.0.0 npm start).
const host = process.env.HOST || undefined;

// Generated once per installation, reused on every start; an environment variable wins.
// The cms gets them all (the demo data loader too: they sign its sessions), the others theirs.
const secrets = localSecrets(path.join(root, '.tmp', 'local-secrets.json'), STACK_SECRETS);

await ensureInstalled();
await buildContracts();

if (adminPanelIsStale()) {
  console.log('→ Building the cms and its admin panel…');
  clearCompiledCms();
  await mustRun('npm', ['run', 'build', '--workspace', 'cms']);
}

console.log('→ Loading the demo data (only into an empty database)…');
await mustRun('node', ['cms/scripts/seed.mts'], { env: secrets });

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

const stack = supervise(
  stackServices({ host, port, storefrontPort, chatPort, secrets }),
  { onAllReady: () => console.log(banner()) },
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop(signal).then(() => process.exit(0));
  });
}
