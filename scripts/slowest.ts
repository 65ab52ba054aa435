/**
 * The slowest tests of a run, from the JSON reports the suites write: Vitest's (Jest-shaped)
 * and Playwright's. Printed at the end of `npm test` so a test creeping towards its timeout is
 * seen before it fails on a slower machine.
 */
import { readFileSync } from 'node:fs';

export interface TestDuration {
  suite: string;
  title: string;
  durationMs: number;
}

interface VitestReport {
  testResults: { name: string; assertionResults: { fullName: string; duration?: number | null }[] }[];
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; line: number; tests: { projectName: string; results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  suites: PlaywrightSuite[];
}

function fromVitest(suite: string, report: VitestReport, relativeTo: string): TestDuration[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({ suite, title: `${file.name.replace(`${relativeTo}/`, '')} › ${test.fullName}`, durationMs: test.duration ?? 0 })),
  );
}

function fromPlaywright(suite: string, report: PlaywrightReport): TestDuration[] {
  const walk = (node: PlaywrightSuite, titles: string[]): TestDuration[] => [
    ...(node.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((test) =>
        // One entry per run of the test (a retry is another run).
        test.results.map((result) => ({ suite, title: [`[${test.projectName}] ${spec.file}`, ...titles, spec.title].join(' › '), durationMs: result.duration })),
      ),
    ),
    ...(node.suites ?? []).flatMap((child) => walk(child, [...titles, child.title])),
  ];
  // The top-level suites are files: their title is the file, which each spec already names.
  return report.suites.flatMap((file) => walk(file, []));
}

/** Every test's duration in one report file; none when it is missing or unreadable (the suite did not run). */
export function durationsIn(suite: string, file: string, relativeTo: string): TestDuration[] {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (report && typeof report === 'object' && 'testResults' in report) return fromVitest(suite, report as VitestReport, relativeTo);
  if (report && typeof report === 'object' && 'suites' in report) return fromPlaywright(suite, report as PlaywrightReport);
  return [];
}

export function slowest(durations: TestDuration[], count = 10): TestDuration[] {
  return [...durations].sort((a, b) => b.durationMs - a.durationMs).slice(0, count);
}

export function formatSlowest(durations: TestDuration[]): string[] {
  return durations.map((d) => `${(d.durationMs / 1000).toFixed(1).padStart(6)} s  ${d.suite}: ${d.title}`);
}
