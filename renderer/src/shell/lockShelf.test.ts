import { describe, expect, test } from 'vitest';
import { createLockShelf } from './lockShelf';

/** A shelf with one screen open at `href` and one form offering `values`. */
function withScreen(href: string, values: unknown) {
  const shelf = createLockShelf();
  const leave = shelf.locateWith(() => href);
  const withdraw = shelf.offer('form', () => values);
  return { shelf, leave, withdraw };
}

describe('ロック中も入力中の内容を覚えておく（メモリーの中だけ）', () => {
  test('同じ人がロックを解除すると、同じ画面と入力中の内容が一度だけ戻る', () => {
    const { shelf, leave, withdraw } = withScreen('/households/new', { label: '下書き' });
    shelf.keep('user-1');
    leave();
    withdraw();
    expect(shelf.reopen('user-1')).toBe('/households/new');
    expect(shelf.claim('form')).toEqual({ label: '下書き' });
    expect(shelf.claim('form')).toBeUndefined();
    expect(shelf.restoredCount()).toBe(1);
  });

  test('別の人がロックを解除すると、画面も内容も捨てる', () => {
    const { shelf, leave, withdraw } = withScreen('/households/new', { label: '下書き' });
    shelf.keep('user-1');
    leave();
    withdraw();
    expect(shelf.reopen('user-2')).toBeNull();
    expect(shelf.claim('form')).toBeUndefined();
    expect(shelf.reopen('user-1')).toBeNull();
  });

  test('変更のないフォームは何も残さず、画面だけが戻る', () => {
    const { shelf } = withScreen('/meetings', undefined);
    shelf.keep('user-1');
    expect(shelf.reopen('user-1')).toBe('/meetings');
    expect(shelf.claim('form')).toBeUndefined();
  });

  test('サインインした画面の外でのロック（解除画面のまま）は、覚えた内容を消さない', () => {
    const { shelf, leave, withdraw } = withScreen('/households/new', { label: '下書き' });
    shelf.keep('user-1');
    leave();
    withdraw();
    shelf.keep('user-1');
    shelf.keep(null);
    expect(shelf.reopen('user-1')).toBe('/households/new');
    expect(shelf.claim('form')).toEqual({ label: '下書き' });
  });

  test('clear で全部捨てる', () => {
    const { shelf } = withScreen('/households/new', { label: '下書き' });
    shelf.keep('user-1');
    shelf.clear();
    expect(shelf.reopen('user-1')).toBeNull();
  });

  test('ロックで失われる変更があるかは、画面の登録簿に尋ねる', () => {
    const shelf = createLockShelf();
    expect(shelf.anyLost()).toBe(false);
    let lost = true;
    const stop = shelf.watchLosses(() => lost);
    expect(shelf.anyLost()).toBe(true);
    lost = false;
    expect(shelf.anyLost()).toBe(false);
    lost = true;
    stop();
    expect(shelf.anyLost()).toBe(false);
  });
});
