import { describe, expect, it } from 'vitest';
import { firstLine, playwrightFailures, vitestFailures } from './test-report';

describe('npm test names every failing test beside its summary', () => {
  it('names failed vitest tests with their first message line, and files that failed without a test', () => {
    const failures = vitestFailures(
      {
        numPassedTests: 1,
        numFailedTests: 1,
        testResults: [
          {
            name: '/repo/electron/a.test.ts',
            status: 'failed',
            assertionResults: [
              { fullName: 'a works', status: 'passed', failureMessages: [] },
              {
                fullName: 'a refuses',
                status: 'failed',
                failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at x.ts:1'],
              },
            ],
          },
          { name: '/repo/db/b.test.ts', status: 'failed', message: 'Hook timed out', assertionResults: [] },
          { name: '/repo/db/c.test.ts', status: 'passed', assertionResults: [] },
        ],
      },
      '/repo',
    );
    expect(failures).toEqual([
      'vitest electron/a.test.ts › a refuses: AssertionError: expected 1 to be 2',
      'vitest db/b.test.ts: Hook timed out',
    ]);
  });

  it('names unexpected Playwright tests in nested suites, with the last retry’s error', () => {
    const failures = playwrightFailures([
      {
        suites: [
          {
            specs: [
              {
                title: '開く',
                file: 'a.spec.ts',
                line: 3,
                tests: [
                  {
                    status: 'unexpected',
                    results: [{ error: { message: 'first' } }, { error: { message: 'last' } }],
                  },
                ],
              },
              { title: '閉じる', file: 'a.spec.ts', line: 9, tests: [{ status: 'expected', results: [{}] }] },
            ],
          },
        ],
      },
    ]);
    expect(failures).toEqual(['playwright a.spec.ts:3 › 開く: last']);
  });

  it('keeps one line of at most 200 characters', () => {
    expect(firstLine(`${'あ'.repeat(250)}\nnext`)).toBe(`${'あ'.repeat(200)}…`);
    expect(firstLine(undefined)).toBe('');
  });
});
