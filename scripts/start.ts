/**
 * Command one: install, build, create the SQLite database with the demo data (once),
 * and run the stack on its embedded defaults.   ./nodew npm start
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildContracts, ensureInstalled, mustRun, root } from './lib.ts';

const cmsDir = path.join(root, 'cms');
const port = process.env.PORT ?? '1337';

/** The newest modification time under the given folders. */
function newest(paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stats = statSync(p);
    if (stats.isDirectory()) latest = Math.max(latest, newest(readdirSync(p).map((name) => path.join(p, name))));
    else latest = Math.max(latest, stats.mtimeMs);
  }
  return latest;
}

await ensureInstalled();
await buildContracts();

const adminBuild = path.join(cmsDir, 'dist', 'build', 'index.html');
const sources = ['src', 'config', 'package.json', 'tsconfig.json'].map((p) => path.join(cmsDir, p));
if (!existsSync(adminBuild) || newest(sources) > statSync(adminBuild).mtimeMs) {
  console.log('→ Building the cms and its admin panel…');
  await mustRun('npm', ['run', 'build', '--workspace', 'cms']);
}

console.log('→ Loading the demo data (only into an empty database)…');
await mustRun('node', ['cms/scripts/seed.mts']);

const { demoLogins } = await import('../cms/scripts/seed.mts');
const banner = () =>
  [
    '',
    'Ventalis is running on its embedded defaults (SQLite, local mail outbox):',
    `  cms API       http://localhost:${port}/api/products`,
    `  admin panel   http://localhost:${port}/admin`,
    `  mail outbox   ${path.join(cmsDir, '.tmp', 'outbox')}`,
    'Demo logins:',
    ...demoLogins().map((line) => `  ${line}`),
    '',
  ].join('\n');

const cms = spawn('npm', ['run', 'start', '--workspace', 'cms'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, PORT: port } });
let announced = false;
cms.stdout!.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Strapi started successfully/.test(chunk.toString())) {
    announced = true;
    console.log(banner());
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => cms.kill(signal));
cms.on('exit', (code) => process.exit(code ?? 0));
