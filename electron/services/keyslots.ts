import {
  createCipheriv,
  createDecipheriv,
  createHash,
  type DecipherGCM,
  randomBytes,
  randomUUID,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { writeFileDurably } from './durable-files.js';
import { KasaneError } from './errors.js';
import { deriveKey, hmacHex } from './vault-keys.js';

/**
 * Keyslots: the data key wrapped (AES-256-GCM) once per passphrase and once for the recovery code.
 * The file holds no names: a slot points at a user id that only the encrypted database can resolve,
 * and carries a keyed hash of its user's name so unlock can pick that user's slot alone.
 * A checksum names a damaged file as damaged (never as a wrong passphrase); a MAC from the data key
 * catches a file edited with its checksum recomputed.
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

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const keyslotSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  userId: z.string().uuid().nullable(),
  /** A passphrase slot's keyed hash of its user's name (user-names.ts); null for the recovery slot. */
  nameTag: hex(32).nullable().default(null),
  createdAt: z.string(),
  kdf: scryptParams,
  wrapped: z.object({ iv: base64, tag: base64, ciphertext: base64 }),
});
export type Keyslot = z.infer<typeof keyslotSchema>;

/** The first format: slots only, no checksum (still read; rewritten as version 2 at the next unlock). */
const fileV1Schema = z.object({
  format: z.literal('kasane-keyslots'),
  version: z.literal(1),
  slots: z.array(keyslotSchema).min(1),
});

const slotListSchema = z.array(keyslotSchema).min(1);

const fileV2Schema = z.object({
  format: z.literal('kasane-keyslots'),
  version: z.literal(2),
  vaultId: hex(16),
  /** Bumped by every change; the database records the generation it expects (vault_head). */
  generation: z.number().int().min(0),
  /** The key of the name tags. Stored here, so a tag only confirms a guessed name (README). */
  nameSalt: base64,
  slots: slotListSchema,
  /** While a change is half done: the slots before it, used if the database did not commit it. */
  rollback: z.object({ generation: z.number().int().min(0), slots: slotListSchema }).nullable(),
  /** HMAC with a key derived from the data key: checked once a slot has been opened. */
  mac: hex(32),
  /** SHA-256 of everything above: damage is found before any passphrase is tried. */
  checksum: hex(32),
});

export interface KeyslotsFile {
  /** null for a file of the first format (no vault id recorded yet). */
  vaultId: string | null;
  generation: number;
  nameSalt: string | null;
  slots: Keyslot[];
  rollback: { generation: number; slots: Keyslot[] } | null;
  /** null for a file of the first format. */
  mac: string | null;
}

function body(file: KeyslotsFile) {
  return {
    format: 'kasane-keyslots',
    version: 2,
    vaultId: file.vaultId,
    generation: file.generation,
    nameSalt: file.nameSalt,
    slots: file.slots,
    rollback: file.rollback,
  };
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether the file's MAC is the one this data key gives (a first-format file has none to check). */
export function keyslotsMacValid(file: KeyslotsFile, dataKey: Buffer): boolean {
  if (file.mac === null) return true;
  const expected = Buffer.from(hmacHex(deriveKey(dataKey, 'keyslots'), canonicalJson(body(file))), 'hex');
  return timingSafeEqual(expected, Buffer.from(file.mac, 'hex'));
}

/** The file's text with its MAC (from the data key) and checksum. */
export function sealKeyslots(file: Omit<KeyslotsFile, 'mac'>, dataKey: Buffer): string {
  if (!file.vaultId || !file.nameSalt)
    throw new Error('a sealed keyslots file needs a vault id and name salt');
  const unsealed = body({ ...file, mac: null });
  const mac = hmacHex(deriveKey(dataKey, 'keyslots'), canonicalJson(unsealed));
  const checksum = sha256Hex(canonicalJson({ ...unsealed, mac }));
  return `${JSON.stringify(fileV2Schema.parse({ ...unsealed, mac, checksum }), null, 2)}\n`;
}

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
  slot: { kind: Keyslot['kind']; userId: string | null; nameTag: string | null; N: number; now: Date },
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
    nameTag: slot.nameTag,
    createdAt: slot.now.toISOString(),
    kdf,
    wrapped: {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    },
  };
}

/** The data key, or null when the secret does not open this slot (KEYSLOTS_DAMAGED if none could). */
export async function openKeyslot(slot: Keyslot, secret: string): Promise<Buffer | null> {
  let decipher: DecipherGCM;
  try {
    const kek = await deriveKek(secret, slot.kdf);
    decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(`kasane-keyslot:${slot.id}:${slot.kind}:${slot.userId ?? ''}`));
    decipher.setAuthTag(Buffer.from(slot.wrapped.tag, 'base64'));
  } catch {
    // Parameters no KDF or cipher accepts: the slot is damaged, whatever was typed.
    throw new KasaneError('KEYSLOTS_DAMAGED');
  }
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KasaneError('KEYSLOTS_DAMAGED');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 2) throw new KasaneError('SCHEMA_TOO_NEW');
  const v1 = fileV1Schema.safeParse(json);
  if (v1.success)
    return { vaultId: null, generation: 0, nameSalt: null, slots: v1.data.slots, rollback: null, mac: null };
  const v2 = fileV2Schema.safeParse(json);
  if (!v2.success) throw new KasaneError('KEYSLOTS_DAMAGED');
  const { checksum, ...sealed } = v2.data;
  if (sha256Hex(canonicalJson(sealed)) !== checksum) throw new KasaneError('KEYSLOTS_DAMAGED');
  const { vaultId, generation, nameSalt, slots, rollback, mac } = sealed;
  return { vaultId, generation, nameSalt, slots, rollback, mac };
}

/** The vault id a keyslots file names, read as leniently as possible (for restore's check). */
export async function vaultIdOfFile(path: string): Promise<string | null> {
  try {
    const value = (JSON.parse(await readFile(path, 'utf8')) as { vaultId?: unknown }).vaultId;
    return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** Write-then-rename (flushed) so a crash never leaves a half-written keyslots file. */
export async function writeKeyslots(
  path: string,
  file: Omit<KeyslotsFile, 'mac'>,
  dataKey: Buffer,
): Promise<void> {
  await writeFileDurably(path, sealKeyslots(file, dataKey));
}
