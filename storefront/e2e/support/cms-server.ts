/**
 * The real cms for the browser journeys, in a process of its own: compiled, booted on a
 * fresh SQLite database with the demo data, listening on 127.0.0.1:$PORT (with the admin
 * panel when E2E_ADMIN_PANEL=true: `strapi build` must have run).
 *   PORT=… E2E_DATA_DIR=… node e2e/support/cms-server.ts
 * Prints "cms ready" when it answers; stops cleanly on SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const cmsDir = path.resolve(import.meta.dirname, '..', '..', '..', 'cms');
const port = Number(process.env.PORT);
const dataDir = process.env.E2E_DATA_DIR;
if (!Number.isInteger(port) || !dataDir) throw new Error('cms-server needs PORT and E2E_DATA_DIR');

// Strapi's CommonJS build: its ESM build fails on `lodash/fp` directory imports.
const { compileStrapi, createStrapi } = createRequire(path.join(cmsDir, 'package.json'))('@strapi/strapi');

const started = Date.now();
if (process.env.E2E_CMS_COMPILE !== 'false') await compileStrapi({ appDir: cmsDir });

// The admin panel (built beforehand) only for the journeys that use it: E2E_ADMIN_PANEL=true.
const strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel: process.env.E2E_ADMIN_PANEL === 'true' });
// The demo pictures go to this run's own folder, not into cms/public/uploads.
const publicDir = path.join(dataDir, 'public');
mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
strapi.config.set('dirs', { ...strapi.dirs, static: { public: publicDir } });
strapi.log.level = 'warn';
await strapi.load();

const { seed } = (await import(pathToFileURL(path.join(cmsDir, 'scripts', 'seed.mts')).href)) as { seed: (s: unknown) => Promise<boolean> };
await seed(strapi);

strapi.server.mount();
await new Promise<void>((resolve, reject) => {
  strapi.server.httpServer.once('error', reject);
  strapi.server.httpServer.listen(port, '127.0.0.1', () => resolve());
});
console.log(`cms ready on http://127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Strapi stops itself on SIGTERM/SIGINT (destroyOnSignal): database closed, then exit.
