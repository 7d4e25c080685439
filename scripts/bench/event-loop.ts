import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Leaves the main thread's heap as the app's main process would have it: its live objects, compacted.
 * The bench seeds up to 100,000 households through this thread (the app's main process never does:
 * the import runs in the job worker), and V8's memory reducer collects that garbage once the thread
 * goes idle, which it does while a job runs in the worker. At 100,000 households that compacting
 * collection (heap 247 → 92 MB, 134 → 58 MB live; --trace-gc: "Mark-Compact (reduce) … finalize
 * incremental marking via task") fell inside the render job's window: the 59–60 ms of the quiet
 * runs, 317 ms at load 5. A pause of the bench's own making. A last-resort collection first
 * (compacting and shrinking, as the reducer's) leaves the reducer nothing to do.
 */
export function settleHeap(): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('bench: node --expose-gc で実行してください（npm run bench はそうします）');
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export interface EventLoopDelay {
  /** The main thread's worst delay (ms) while the work ran. */
  worst: number;
  /** Its longest garbage collection (ms) meanwhile: what of `worst` was its own heap. */
  longestGc: number;
}

/**
 * The main thread's worst delay while `work` runs, as the window's event loop would see it, from a
 * settled heap (settleHeap) unless `settle` is false (to see the bench's own garbage collected).
 */
export async function eventLoopDuring(
  work: () => Promise<unknown>,
  { settle = true }: { settle?: boolean } = {},
): Promise<EventLoopDelay> {
  if (settle) settleHeap();
  let longestGc = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestGc = Math.max(longestGc, e.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // The monitor's timer starts on the next turn of the loop: work begun before it would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  for (const e of gcs.takeRecords()) longestGc = Math.max(longestGc, e.duration);
  gcs.disconnect();
  return { worst: delay.max / 1e6, longestGc };
}
