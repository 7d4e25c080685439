/**
 * Reads the vitest and Playwright JSON reports for `npm test`. CI shows only the tail of the
 * output, so every failing test is named again beside the summary, with its first message line.
 */
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

export interface PlaywrightSuite {
  specs?: Array<{
    title: string;
    file: string;
    line: number;
    tests: Array<{ status: string; results: Array<{ error?: { message?: string } }> }>;
  }>;
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}

export function firstLine(message: string | undefined): string {
  const text = stripVTControlCharacters(message ?? '').trim();
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function vitestFailures(report: VitestReport, cwd: string): string[] {
  const failures: string[] = [];
  for (const file of report.testResults) {
    const name = relative(cwd, file.name);
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed)
      failures.push(`vitest ${name} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    // A file that failed before its tests ran (an import error, a failing hook) has no failed test.
    if (file.status === 'failed' && failed.length === 0)
      failures.push(`vitest ${name}: ${firstLine(file.message)}`);
  }
  return failures;
}

export function playwrightFailures(suites: PlaywrightSuite[] | undefined): string[] {
  const failures: string[] = [];
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const last = test.results[test.results.length - 1];
        failures.push(
          `playwright ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(last?.error?.message)}`,
        );
      }
    }
    failures.push(...playwrightFailures(suite.suites));
  }
  return failures;
}
