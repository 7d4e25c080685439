import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch.js';
import { createApp } from './handlers.js';
import { defaultOfficeSettings } from './office-settings.js';
import { folderPlatform } from './platform.js';
import { filesContaining } from './testing/scan-files.js';
import { fastKdf, tempDataDir } from './testing/temp-data-dir.js';
import { VaultSession } from './vault-session.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
afterEach(async () => cleanup());

describe('平文を残さない', () => {
  it('自治体名や利用者名は、開いている間（WAL あり）も閉じた後も、どのファイルにも平文で現れない', async () => {
    const unique = `秘密市𠮷野髙﨑-${Date.now()}`;
    const userName = '平文検出用 𠮷田 髙橋';
    const session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf });
    const app = createApp(session, folderPlatform(`${dir}-downloads`));
    await dispatch(app, 'vault.setup', {
      userName,
      passphrase: 'correct horse battery',
      passphraseConfirm: 'correct horse battery',
    });
    await dispatch(app, 'settings.save', {
      ...defaultOfficeSettings,
      municipalityName: unique,
      senderTitle: `${userName}課長`,
    });

    const whileOpen = await readdir(dir);
    expect(whileOpen).toEqual(expect.arrayContaining(['kasane.db', 'kasane.db-wal', 'keyslots.json']));
    expect(await filesContaining(dir, unique)).toEqual([]);
    expect(await filesContaining(dir, userName)).toEqual([]);

    await session.lock('user');
    expect(await filesContaining(dir, unique)).toEqual([]);
    expect(await filesContaining(dir, userName)).toEqual([]);
  });

  it('検出器そのものが平文を見つけられることを確かめる', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/leak.txt`, Buffer.from('前置き秘密市𠮷後ろ', 'utf16le'));
    expect(await filesContaining(dir, '秘密市𠮷')).toHaveLength(1);
  });
});
