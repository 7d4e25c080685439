import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from './durable-files.js';
import { deriveKey, hmacHex } from './vault-keys.js';

/**
 * Failed unlocks cannot be written to the audit log (the key is not known yet), so they wait here,
 * without any name, and move into the audit chain at the next successful unlock. The same records
 * drive the back-off, so restarting the app does not reset it.
 *
 * Each record has a sequence number. At each unlock the file is rewritten with `consumed` (how many
 * records the audit log holds) and a MAC over it from the data key, and the anchor (anchor.ts)
 * records the same count. So at the next unlock a deleted file, an edited base, a gap, or fewer
 * records than the anchor vouches for are found and written to the audit log. What cannot be
 * found: records written after the last unlock and then removed together with a copy of the file
 * of that unlock put back — nothing written before unlock can be signed.
 */

const failureSchema = z.object({
  seq: z.number().int().min(1).optional(),
  at: z.string(),
  method: z.enum(['passphrase', 'recovery']),
  via: z.string(),
});
export type UnlockFailure = z.infer<typeof failureSchema>;

const legacySchema = z.object({ failures: z.array(failureSchema) });
const fileSchema = z.object({
  format: z.literal('kasane-unlock-failures'),
  version: z.literal(2),
  vaultId: z.string().nullable(),
  /** Records up to this number are in the audit log; null when the file was started without one. */
  consumed: z.number().int().min(0).nullable(),
  mac: z.string().nullable(),
  failures: z.array(failureSchema),
});
type FailuresFile = z.infer<typeof fileSchema>;

export type FailuresRead =
  | { state: 'missing' }
  | { state: 'unreadable' }
  | { state: 'legacy'; failures: UnlockFailure[] }
  | { state: 'ok'; file: FailuresFile };

export async function readFailuresFile(path: string): Promise<FailuresRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  try {
    const json = JSON.parse(text) as unknown;
    const v2 = fileSchema.safeParse(json);
    if (v2.success) return { state: 'ok', file: v2.data };
    return { state: 'legacy', failures: legacySchema.parse(json).failures };
  } catch {
    return { state: 'unreadable' };
  }
}

/** The failures waiting for the next unlock (for the back-off), whatever state the file is in. */
export async function readUnlockFailures(path: string): Promise<UnlockFailure[]> {
  const read = await readFailuresFile(path);
  if (read.state === 'ok') return read.file.failures;
  if (read.state === 'legacy') return read.failures;
  return [];
}

/** Appends one failure (flushed before the refusal is shown) and returns the pending ones. */
export async function recordUnlockFailure(
  path: string,
  failure: Omit<UnlockFailure, 'seq'>,
): Promise<UnlockFailure[]> {
  const read = await readFailuresFile(path);
  const file: FailuresFile =
    read.state === 'ok'
      ? read.file
      : {
          format: 'kasane-unlock-failures',
          version: 2,
          vaultId: null,
          consumed: null,
          mac: null,
          failures: read.state === 'legacy' ? read.failures : [],
        };
  const last = file.failures.at(-1)?.seq ?? file.consumed ?? 0;
  const failures = [...file.failures, { ...failure, seq: last + 1 }];
  await writeFileDurably(path, JSON.stringify({ ...file, failures }));
  return failures;
}

const baseMac = (dataKey: Buffer, vaultId: string, consumed: number) =>
  hmacHex(deriveKey(dataKey, 'unlock-failures'), `kasane-unlock-failures:${vaultId}:${consumed}`);

/** After an unlock: every failure so far is in the audit log; the count is signed. */
export async function writeConsumedFailures(
  path: string,
  dataKey: Buffer,
  vaultId: string,
  consumed: number,
): Promise<void> {
  const file: FailuresFile = {
    format: 'kasane-unlock-failures',
    version: 2,
    vaultId,
    consumed,
    mac: baseMac(dataKey, vaultId, consumed),
    failures: [],
  };
  await writeFileDurably(path, JSON.stringify(file));
}

export interface FailuresAtUnlock {
  /** Failures not yet in the audit log, oldest first. */
  pending: UnlockFailure[];
  /** The count to sign and anchor once they are logged. */
  consumed: number;
  /** Why the records cannot all be accounted for, if they cannot. */
  tampered: 'missing' | 'unreadable' | 'altered' | 'fewer' | null;
}

/**
 * Reconciles the file with the count the anchor vouches for (`anchored`, null when the vault had
 * no anchor yet): which failures still need logging, and whether records were removed.
 */
export function reconcileFailures(
  read: FailuresRead,
  dataKey: Buffer,
  vaultId: string,
  anchored: number | null,
): FailuresAtUnlock {
  const expected = anchored ?? 0;
  if (read.state === 'missing')
    return { pending: [], consumed: expected, tampered: anchored === null ? null : 'missing' };
  if (read.state === 'unreadable') return { pending: [], consumed: expected, tampered: 'unreadable' };
  if (read.state === 'legacy')
    return { pending: read.failures, consumed: expected + read.failures.length, tampered: null };
  const { file } = read;
  const baseValid =
    file.consumed !== null &&
    file.mac !== null &&
    file.vaultId === vaultId &&
    /^[0-9a-f]{64}$/.test(file.mac) &&
    timingSafeEqual(
      Buffer.from(file.mac, 'hex'),
      Buffer.from(baseMac(dataKey, vaultId, file.consumed), 'hex'),
    );
  const start = file.consumed ?? 0;
  const consecutive = file.failures.every((f, i) => f.seq === start + i + 1);
  const reach = start + file.failures.length;
  const pending = file.failures.filter((f) => (f.seq ?? 0) > expected);
  let tampered: FailuresAtUnlock['tampered'] = null;
  if (anchored !== null && !baseValid) tampered = 'altered';
  else if (!consecutive) tampered = 'altered';
  else if (reach < expected) tampered = 'fewer';
  const consumed = Math.max(expected, reach);
  return { pending: consecutive ? pending : file.failures, consumed, tampered };
}

/** Seconds still to wait: none for the first three failures, then 5 s doubling up to 5 minutes. */
export function backoffSeconds(failures: readonly { at: string }[], now: Date): number {
  const n = failures.length;
  const last = failures.at(-1);
  if (n < 3 || !last) return 0;
  const delay = Math.min(5 * 2 ** (n - 3), 300);
  const elapsed = (now.getTime() - new Date(last.at).getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}
