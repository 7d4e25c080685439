import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * Failed unlocks cannot be written to the audit log (the key is not known yet), so they wait here,
 * in plaintext without any name, and move into the audit chain at the next successful unlock.
 * The same record drives the back-off, so restarting the app does not reset it.
 */
const failureSchema = z.object({
  at: z.string(),
  method: z.enum(['passphrase', 'recovery']),
  via: z.string(),
});
const fileSchema = z.object({ failures: z.array(failureSchema) });
export type UnlockFailure = z.infer<typeof failureSchema>;

export async function readUnlockFailures(path: string): Promise<UnlockFailure[]> {
  try {
    return fileSchema.parse(JSON.parse(await readFile(path, 'utf8'))).failures;
  } catch {
    return [];
  }
}

export async function recordUnlockFailure(path: string, failure: UnlockFailure): Promise<UnlockFailure[]> {
  const failures = [...(await readUnlockFailures(path)), failure].slice(-200);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ failures }), { mode: 0o600 });
  await rename(tmp, path);
  return failures;
}

export async function clearUnlockFailures(path: string): Promise<void> {
  await writeFile(path, JSON.stringify({ failures: [] }), { mode: 0o600 });
}

/** Seconds still to wait: none for the first three failures, then 5 s doubling up to 5 minutes. */
export function backoffSeconds(failures: readonly UnlockFailure[], now: Date): number {
  const n = failures.length;
  const last = failures.at(-1);
  if (n < 3 || !last) return 0;
  const delay = Math.min(5 * 2 ** (n - 3), 300);
  const elapsed = (now.getTime() - new Date(last.at).getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}
