import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const module = new URL('./event-loop.ts', import.meta.url).href;

/** Runs eventLoopDuring in a fresh process after leaving ~200 MB of garbage, as the bench's seeding does. */
function windowAfterGarbage(flags: string[]) {
  const program = `
    const { eventLoopDuring } = await import(${JSON.stringify(module)});
    let garbage = Array.from({ length: 2_000_000 }, (_, i) => ({ i, text: 'x' + i }));
    garbage = null;
    const before = process.memoryUsage().heapTotal;
    const { longestGc } = await eventLoopDuring(async () => {});
    console.log(JSON.stringify({ before, after: process.memoryUsage().heapTotal, longestGc }));`;
  return spawnSync(node, [...flags, '--import', 'tsx', '--input-type=module', '-e', program], {
    encoding: 'utf8',
  });
}

describe('the bench’s event-loop window', () => {
  it('starts from a settled heap: the garbage is collected and the heap shrunk, so the memory reducer has nothing left to do inside the window', () => {
    const run = windowAfterGarbage(['--expose-gc']);
    expect(run.status, run.stderr).toBe(0);
    const { before, after } = JSON.parse(run.stdout) as { before: number; after: number };
    expect(before).toBeGreaterThan(100 * 2 ** 20);
    // A plain major gc() leaves about half of it committed; the reducer's kind of collection does not.
    expect(after).toBeLessThan(before / 4);
  });

  it('refuses to measure without --expose-gc instead of measuring the bench’s own garbage', () => {
    const run = windowAfterGarbage([]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('node --expose-gc で実行してください');
  });
});
