import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { type BrowserWindow, dialog, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { electronPlatform } = await import('./platform.js');
const { createMainWindow } = await import('./window.js');

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  resetFakeElectron();
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => cleanup());

const request = {
  defaultName: 'かさね_移行用テンプレート.xlsx',
  bytes: Buffer.from('PK\u0003\u0004'),
  filters: [{ name: 'Excel ブック', extensions: ['xlsx'] }],
};

describe('ファイルの保存（保存ダイアログ）', () => {
  it('選ばれた場所に書き、画面にはファイル名だけを返す', async () => {
    const win = createMainWindow('/app/out/preload/index.cjs') as unknown as BrowserWindow;
    await mkdir(join(dir, '移行'));
    const target = join(dir, '移行', 'テンプレート.xlsx');
    dialog.answerSave(target);
    const result = await electronPlatform(() => win as never).saveFile(request);
    expect(result).toEqual({ saved: true, fileName: 'テンプレート.xlsx' });
    expect(await readFile(target)).toEqual(request.bytes);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, {
      defaultPath: request.defaultName,
      filters: request.filters,
    });
  });

  it('キャンセルなら何も書かない', async () => {
    dialog.answerSave(undefined);
    expect(await electronPlatform(() => null).saveFile(request)).toEqual({ saved: false, fileName: '' });
    expect(await readdir(dir)).toEqual([]);
  });
});
