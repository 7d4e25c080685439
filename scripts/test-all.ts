/**
 * The one test command (`npm test`): type check, lint, build, unit tests, the Electron security
 * scan and the Playwright suite. Ends with the line CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { type PlaywrightReport, playwrightFailures, type VitestReport, vitestFailures } from './test-report';

interface Tally {
  passed: number;
  failed: number;
  skipped?: number;
}
const total = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
// CI shows only the tail of the output, so each failing test is named again beside the summary.
const failures: string[] = [];

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
const vitestOk = run('vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const vitest = readJson('test-results/vitest.json') as VitestReport | null;
if (vitest) failures.push(...vitestFailures(vitest, process.cwd()));
else failures.push('vitest: 結果の JSON（test-results/vitest.json）がありません');
// A run whose tests all passed can still fail (an unhandled error after a test); count it.
const vitestFailed = vitest ? vitest.numFailedTests : 1;
const vitestExtra = vitest && vitestFailed === 0 && !vitestOk ? 1 : 0;
if (vitestExtra) failures.push('vitest: テスト以外のエラーで失敗しました（上の Unhandled Errors を参照）');
record('vitest', { passed: vitest?.numPassedTests ?? 0, failed: vitestFailed + vitestExtra });

step('security scan (electronegativity)', 'node', ['--import', 'tsx', 'scripts/electronegativity.ts']);

console.log('\n=== end-to-end (playwright, Chromium) ===');
if (built) {
  run('playwright', ['test']);
  const pw = readJson('test-results/playwright.json') as PlaywrightReport | null;
  if (pw) failures.push(...playwrightFailures(pw.suites));
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

if (failures.length > 0) console.log(`\n失敗したテスト:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${summary.join('\n')}\n`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exitCode = total.failed === 0 ? 0 : 1;
