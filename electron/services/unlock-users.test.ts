import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataDirPaths } from './data-dir.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { addUser, setPassphrase } from './vault-keyslot-changes.js';
import { VaultSession } from './vault-session.js';

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('./keyslots.js', async (original) => {
  const real = await original<typeof import('./keyslots.js')>();
  return {
    ...real,
    openKeyslot: (...args: Parameters<typeof real.openKeyslot>) => {
      derivations.count += 1;
      return real.openKeyslot(...args);
    },
    openAnyKeyslot: (...args: Parameters<typeof real.openAnyKeyslot>) => {
      derivations.count += args[0].length;
      return real.openAnyKeyslot(...args);
    },
  };
});

const shared = 'the same passphrase for two';
let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let now = new Date('2026-11-22T01:00:00Z');
let recoveryCode: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  now = new Date('2026-11-22T01:00:00Z');
  session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf, clock: () => now });
  ({ recoveryCode } = await session.setup({ userName: '相談 花子', passphrase: shared }));
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

async function addColleague(passphrase = shared) {
  const { vault, user } = session.signedIn();
  return addUser(session.ctx, vault, user.id, { name: '支援 太郎', passphrase });
}

describe('パスフレーズの手がかりを与えない（ロック解除は利用者を名指しする）', () => {
  it('同僚と同じパスフレーズでも利用者を追加でき、二人とも自分として開ける', async () => {
    await addColleague();
    await session.lock('user');
    const status = await session.status();
    expect(status.userNameRequired).toBe(true);
    expect((await session.unlock({ passphrase: shared, userName: '相談 花子' })).user?.name).toBe(
      '相談 花子',
    );
    await session.lock('user');
    expect((await session.unlock({ passphrase: shared, userName: '支援　太郎' })).user?.name).toBe(
      '支援 太郎',
    );
  });

  it('パスフレーズの変更も、ほかの利用者と同じかどうかを調べない', async () => {
    const other = await addColleague('a different passphrase');
    const { vault } = session.signedIn();
    await setPassphrase(session.ctx, vault, other.id, shared);
    await session.lock('user');
    expect((await session.unlock({ passphrase: shared, userName: '支援太郎' })).user?.id).toBe(other.id);
  });

  it('利用者が二人以上なら名前が必要で、名前なしの試行は失敗として数えない', async () => {
    await addColleague();
    await session.lock('user');
    await expect(session.unlock({ passphrase: shared })).rejects.toMatchObject({
      code: 'USER_NAME_REQUIRED',
    });
    expect(await readFile(dataDirPaths(dir).unlockFailures, 'utf8')).not.toContain('"seq"');
  });

  it('いない名前も、違うパスフレーズも、同じ返事と同じ回数の鍵導出', async () => {
    await addColleague();
    await session.lock('user');
    derivations.count = 0;
    const unknown = await session.unlock({ passphrase: shared, userName: '存在しない 人' }).catch((e) => e);
    const unknownCost = derivations.count;
    derivations.count = 0;
    const wrong = await session
      .unlock({ passphrase: 'not the passphrase', userName: '相談 花子' })
      .catch((e) => e);
    expect(derivations.count).toBe(unknownCost);
    expect(unknownCost).toBe(1);
    expect(unknown).toMatchObject({ code: 'WRONG_PASSPHRASE', message: wrong.message });
    expect(wrong.message).toBe('利用者名またはパスフレーズが違います。入力し直してください。');
    // Both count toward the back-off alike.
    expect(wrong.details.failures).toBe(2);
  });

  it('利用者が一人なら名前は要らない', async () => {
    await session.lock('user');
    expect((await session.status()).userNameRequired).toBe(false);
    expect((await session.unlock({ passphrase: shared })).state).toBe('unlocked');
  });

  it('鍵ファイルには名前が平文でも UTF-16 でも入っていない', async () => {
    await addColleague();
    const bytes = await readFile(dataDirPaths(dir).keyslots);
    for (const name of ['相談', '花子', '支援', '太郎']) {
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(name, 'utf16le'))).toBe(false);
    }
  });

  it('回復コードの手続きは利用者が二人でも使え、選んだ利用者として開けるようになる', async () => {
    const colleague = await addColleague();
    await session.lock('user');
    const recovering = await session.unlockWithRecoveryCode({ recoveryCode });
    expect(recovering.state).toBe('recovery');
    expect(recovering.recoveryUsers.map((u) => u.name).sort()).toEqual(['支援 太郎', '相談 花子']);
    const done = await session.completeRecovery({
      userId: colleague.id,
      newPassphrase: 'taro new passphrase',
    });
    expect(done.status.user?.name).toBe('支援 太郎');
    await session.lock('user');
    await expect(session.unlock({ passphrase: shared, userName: '支援 太郎' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(
      (await session.unlock({ passphrase: 'taro new passphrase', userName: '支援 太郎' })).user?.id,
    ).toBe(colleague.id);
    await session.lock('user');
    expect((await session.unlock({ passphrase: shared, userName: '相談 花子' })).user?.name).toBe(
      '相談 花子',
    );
    await session.lock('user');
    await expect(session.unlockWithRecoveryCode({ recoveryCode })).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_CODE',
    });
    await session.unlockWithRecoveryCode({ recoveryCode: done.recoveryCode });
  });
});

describe('ロック解除の失敗の記録は、消されると次のロック解除で分かる', () => {
  it('失敗の記録ファイルを消すと、監査ログに「削除・改変を検出」が残る', async () => {
    await session.lock('user');
    await session.unlock({ passphrase: 'wrong wrong wrong' }).catch(() => undefined);
    await session.close();
    await rm(dataDirPaths(dir).unlockFailures);
    session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf, clock: () => now });
    await session.unlock({ passphrase: shared });
    const { store } = session.signedIn();
    const kinds = (
      store.sqlite.prepare('SELECT kind, detail_json FROM audit_events').all() as {
        kind: string;
        detail_json: string;
      }[]
    ).filter((e) => e.kind === 'unlock.failuresMissing');
    expect(kinds).toHaveLength(1);
    expect(JSON.parse(kinds[0]?.detail_json ?? '{}')).toMatchObject({ reason: 'missing' });
  });

  it('失敗の件数を書き換えると（署名が合わず）分かる', async () => {
    await session.lock('user');
    const path = dataDirPaths(dir).unlockFailures;
    const file = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...file, consumed: 0, mac: 'a'.repeat(64) }));
    await session.unlock({ passphrase: shared });
    const { store } = session.signedIn();
    const detail = store.sqlite
      .prepare(`SELECT detail_json FROM audit_events WHERE kind = 'unlock.failuresMissing'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(detail)).toMatchObject({ reason: 'altered' });
  });

  it('失敗はすべて監査ログに移り、二度は移らない', async () => {
    await session.lock('user');
    for (let i = 0; i < 2; i++)
      await session.unlock({ passphrase: `wrong ${i} wrong wrong` }).catch(() => undefined);
    await session.unlock({ passphrase: shared });
    await session.lock('user');
    await session.unlock({ passphrase: shared });
    const { store } = session.signedIn();
    const failed = store.sqlite
      .prepare(`SELECT count(*) FROM audit_events WHERE kind = 'unlock.failed'`)
      .pluck()
      .get();
    expect(failed).toBe(2);
    expect(
      store.sqlite
        .prepare(`SELECT count(*) FROM audit_events WHERE kind = 'unlock.failuresMissing'`)
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('アプリが動いている間にファイルを消しても、待ち時間は元に戻らない', async () => {
    await session.lock('user');
    for (let i = 0; i < 3; i++)
      await session.unlock({ passphrase: `wrong ${i} wrong wrong` }).catch(() => undefined);
    expect((await session.status()).backoffSeconds).toBeGreaterThan(0);
    await rm(dataDirPaths(dir).unlockFailures);
    expect((await session.status()).backoffSeconds).toBeGreaterThan(0);
    await expect(session.unlock({ passphrase: shared })).rejects.toMatchObject({ code: 'UNLOCK_BACKOFF' });
  });
});
