/**
 * The storefront's catalogue page with 100 products, served by the built storefront
 * (adapter-node) against the real cms, and in the same run a bare SvelteKit page rendering
 * the same 100 product cards from memory (storefront/bench-baseline). Prints req/s, p99 and the ratio,
 * and the JavaScript the catalogue page ships (gzip). The catalogue is measured in French and
 * in English (/fr/catalogue, /en/catalogue), and signed in as a member of a company with
 * negotiated prices, against the same bare page.
 *   ./nodew node bench/storefront.ts [seconds]     (needs the cms compiled: ./nodew npm test or npm start once)
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measure, printTable, startProcess, startServer, stopServer } from './support/measure.mts';

const seconds = Number(process.argv[2] ?? 10);
const root = path.resolve(import.meta.dirname, '..');
const storefrontDir = path.join(root, 'storefront');
const bareDir = path.join(storefrontDir, 'bench-baseline');
const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** Starts an adapter-node build and waits for it to listen. */
const serve = async (dir: string, env: Record<string, string>) => (await startProcess([dir], { HOST: '127.0.0.1', NODE_ENV: 'production', CLIENT_ADDRESS_SECRET: 'bench', ...env }, /Listening on/)).child;

const [storefrontPort, barePort] = [await freePort(), await freePort()];
const storefrontUrl = `http://127.0.0.1:${storefrontPort}`;

console.log('Building the storefront and the bare page…');
const buildDir = path.join(storefrontDir, 'build-bench');
await run([viteBin, 'build'], storefrontDir, { ORIGIN: storefrontUrl, STOREFRONT_BUILD_DIR: 'build-bench' });
await run([viteBin, 'build'], bareDir);

const cms = await startServer<{ port: number }>(path.join(import.meta.dirname, 'support', 'serve-cms.mts'));
const cmsUrl = `http://127.0.0.1:${cms.info.port}`;
const products = ((await (await fetch(`${cmsUrl}/api/products?pageSize=100&sort=name`)).json()) as { data: unknown[] }).data;
const productsFile = path.join(tmpdir(), `ventalis-bench-products-${process.pid}.json`);
writeFileSync(productsFile, JSON.stringify(products));

const rows = [];
const html: Record<string, string> = {};
/**
 * Signs in through the storefront's login form, as a browser does: the session cookie it sets.
 * The member's company has negotiated prices on half the catalogue (support/serve-cms.mts).
 */
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${storefrontUrl}/fr/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: storefrontUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ identifier: email, password: 'Bench-Password-2026!' }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (response.status !== 303 || !cookies.some((cookie) => cookie.startsWith('ventalis_session='))) throw new Error(`Signing in as ${email} failed: ${response.status}`);
  return cookies.join('; ');
}

for (const [label, locale, cacheSeconds, member] of [
  ['storefront /fr/catalogue?perPage=100, cms behind, catalogue cache on (default, 30 s)', 'fr', '30', false],
  ['storefront /en/catalogue?perPage=100, same', 'en', '30', false],
  ['/fr/catalogue, storefront cache off (every request asks the cms)', 'fr', '0', false],
  ['/fr/catalogue signed in, a member whose company has prices on half the products', 'fr', '30', true],
] as const) {
  const page = `${storefrontUrl}/${locale}/catalogue?perPage=100`;
  const storefront = await serve(buildDir, { PORT: String(storefrontPort), CMS_URL: cmsUrl, CATALOGUE_CACHE_SECONDS: cacheSeconds });
  const headers: Record<string, string> = member ? { cookie: await signIn('member@client.test') } : {};
  const text = await (await fetch(page, { headers })).text();
  const cards = text.match(/data-testid="product-card"/g)?.length ?? 0;
  if (cards !== 100) throw new Error(`The catalogue page shows ${cards} products, not 100`);
  if (!text.includes(`<html lang="${locale}"`)) throw new Error(`${page} is not in ${locale}`);
  if (member && !text.includes('data-list-price-cents')) throw new Error('The signed-in member does not see their company prices');
  if (!member) html[locale] = text;
  // The first server of the run starts while the machine still settles from the builds and the
  // cms' start: a round of its own first, so that the first row is not the slowest by position.
  if (rows.length === 0) await measure('warm-up', page, { seconds: 5, headers });
  rows.push(await measure(label, page, { seconds, headers }));
  await stopServer(storefront);
}

// The JavaScript a visitor's browser loads for this page: the entry and every chunk it preloads.
const shipped = Object.entries(html).map(([locale, page]) => {
  const scripts = [...new Set(page.match(/\/_app\/immutable\/[^"')\s]+\.js/g) ?? [])];
  const scriptBytes = scripts.map((src) => readFileSync(path.join(buildDir, 'client', src)));
  const gzipKb = scriptBytes.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0) / 1024;
  const rawKb = scriptBytes.reduce((sum, bytes) => sum + bytes.length, 0) / 1024;
  return { locale, files: scripts.length, rawKb, gzipKb };
});
await stopServer(cms.child);

const bare = await serve(path.join(bareDir, 'build'), { PORT: String(barePort), BARE_PRODUCTS: productsFile });
const baseline = await measure('bare SvelteKit page, same 100 cards from memory', `http://127.0.0.1:${barePort}/`, { seconds });
await stopServer(bare);

console.log(`\nCatalogue page (100 products), 10 connections, ${seconds} s each`);
printTable([...rows, baseline], baseline);
console.log();
for (const { locale, files, rawKb, gzipKb } of shipped) {
  console.log(`JavaScript shipped by the catalogue page (${locale}): ${files} files, ${rawKb.toFixed(1)} kB, ${gzipKb.toFixed(1)} kB gzip (target ≤ 50 kB)`);
}
