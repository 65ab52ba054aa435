/**
 * Command two: every test of every workspace; the cms suite on SQLite, then on
 * PostgreSQL (TEST_DATABASE_URL, default: the machine's local server).   ./nodew npm test
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildContracts, ensureInstalled, ensureSystemPackages, root, run, TEST_PACKAGES } from './lib.ts';
import { durationsIn, formatSlowest, slowest } from './slowest.ts';

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const reports = mkdtempSync(path.join(tmpdir(), 'ventalis-tests-'));
const results: { suite: string; passed: number; failed: number; code: number }[] = [];
/** Wall time of each step, printed with the summary: what to cut when the suite gets long. */
const started = Date.now();
const timings: { step: string; seconds: number }[] = [];
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const from = Date.now();
  try {
    return await work();
  } finally {
    timings.push({ step, seconds: (Date.now() - from) / 1000 });
  }
}
/** Each suite's JSON report, for the slowest tests at the end. */
const reportFiles: { suite: string; file: string }[] = [];

async function vitest(suite: string, workspace: string, env: Record<string, string> = {}) {
  console.log(`\n━━ ${suite} ━━`);
  const report = path.join(reports, `${suite.replace(/\W+/g, '-')}.json`);
  reportFiles.push({ suite, file: report });
  const code = await timed(suite, () => run('npx', ['vitest', 'run', '--root', workspace, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env }));
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
  } catch {
    failed = 1;
  }
  results.push({ suite, passed, failed: code !== 0 && failed === 0 ? 1 : failed, code });
}

function readReport<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(path.join(reports, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Unit tests (Vitest), then browser journeys (Playwright, against the built storefront and the real cms). */
async function storefront() {
  console.log('\n━━ storefront ━━');
  const code = await timed('storefront unit and e2e', () => run('npm', ['test', '--workspace', 'storefront'], { env: { TEST_REPORT_DIR: reports } }));
  reportFiles.push({ suite: 'storefront unit', file: path.join(reports, 'storefront-unit.json') }, { suite: 'storefront e2e', file: path.join(reports, 'storefront-e2e.json') });
  const unit = readReport<{ success: boolean; numPassedTests: number; numFailedTests: number; numFailedTestSuites: number }>('storefront-unit.json');
  const e2e = readReport<{ stats: { expected: number; unexpected: number; flaky: number }; errors: unknown[] }>('storefront-e2e.json');
  // A file that fails to load, or a failing global setup, fails no test: count it once.
  const suites = [
    { suite: 'storefront unit', counts: unit && { passed: unit.numPassedTests, failed: unit.numFailedTests || (unit.success ? 0 : Math.max(1, unit.numFailedTestSuites)) } },
    { suite: 'storefront e2e', counts: e2e && { passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected || Math.min(1, e2e.errors.length) } },
  ];
  for (const { suite, counts } of suites) {
    // A missing report means the suite did not run (or crashed): count it as a failure.
    results.push(counts ? { suite, ...counts, code: counts.failed > 0 ? 1 : 0 } : { suite, passed: 0, failed: 1, code: 1 });
  }
  if (code !== 0 && results.slice(-2).every((r) => r.failed === 0)) results.push({ suite: 'storefront', passed: 0, failed: 1, code });
}

async function postgresReachable() {
  // Imported here: on a fresh clone, packages exist only after ensureInstalled().
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    console.error(`PostgreSQL is not reachable at ${postgresUrl} (${String(error)}): set TEST_DATABASE_URL.`);
    return false;
  }
}

await timed('packages', async () => {
  await ensureInstalled();
  await buildContracts();
  // Before any suite: the cms' invoice tests need xmllint and pdftotext, the journeys Chromium, the fault tests nginx.
  await ensureSystemPackages(TEST_PACKAGES);
});

await vitest('contracts', 'packages/contracts');
await vitest('scripts', 'scripts');
// The whole cms suite also checks that every operation of the API description answered (cms/tests/support/api-description.ts).
await vitest('cms on SQLite', 'cms', { TEST_DATABASE: 'sqlite', CHECK_API_COVERAGE: '1' });
if (await postgresReachable()) await vitest('cms on PostgreSQL', 'cms', { TEST_DATABASE: 'postgres', TEST_DATABASE_URL: postgresUrl, CHECK_API_COVERAGE: '1' });
else results.push({ suite: 'cms on PostgreSQL', passed: 0, failed: 1, code: 1 });
await storefront();
await vitest('chat-server', 'chat-server');
// Last: the production topology as processes, broken under load (scripts/cluster.ts).
await vitest('cluster faults', 'faults', { TEST_DATABASE_URL: postgresUrl });

// Seen before it becomes a failure: a test near its timeout here fails on a slower machine.
console.log('\n━━ Ten slowest tests ━━');
for (const line of formatSlowest(slowest(reportFiles.flatMap(({ suite, file }) => durationsIn(suite, file, root))))) console.log(line);

console.log('\n━━ Time ━━');
for (const { step, seconds } of timings) console.log(`${seconds.toFixed(0).padStart(6)} s  ${step}`);
console.log(`${((Date.now() - started) / 1000).toFixed(0).padStart(6)} s  in all`);

console.log('\n━━ Summary ━━');
for (const r of results) console.log(`${r.code === 0 ? '✓' : '✗'} ${r.suite}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
