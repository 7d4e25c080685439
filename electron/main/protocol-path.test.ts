import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl, resolveAppPath } from './protocol-path.js';

const root = resolve('/srv/kasane/out/renderer');

describe('app:// のパス解決（renderer フォルダの外は一切返さない）', () => {
  it('renderer フォルダ内のファイルをそのまま指す', () => {
    expect(resolveAppPath(root, appEntryUrl)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kasane/assets/index-abc.js?v=1#top')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, 'app://kasane/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kasane/assets/%E6%A7%98%E5%BC%8F.svg')).toBe(
      join(root, 'assets', '様式.svg'),
    );
  });

  it.each([
    ['.. の区間', 'app://kasane/../secret.txt'],
    ['途中の .. の区間', 'app://kasane/assets/../../secret.txt'],
    ['符号化した ..', 'app://kasane/%2e%2e/secret.txt'],
    ['大文字で符号化した ..', 'app://kasane/assets/%2E%2E/%2E%2E/secret.txt'],
    ['. の区間', 'app://kasane/./index.html'],
    ['符号化したスラッシュ', 'app://kasane/assets%2f..%2f..%2fsecret.txt'],
    ['大文字で符号化したスラッシュ', 'app://kasane/assets%2F..%2F..%2Fsecret.txt'],
    ['符号化したバックスラッシュ', 'app://kasane/..%5c..%5csecret.txt'],
    ['生のバックスラッシュ', 'app://kasane/..\\..\\secret.txt'],
    ['絶対パス', 'app://kasane//etc/passwd'],
    ['Windows のドライブ文字', 'app://kasane/C:/Windows/win.ini'],
    ['符号化したドライブ文字', 'app://kasane/C%3A/Windows/win.ini'],
    ['UNC パス', 'app://kasane///server/share/file'],
    ['符号化した NUL', 'app://kasane/index.html%00.png'],
    ['生の NUL', 'app://kasane/index.html\0.png'],
    ['壊れた % 符号', 'app://kasane/%E6%A7'],
  ])('%s は拒否する', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'app://kasane.evil/index.html',
    'app://kasane',
    'file:///srv/kasane/out/renderer/index.html',
    'https://kasane/index.html',
  ])('自分のオリジン以外（%s）は拒否する', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
    expect(isAppUrl(url)).toBe(false);
  });
});
