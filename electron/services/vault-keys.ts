import { createHmac, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * Keys derived from the data key (HKDF-SHA256), one per purpose, so a key that authenticates one
 * file can never be replayed for another. Whoever can unwrap the data key can derive them all;
 * nobody else can.
 */
export type KeyPurpose = 'audit-chain' | 'anchor' | 'keyslots' | 'unlock-failures' | 'backup-head';

export function deriveKey(dataKey: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `kasane/${purpose}/v1`, 32));
}

/**
 * The vault's identity: the same for every copy and backup of one vault, different for another
 * office's. Derived, so it cannot be forged without the data key; not secret, so it may be stored.
 */
export function vaultIdOf(dataKey: Buffer): string {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'kasane/vault-id/v1', 16)).toString('hex');
}

export function hmacHex(key: Buffer | KeyObject, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}
