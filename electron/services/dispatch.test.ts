import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../ipc/channels.js';
import { contract } from '../ipc/contract.js';
import type { App } from './context.js';
import { dispatch } from './dispatch.js';
import { forgetRasters, keptRasters, rasterise } from './drawings/raster.js';
import { createApp, handlers } from './handlers.js';
import { folderPlatform } from './platform.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

let dir: string;
let cleanup: () => Promise<void>;
let session: VaultSession;
let app: App;
const call = (channel: string, input: unknown) => dispatch(app, channel, input);
const phrase = 'correct horse battery';

beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
  session = new VaultSession({
    dataDir: dir,
    via: 'app',
    kdf: fastKdf,
    clock: () => new Date('2026-11-22T01:00:00Z'),
  });
  app = createApp(session, folderPlatform(join(dir, 'downloads')));
});
afterEach(async () => {
  await session.lock('user');
  await cleanup();
});

describe('IPC の入口（契約に基づく検証と権限）', () => {
  it('契約のすべてのチャンネルにハンドラーがある', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
  });

  it('入力は zod で検証され、誤りは項目ごとの日本語メッセージで返る', async () => {
    const result = await call('vault.setup', {
      userName: '',
      passphrase: 'short',
      passphraseConfirm: 'other',
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      userName: '利用者名を入力してください',
      passphrase: 'パスフレーズは12文字以上にしてください',
    });
    expect((await session.status()).state).toBe('uninitialized');
  });

  it('ありえない日付（2026-13-45、2026-02-29）は入口で断り、サービスまで届かない（fuzz の seed 864251 が INTERNAL を見つけた）', async () => {
    await session.setup({ userName: '日付 検証', passphrase: phrase });
    const text = (await call('legal.confidentialityWarning', {})) as { ok: true; value: { version: string } };
    expect(await call('acknowledgement.acknowledge', { textVersion: text.value.version })).toMatchObject({
      ok: true,
    });
    for (const asOf of ['2026-13-45', '2026-02-29', '2026-04-31', '0000-00-00']) {
      expect(await call('desk.get', { asOf }), asOf).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: { asOf: '存在しない日付です' },
      });
    }
    expect(await call('desk.get', { asOf: '2028-02-29' })).toMatchObject({ ok: true });
  });

  it('確認用パスフレーズの不一致は初期設定をしない', async () => {
    const result = await call('vault.setup', {
      userName: '花子',
      passphrase: phrase,
      passphraseConfirm: `${phrase}x`,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { passphraseConfirm: '確認用のパスフレーズが一致しません' },
    });
  });

  it('ロックすると、家族構成図の PNG もメモリから消える', async () => {
    await call('vault.setup', { userName: '花子', passphrase: phrase, passphraseConfirm: phrase });
    forgetRasters();
    await rasterise(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="9" height="9"/></svg>',
      40,
    );
    expect(keptRasters()).toBe(1);
    await session.lock('user');
    expect(keptRasters()).toBe(0);
  });

  it('ロック中は事件データの操作を受け付けない', async () => {
    expect(await call('audit.list', {})).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await call('settings.get', {})).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  it('その日の守秘義務の確認が済むまで、監査ログなどは開けない（抜け道なし）', async () => {
    await call('vault.setup', { userName: '花子', passphrase: phrase, passphraseConfirm: phrase });
    expect(await call('settings.get', {})).toMatchObject({ ok: true });
    expect(await call('audit.list', {})).toMatchObject({ ok: false, code: 'NEEDS_ACKNOWLEDGEMENT' });
    expect(await call('users.list', {})).toMatchObject({ ok: false, code: 'NEEDS_ACKNOWLEDGEMENT' });
    await call('acknowledgement.acknowledge', { textVersion: '2025-06-01' });
    const audit = await call('audit.list', {});
    expect(audit).toMatchObject({ ok: true, value: { verification: { ok: true } } });
  });

  it('未知のチャンネルや余計な項目は拒否する', async () => {
    expect(await call('vault.dropEverything', {})).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await call('vault.status', { extra: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('記録による拒否は固有のコードで返り、一つの項目についての拒否はその項目を名指しする', async () => {
    await call('vault.setup', { userName: '花子', passphrase: phrase, passphraseConfirm: phrase });
    await call('acknowledgement.acknowledge', { textVersion: '2025-06-01' });
    const agency = {
      field: '高齢',
      name: 'かのや相談室',
      department: '',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    };
    expect(await call('agencies.save', agency)).toMatchObject({ ok: true });
    expect(await call('agencies.save', agency)).toEqual({
      ok: false,
      code: 'DUPLICATE_AGENCY',
      message: '同じ機関名・部署の機関がすでに登録されています。',
      details: { field: 'name' },
      fieldErrors: { name: '同じ機関名・部署の機関がすでに登録されています。' },
    });
    expect(await call('issueTags.add', { name: '多頭飼育' })).toMatchObject({ ok: true });
    expect(await call('issueTags.add', { name: '多頭飼育' })).toMatchObject({
      ok: false,
      code: 'DUPLICATE_ISSUE_TAG',
      fieldErrors: { name: 'その課題はすでに登録されています。' },
    });
  });

  it('想定外の例外はスタックトレースを出さず、個人情報を含まない一般的なメッセージになる', async () => {
    const logged: string[] = [];
    vi.spyOn(handlers, 'vault.status').mockRejectedValueOnce(new Error('secret 山田太郎 at /home/x'));
    const result = await dispatch(app, 'vault.status', {}, (l) => logged.push(l));
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('山田');
    expect(logged.join()).not.toContain('山田');
  });
});
