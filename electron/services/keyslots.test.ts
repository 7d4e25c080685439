import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { dataDirPaths } from './data-dir.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

const passphrase = 'correct horse battery';
let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
  await session.setup({ userName: '相談 花子', passphrase });
  await session.lock('user');
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

type Json = Record<string, unknown> & { slots: Record<string, unknown>[] };
const readJson = async (): Promise<Json> => JSON.parse(await readFile(dataDirPaths(dir).keyslots, 'utf8'));
const writeJson = (json: unknown) => writeFile(dataDirPaths(dir).keyslots, JSON.stringify(json, null, 2));

function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

interface SlotJson {
  userId: string;
  nameTag: string;
  kdf: { N: number; r: number; salt: string };
  wrapped: { iv: string; tag: string; ciphertext: string };
}

const slotDamages: Record<string, (slot: SlotJson) => void> = {
  ciphertext: (s) => {
    s.wrapped.ciphertext = flip(s.wrapped.ciphertext);
  },
  tag: (s) => {
    s.wrapped.tag = flip(s.wrapped.tag);
  },
  iv: (s) => {
    s.wrapped.iv = flip(s.wrapped.iv);
  },
  salt: (s) => {
    s.kdf.salt = flip(s.kdf.salt);
  },
  N: (s) => {
    s.kdf.N *= 2;
  },
  r: (s) => {
    s.kdf.r += 1;
  },
  userId: (s) => {
    s.userId = '00000000-0000-4000-8000-000000000000';
  },
  nameTag: (s) => {
    s.nameTag = 'f'.repeat(64);
  },
};

describe('鍵ファイル（keyslots.json）の破損は「鍵ファイルが壊れています」であって、パスフレーズの誤りではない', () => {
  for (const [field, damage] of Object.entries(slotDamages)) {
    it(`${field} が壊れている`, async () => {
      const json = await readJson();
      damage(json.slots[0] as unknown as SlotJson);
      await writeJson(json);
      const failuresBefore = await readFile(dataDirPaths(dir).unlockFailures, 'utf8');
      await expect(session.unlock({ passphrase })).rejects.toMatchObject({
        code: 'KEYSLOTS_DAMAGED',
        message: expect.stringContaining('鍵ファイルが壊れています'),
      });
      // Not a failed unlock: nothing recorded, no back-off.
      expect(await readFile(dataDirPaths(dir).unlockFailures, 'utf8')).toBe(failuresBefore);
      expect((await session.status()).backoffSeconds).toBe(0);
    });
  }

  for (const [what, text] of [
    ['空のファイル', ''],
    ['途中で切れたファイル', '{"format":"kasane-keyslots","version":2,"slots":['],
    ['JSON でないもの', 'これは鍵ファイルではありません'],
  ] as const) {
    it(`${what}`, async () => {
      await writeFile(dataDirPaths(dir).keyslots, text);
      await expect(session.unlock({ passphrase })).rejects.toMatchObject({ code: 'KEYSLOTS_DAMAGED' });
    });
  }

  it('ファイルがなくデータベースだけがあるときは、初期設定に戻らず鍵ファイルがないと告げる', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(dataDirPaths(dir).keyslots);
    expect((await session.status()).state).toBe('locked');
    await expect(session.unlock({ passphrase })).rejects.toMatchObject({
      code: 'KEYSLOTS_DAMAGED',
      message: expect.stringContaining('見つかりません'),
    });
    await expect(session.setup({ userName: '別人', passphrase })).rejects.toMatchObject({
      code: 'ALREADY_INITIALIZED',
    });
  });

  it('チェックサムまで作り直した書き換えも、ロック解除後の MAC で見つける', async () => {
    const json = await readJson();
    json.generation = 7;
    const { checksum: _c, ...sealed } = json;
    json.checksum = createHash('sha256').update(canonicalJson(sealed)).digest('hex');
    await writeJson(json);
    await expect(session.unlock({ passphrase })).rejects.toMatchObject({
      code: 'KEYSLOTS_DAMAGED',
      message: expect.stringContaining('作成されたときと一致しません'),
    });
  });

  it('新しい版で書かれた鍵ファイルは開かない', async () => {
    const json = await readJson();
    await writeJson({ ...json, version: 3 });
    await expect(session.unlock({ passphrase })).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
  });
});
