import type { Clock } from '../clock.js';

/**
 * A session's clock for tests that sign in once and then call channels for a while: it starts on a
 * fixed office day (10:00 in Japan by default) and runs on with real elapsed time, so backups and
 * events still get distinct moments, but no run meets a new office day (which would ask for the day's
 * 159条 acknowledgement again) whatever hour the suite runs at.
 */
export function runningOfficeClock(from = '2026-11-22T01:00:00Z'): Clock {
  const start = Date.parse(from);
  const started = performance.now();
  return () => new Date(start + (performance.now() - started));
}
