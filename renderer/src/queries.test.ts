import {
  focusManager,
  hashKey,
  onlineManager,
  QueryClient,
  QueryObserver,
  type QueryObserverOptions,
} from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { freshness, householdReads, read, readSinceOpened, refresh } from './queries';

/** What main was asked, channel by channel: window.kasane as the preload gives it, answering at once. */
let asked: string[] = [];
beforeEach(() => {
  asked = [];
  const kasane = new Proxy(
    {},
    {
      get: (_target, channel: string) => async (input: unknown) => {
        asked.push(channel);
        return { ok: true, value: { channel, input } };
      },
    },
  );
  Object.assign(globalThis, { window: { kasane } });
});
afterEach(() => {
  focusManager.setFocused(undefined);
  onlineManager.setOnline(true);
});

/** The app's client as QueryClientProvider mounts it (listening for focus and reconnect). */
function client() {
  const queryClient = new QueryClient({ defaultOptions: freshness });
  queryClient.mount();
  return queryClient;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** One screen showing a query: mounted until the returned function unmounts it. */
function open<T, K extends readonly unknown[]>(
  queryClient: QueryClient,
  options: QueryObserverOptions<T, Error, T, T, K>,
) {
  const observer = new QueryObserver(queryClient, options);
  return observer.subscribe(() => {});
}

describe('画面の読み込み（チャネルごとにひとつの定義）', () => {
  test('キーは [チャネル, 入力]：同じものを尋ねる画面は同じキャッシュを使い、入力が違えば別になる', () => {
    expect(read('households.get', { id: 'h1' }).queryKey).toEqual(['households.get', { id: 'h1' }]);
    expect(hashKey(read('households.list', { status: 'active', query: '吉田' }).queryKey)).toBe(
      hashKey(read('households.list', { query: '吉田', status: 'active' }).queryKey),
    );
    expect(hashKey(read('households.get', { id: 'h1' }).queryKey)).not.toBe(
      hashKey(read('households.get', { id: 'h2' }).queryKey),
    );
  });

  test('世帯を開くたびにちょうど1回読む（どの画面のキャッシュが先にあっても）', async () => {
    const queryClient = client();
    // The list filled nothing for this household; the meeting screen did, earlier.
    await queryClient.fetchQuery(read('households.get', { id: 'h1' }));
    asked = [];
    const close = open(queryClient, read('households.get', { id: 'h1' }));
    await settle();
    expect(asked).toEqual(['households.get']);
    close();
    open(queryClient, read('households.get', { id: 'h1' }));
    await settle();
    expect(asked).toEqual(['households.get', 'households.get']);
  });

  test('ウィンドウに戻ったり、接続が戻ったり、時間がたったりしても読み直さない', async () => {
    const queryClient = client();
    open(queryClient, read('households.get', { id: 'h1' }));
    await settle();
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await settle();
    expect(asked).toEqual(['households.get']);
  });

  test('変更のあとは、その変更が古くした画面だけを読み直す', async () => {
    const queryClient = client();
    open(queryClient, read('households.get', { id: 'h1' }));
    open(queryClient, read('meetings.list', {}));
    await settle();
    asked = [];
    await refresh(queryClient, householdReads);
    expect(asked).toEqual(['households.get']);
  });

  test('フォームの初期値は、開いてから読んだものだけ（古いキャッシュの番号は使わない）', () => {
    expect(readSinceOpened({ isFetchedAfterMount: false, data: 'R6-001' })).toBeUndefined();
    expect(readSinceOpened({ isFetchedAfterMount: true, data: 'R6-002' })).toBe('R6-002');
  });
});
