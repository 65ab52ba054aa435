import { spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Runs a command, inheriting the terminal; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(command: string, args: string[], options: SpawnOptions = {}) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}

/** npm ci when node_modules is missing or the lockfile changed since the last install. */
export async function ensureInstalled() {
  const stamp = path.join(root, 'node_modules', '.ventalis-lock-hash');
  const lockHash = createHash('sha256').update(readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  console.log('→ Installing dependencies (npm ci)…');
  await mustRun('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(stamp, lockHash);
}

/** A Debian package the tests need, by the program it brings. */
export interface SystemPackage {
  program: string;
  name: string;
}

/**
 * Debian's Chromium for the browser journeys (no browser download): its headless shell, the
 * browser Playwright itself runs headless. It renders as Chromium does, without the desktop
 * browser around it: the journeys take 40 % less CPU than in full Chromium's headless mode.
 */
export const CHROMIUM: SystemPackage = { program: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell', name: 'chromium-headless-shell' };
/**
 * What the tests use besides npm packages: Chromium for the browser journeys, xmllint for the
 * invoice checker's schema check (../shared/facturx), pdftotext to read the invoices' pages
 * and nginx for the cluster the fault tests break.
 */
/** The cluster's proxy (npm run cluster, the fault tests). */
export const NGINX: SystemPackage = { program: '/usr/sbin/nginx', name: 'nginx-light' };
export const TEST_PACKAGES: SystemPackage[] = [CHROMIUM, { program: '/usr/bin/xmllint', name: 'libxml2-utils' }, { program: '/usr/bin/pdftotext', name: 'poppler-utils' }, NGINX];

/**
 * Installs the missing packages with apt-get (CI machines run as root); elsewhere says which
 * to install. Resolves with the programs still missing.
 */
export async function ensureSystemPackages(packages: SystemPackage[]): Promise<string[]> {
  const missing = () => packages.filter(({ program }) => !existsSync(program));
  if (missing().length === 0) return [];
  const names = missing().map(({ name }) => name).join(' ');
  if (process.getuid?.() === 0) {
    console.log(`→ Installing ${names} (apt-get)…`);
    await run('sh', ['-c', `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${names}`]);
  }
  const left = missing().map(({ program }) => program);
  if (left.length > 0) console.error(`Missing ${left.join(', ')}: install them (apt-get install -y ${names}).`);
  return left;
}

export async function buildContracts() {
  await mustRun('npx', ['tsc', '-p', 'packages/contracts']);
}

/**
 * The newest modification time under the given paths, folders' own included: a file removed
 * or renamed changes its folder's.
 */
export function newest(paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stats = statSync(p);
    latest = Math.max(latest, stats.mtimeMs);
    if (stats.isDirectory()) latest = Math.max(latest, newest(readdirSync(p).map((name) => path.join(p, name))));
  }
  return latest;
}

/** A build of the cms (its `built` file under cms/) is missing, or older than the sources it is made from. */
function cmsBuildIsStale(built: string): boolean {
  const cmsDir = path.join(root, 'cms');
  const file = path.join(cmsDir, built);
  const sources = ['src', 'config', 'package.json', 'tsconfig.json'].map((p) => path.join(cmsDir, p));
  return !existsSync(file) || newest(sources) > statSync(file).mtimeMs;
}

/** The cms' admin panel (`strapi build`) is missing, or older than the sources it is built from. */
export const adminPanelIsStale = () => cmsBuildIsStale(path.join('dist', 'build', 'index.html'));

/**
 * The cms' compiled server code (dist/src, dist/config) is missing, or older than the sources
 * it is compiled from: the test runs compile it only then.
 */
export const compiledCmsIsStale = () => cmsBuildIsStale(path.join('dist', 'src', 'index.js'));

/**
 * Removes the cms' compiled server code (not the admin panel's build) before it is compiled
 * again: the compiler only adds and overwrites, so a source folder that moved would otherwise
 * stay in dist/ and register its routes a second time.
 */
export function clearCompiledCms() {
  for (const dir of ['src', 'config']) rmSync(path.join(root, 'cms', 'dist', dir), { recursive: true, force: true });
}
