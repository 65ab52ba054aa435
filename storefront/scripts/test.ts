/**
 * The storefront's tests: the unit tests (Vitest), then the browser journeys (Playwright),
 * whose global setup builds the storefront and boots the real cms with the demo data.
 *   npm test --workspace storefront
 * TEST_REPORT_DIR=dir also writes dir/storefront-unit.json and dir/storefront-e2e.json,
 * which the repository's test command adds to its summary.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { e2eWorkers } from '../e2e/support/workers.ts';
import { CHROMIUM, ensureSystemPackages } from '../../scripts/lib.ts';

const storefrontDir = path.resolve(import.meta.dirname, '..');
const reports = process.env.TEST_REPORT_DIR;

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: storefrontDir, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// tsconfig.json extends the config `svelte-kit sync` generates: missing on a fresh install.
// (Vitest compiles the message catalogue itself, in its global setup.)
const sync = await run('npx', ['svelte-kit', 'sync']);
const unitArgs = ['vitest', 'run', ...(reports ? ['--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'storefront-unit.json')}`] : [])];
const unit = sync === 0 ? await run('npx', unitArgs) : sync;

let e2e = 1;
if ((await ensureSystemPackages([CHROMIUM])).length === 0) {
  // The same count as a plain `npx playwright test` (the config uses e2eWorkers too), said out loud.
  const workers = e2eWorkers();
  console.log(`→ Browser journeys: ${workers} Playwright worker${workers === 1 ? '' : 's'} for ${availableParallelism()} available core${availableParallelism() === 1 ? '' : 's'}`);
  e2e = await run('npx', ['playwright', 'test', `--workers=${workers}`], reports ? { E2E_JSON_REPORT: path.join(reports, 'storefront-e2e.json') } : {});
}

process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);
