import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { KasaneError } from './errors.js';

/**
 * Keyslots: the data key wrapped (AES-256-GCM) once per passphrase and once for the recovery code.
 * The file holds no names: a slot points at a user id that only the encrypted database can resolve.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

const scryptParams = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  salt: base64,
});
export type KdfParams = z.infer<typeof scryptParams>;

const keyslotSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  userId: z.string().uuid().nullable(),
  createdAt: z.string(),
  kdf: scryptParams,
  wrapped: z.object({ iv: base64, tag: base64, ciphertext: base64 }),
});
export type Keyslot = z.infer<typeof keyslotSchema>;

const keyslotsFileSchema = z.object({
  format: z.literal('kasane-keyslots'),
  version: z.literal(1),
  slots: z.array(keyslotSchema).min(1),
});
export type KeyslotsFile = z.infer<typeof keyslotsFileSchema>;

/** How expensive a new slot's KDF is. `tuned` measures this PC; tests may ask for `fast`. */
export type KdfProfile = { kind: 'tuned'; targetMs: number } | { kind: 'fixed'; N: number };
export const defaultKdfProfile: KdfProfile = { kind: 'tuned', targetMs: 500 };

const R = 8;
const P = 1;
const maxmem = (N: number) => 128 * N * R + 64 * 1024 * 1024;

function deriveKek(secret: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(secret.normalize('NFC'), 'utf8'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: maxmem(kdf.N) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

async function timeScrypt(N: number): Promise<number> {
  const started = performance.now();
  await deriveKek('calibration', { name: 'scrypt', N, r: R, p: P, salt: randomBytes(16).toString('base64') });
  return performance.now() - started;
}

/** Picks the scrypt cost so that one unlock takes about `targetMs` on this machine (never below 2^15). */
export async function tuneKdf(
  profile: KdfProfile = defaultKdfProfile,
): Promise<{ N: number; measuredMs: number }> {
  if (profile.kind === 'fixed') return { N: profile.N, measuredMs: await timeScrypt(profile.N) };
  let N = 2 ** 15;
  let ms = await timeScrypt(N);
  while (ms * 2 <= profile.targetMs * 1.4 && N < 2 ** 21) {
    N *= 2;
    ms = await timeScrypt(N);
  }
  return { N, measuredMs: ms };
}

export async function createKeyslot(
  dataKey: Buffer,
  secret: string,
  slot: { kind: Keyslot['kind']; userId: string | null; N: number; now: Date },
): Promise<Keyslot> {
  const id = randomUUID();
  const kdf: KdfParams = { name: 'scrypt', N: slot.N, r: R, p: P, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`kasane-keyslot:${id}:${slot.kind}:${slot.userId ?? ''}`));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    id,
    kind: slot.kind,
    userId: slot.userId,
    createdAt: slot.now.toISOString(),
    kdf,
    wrapped: {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    },
  };
}

/** The data key, or null when the secret does not open this slot. */
export async function openKeyslot(slot: Keyslot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, slot.kdf);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(`kasane-keyslot:${slot.id}:${slot.kind}:${slot.userId ?? ''}`));
  decipher.setAuthTag(Buffer.from(slot.wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Tries every slot of a kind in parallel; the first that opens wins. */
export async function openAnyKeyslot(
  slots: readonly Keyslot[],
  secret: string,
): Promise<{ slot: Keyslot; dataKey: Buffer } | null> {
  const keys = await Promise.all(slots.map((slot) => openKeyslot(slot, secret)));
  const index = keys.findIndex((k) => k !== null);
  const slot = slots[index];
  const dataKey = keys[index];
  return slot && dataKey ? { slot, dataKey } : null;
}

export async function readKeyslots(path: string): Promise<KeyslotsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new KasaneError('NOT_INITIALIZED');
    throw new KasaneError('KEYSLOTS_DAMAGED');
  }
  try {
    return keyslotsFileSchema.parse(JSON.parse(text));
  } catch {
    throw new KasaneError('KEYSLOTS_DAMAGED');
  }
}

/** Write-then-rename so a crash never leaves a half-written keyslots file. */
export async function writeKeyslots(path: string, file: KeyslotsFile): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(keyslotsFileSchema.parse(file), null, 2)}\n`, {
    mode: 0o600,
    flush: true,
  });
  await rename(tmp, path);
}
