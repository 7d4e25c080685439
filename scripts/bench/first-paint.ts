/**
 * The renderer's time to first paint in Chromium through the loopback harness (issue 14, fast start):
 * `node --import tsx scripts/bench/first-paint.ts [RENDERER_DIR …]` (default out/renderer; build
 * first). Each round opens a fresh browser context on a signed-in vault and reports first-contentful-
 * paint and the moment the first screen (守秘義務の確認) is on screen. Directories alternate round by round; medians are printed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '../../e2e/harness/server.js';

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['out/renderer'];
const rounds = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const results = new Map(dirs.map((d) => [d, { fcp: [] as number[], screen: [] as number[] }]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const dir of dirs) {
      const dataDir = await mkdtemp(join(tmpdir(), 'kasane-paint-'));
      const harness = await startHarness({ dataDir, rendererDir: dir });
      try {
        await harness.session.setup({ userName: '計測', passphrase: 'first paint 2026 かわ' });
        const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(harness.url);
        await page.getByRole('heading', { name: '守秘義務の確認' }).waitFor();
        const screen = await page.evaluate(() => performance.now());
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        );
        const figures = results.get(dir);
        figures?.fcp.push(fcp);
        figures?.screen.push(screen);
        await context.close();
      } finally {
        await harness.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  }
} finally {
  await browser.close();
}
for (const [dir, f] of results)
  console.log(
    `${dir}: first-contentful-paint ${median(f.fcp).toFixed(0)} ms, 守秘義務の確認 on screen ${median(f.screen).toFixed(0)} ms (median of ${rounds})`,
  );
