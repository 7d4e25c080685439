import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { type BrowserWindow, dialog, resetFakeElectron, shell } from './testing/fake-electron.js';

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

const filters = [{ name: 'Word 文書', extensions: ['docx'] }];
const file = (name: string) => ({ name, bytes: Buffer.from(`PK ${name}`) });

describe('ファイルの保存（保存ダイアログ）', () => {
  it('選ばれた場所に1つ目を書き、残りは同じフォルダに置き、画面にはファイル名だけを返す', async () => {
    const win = createMainWindow('/app/out/preload/index.cjs') as unknown as BrowserWindow;
    await mkdir(join(dir, '会議'));
    const target = join(dir, '会議', '様式5.docx');
    dialog.answerSave(target);
    const result = await electronPlatform(() => win as never).saveFiles({
      files: [file('a.docx'), file('回収チェック表.docx')],
      filters,
    });
    expect(result).toEqual({ saved: true, fileNames: ['様式5.docx', '回収チェック表.docx'] });
    expect(await readFile(target)).toEqual(file('a.docx').bytes);
    expect(await readFile(join(dir, '会議', '回収チェック表.docx'))).toEqual(
      file('回収チェック表.docx').bytes,
    );
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, { defaultPath: 'a.docx', filters });
  });

  it('キャンセルなら何も書かない', async () => {
    dialog.answerSave(undefined);
    expect(await electronPlatform(() => null).saveFiles({ files: [file('a.docx')], filters })).toEqual({
      saved: false,
      fileNames: [],
    });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('Word で開く（一時ファイル）', () => {
  it('一時フォルダに書いて既定のアプリで開き、破棄すると消える', async () => {
    const platform = electronPlatform(
      () => null,
      () => {},
      dir,
    );
    await platform.openTemporarily([file('様式1.docx')]);
    const opened = shell.openPath.mock.calls[0]?.[0] ?? '';
    expect(opened.startsWith(dir)).toBe(true);
    expect(opened).toMatch(/様式1\.docx$/);
    expect(await readFile(opened)).toEqual(file('様式1.docx').bytes);
    await platform.discardTemporaryFiles();
    await expect(access(opened)).rejects.toThrow();
  });

  it('起動時に、クラッシュした前回の実行が残した一時フォルダを消す（動いている実行のものは残す）', async () => {
    await mkdir(join(dir, '999999999-1700000000000', 'open-x'), { recursive: true });
    await writeFile(join(dir, '999999999-1700000000000', 'open-x', '様式1.docx'), 'PK');
    const lines: string[] = [];
    const platform = electronPlatform(
      () => null,
      (line) => lines.push(line),
      dir,
    );
    await platform.openTemporarily([file('様式2.docx')]);
    const left = await readdir(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^${process.pid}-\\d+$`));
    expect(lines).toEqual(['removed 1 temporary document folder(s) of earlier runs']);
  });
});

describe('フォルダを選ぶ（バックアップの保存先）', () => {
  it('選ばれたフォルダを返し、キャンセルなら null', async () => {
    const platform = electronPlatform(() => null);
    dialog.answerFolder(join(dir, 'バックアップ'));
    expect(await platform.chooseFolder({ title: 'バックアップの保存先' })).toBe(join(dir, 'バックアップ'));
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      title: 'バックアップの保存先',
      properties: ['openDirectory', 'createDirectory'],
    });
    dialog.answerFolder(undefined);
    expect(await platform.chooseFolder({ title: 'バックアップの保存先' })).toBeNull();
  });
});
