/**
 * The one test command (`npm test`): type check, lint, build, unit tests, the Electron security
 * scan and the Playwright suite. Ends with the line CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped?: number;
}
const total = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];

function run(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (result.error) console.error(`${cmd}: ${result.error.message}`);
  return result.status === 0;
}

function record(name: string, tally: Tally): void {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped ?? 0;
  summary.push(
    `${tally.failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${tally.passed} passed, ${tally.failed} failed`,
  );
}

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name} ===`);
  const ok = run(cmd, args);
  record(name, ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  return ok;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const requiredTools: Array<[string, string]> = [['/usr/bin/chromium', 'chromium']];
for (const [path, pkg] of requiredTools) {
  const present = existsSync(path);
  if (!present)
    console.error(
      `必要なツールがありません: ${path}（Debian パッケージ ${pkg} を apt-get install してください）`,
    );
  record(`tool ${path}`, present ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

step('type check (tsc)', 'tsc', ['--noEmit', '-p', 'tsconfig.json']);
step('lint (biome)', 'biome', ['check', '.']);
const built = step('build (electron-vite)', 'electron-vite', ['build']);

console.log('\n=== unit tests (vitest) ===');
run('vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json') as {
  numPassedTests: number;
  numFailedTests: number;
} | null;
record(
  'vitest',
  vitest ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests } : { passed: 0, failed: 1 },
);

step('security scan (electronegativity)', 'node', ['--import', 'tsx', 'scripts/electronegativity.ts']);

console.log('\n=== end-to-end (playwright, Chromium) ===');
if (built) {
  run('playwright', ['test']);
  const pw = readJson('test-results/playwright.json') as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  } | null;
  record(
    'playwright',
    pw
      ? { passed: pw.stats.expected + pw.stats.flaky, failed: pw.stats.unexpected, skipped: pw.stats.skipped }
      : { passed: 0, failed: 1 },
  );
} else {
  console.error('ビルドに失敗したため Playwright を実行できません。');
  record('playwright', { passed: 0, failed: 1 });
}

console.log(`\n${summary.join('\n')}\n`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exitCode = total.failed === 0 ? 0 : 1;
