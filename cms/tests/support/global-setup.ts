import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { clearCompiledCms, compiledCmsIsStale } from '../../../scripts/lib.ts';
import { createTemplateDatabase } from './strapi';
import { assertEveryOperationAnswered, clearAnsweredOperations } from './api-description';

/**
 * Compiles the cms once (again only when its sources changed since), then boots it once on an
 * empty database: every test file boots on a copy of that one (see strapi.ts). After the run,
 * with CHECK_API_COVERAGE (the test command), checks every described operation was answered.
 */
export default async function globalSetup(project: TestProject) {
  const appDir = path.resolve(import.meta.dirname, '..', '..');
  if (compiledCmsIsStale()) {
    const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');
    clearCompiledCms();
    await compileStrapi({ appDir });
  }
  // Booting sets the cms' variables in this process, which the test workers would inherit.
  const env = { ...process.env };
  const template = await createTemplateDatabase();
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  project.provide('templateDatabase', template.name);
  clearAnsweredOperations();
  return async () => {
    await template.remove();
    // The whole suite (the test command): every operation of the API description was seen answering.
    if (process.env.CHECK_API_COVERAGE) assertEveryOperationAnswered();
  };
}
