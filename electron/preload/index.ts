import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { channels, ipcPrefix, lockedEvent, progressEvent } from '../ipc/channels.js';
import type { KasaneApi } from '../ipc/contract.js';

// Names and invoke only: main validates every input, so the sandboxed bridge stays tiny.
const invokers = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcPrefix + channel, input)]),
);

const api = {
  ...invokers,
  onLocked(listener: (reason: string) => void): () => void {
    // The IPC event object stays here: it carries `sender`, which must not reach the page.
    const relay = (_event: IpcRendererEvent, reason: unknown) => listener(String(reason));
    ipcRenderer.on(lockedEvent, relay);
    return () => {
      ipcRenderer.removeListener(lockedEvent, relay);
    };
  },
  onProgress(listener: (progress: unknown) => void): () => void {
    // The renderer parses each event with the contract's jobProgressSchema before showing it.
    const relay = (_event: IpcRendererEvent, progress: unknown) => listener(progress);
    ipcRenderer.on(progressEvent, relay);
    return () => {
      ipcRenderer.removeListener(progressEvent, relay);
    };
  },
} as unknown as KasaneApi;

contextBridge.exposeInMainWorld('kasane', api);
