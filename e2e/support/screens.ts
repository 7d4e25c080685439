import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const screensDir = join('test-results', 'screens');

/** Saves a full-page screenshot as test-results/screens/<name>.png for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screensDir, { recursive: true });
  // Let the caret and spinners settle so the picture shows the screen, not a transition.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({
    path: join(screensDir, `${name}.png`),
    fullPage: true,
    caret: 'hide',
    animations: 'disabled',
  });
}
