import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppDataDir } from './data-dir.js';

const userData = join('/', 'Users', 'office', 'AppData', 'Roaming', 'Kasane');
const base = { argv: ['kasane.exe'], env: {}, isPackaged: true, userData };

describe('アプリのデータフォルダ', () => {
  it('既定は利用者ごとのフォルダ', () => {
    expect(resolveAppDataDir(base)).toBe(join(userData, 'data'));
  });

  it('インストールした版は KASANE_DATA_DIR を無視する', () => {
    expect(resolveAppDataDir({ ...base, env: { KASANE_DATA_DIR: '/elsewhere' } })).toBe(
      join(userData, 'data'),
    );
  });

  it('開発中の版だけが KASANE_DATA_DIR に従う', () => {
    expect(resolveAppDataDir({ ...base, isPackaged: false, env: { KASANE_DATA_DIR: '/elsewhere' } })).toBe(
      resolve('/elsewhere'),
    );
  });

  it('起動時に --data-dir を明示すれば、インストールした版でもそのフォルダ', () => {
    expect(resolveAppDataDir({ ...base, argv: ['kasane.exe', '--data-dir', '/explicit'] })).toBe(
      resolve('/explicit'),
    );
    expect(resolveAppDataDir({ ...base, argv: ['kasane.exe', '--data-dir=/explicit'] })).toBe(
      resolve('/explicit'),
    );
  });
});
