import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../ipc/channels.js';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      }),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await import('./index.js');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('kasane');
  api = exposed;
});

describe('preload（window.kasane）', () => {
  it('契約のチャンネルごとに関数が一つと onLocked・onProgress だけを出す（ipcRenderer そのものは出さない）', () => {
    expect(Object.keys(api).sort()).toEqual([...channels, 'onLocked', 'onProgress'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('呼び出しは接頭辞付きのチャンネルへ入力をそのまま渡す（検査は main 側）', async () => {
    const input = { passphrase: 'x' };
    await expect(api['vault.unlock']?.(input)).resolves.toEqual({
      ok: true,
      value: { channel: 'kasane:vault.unlock', input },
    });
  });

  it('onLocked は理由だけを渡し、IPC のイベントは渡さない。解除もできる', () => {
    const listener = vi.fn();
    const unsubscribe = api.onLocked?.(listener) as () => void;
    const relay = electron.listeners.get('kasane:locked')?.[0];
    relay?.({ sender: 'the IPC event must not reach the page' }, 'idle');
    expect(listener).toHaveBeenCalledExactlyOnceWith('idle');
    unsubscribe();
    expect(electron.listeners.get('kasane:locked')).toEqual([]);
  });

  it('onProgress は進捗だけを渡し、IPC のイベントは渡さない。解除もできる', () => {
    const listener = vi.fn();
    const unsubscribe = api.onProgress?.(listener) as () => void;
    const relay = electron.listeners.get('kasane:progress')?.[0];
    const progress = { job: 'import', step: 'writing', done: 1, total: 3, unit: '世帯' };
    relay?.({ sender: 'the IPC event must not reach the page' }, progress);
    expect(listener).toHaveBeenCalledExactlyOnceWith(progress);
    unsubscribe();
    expect(electron.listeners.get('kasane:progress')).toEqual([]);
  });
});
