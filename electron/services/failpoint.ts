/**
 * Crash points for the reliability suite: with KASANE_FAILPOINT=<name> in the environment, the
 * process kills itself (SIGKILL, as a power cut would) when it reaches that point. Nothing else
 * reads the variable; an unset variable costs one lookup.
 */
export function failpoint(name: string): void {
  if (process.env.KASANE_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
