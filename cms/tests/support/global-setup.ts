import { createRequire } from 'node:module';
import path from 'node:path';
import { clearCompiledCms } from '../../../scripts/lib.ts';

/** Compiles the cms once per run; every test file then boots from dist/. */
export default async function globalSetup() {
  const appDir = path.resolve(import.meta.dirname, '..', '..');
  const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
  clearCompiledCms();
  await compileStrapi({ appDir });
}
