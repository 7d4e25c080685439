import type { Channel } from '../../electron/ipc/channels.js';

/**
 * The source of `/__harness/bridge.js`: a classic script that runs before the app's module script
 * and defines `window.kasane` (KasaneApi) over the loopback connection, as the preload does over IPC.
 * It is a separate file because the CSP forbids inline scripts; the token comes from a meta tag
 * so the script itself holds no secret.
 */
export function bridgeScript(channels: readonly Channel[]): string {
  return `(() => {
  'use strict';
  const channels = ${JSON.stringify(channels)};
  const meta = document.querySelector('meta[name="kasane-harness-token"]');
  const token = meta ? meta.getAttribute('content') || '' : '';
  const unreachable = {
    ok: false,
    code: 'INTERNAL',
    message: '検証用サーバーに接続できません。サーバーが起動しているか確認してください。',
  };

  async function invoke(channel, input) {
    let response;
    try {
      response = await fetch('/__harness/ipc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kasane-token': token },
        body: JSON.stringify(input === undefined ? {} : input),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return unreachable;
    }
    if (!response.ok) return unreachable;
    return response.json();
  }

  // One event stream for both kinds of event main sends (the preload's ipcRenderer.on).
  const listeners = { locked: new Set(), progress: new Set() };
  let source = null;
  function subscribe(kind, listener) {
    listeners[kind].add(listener);
    if (!source) {
      source = new EventSource('/__harness/events?token=' + encodeURIComponent(token));
      source.addEventListener('locked', (event) => {
        for (const l of Array.from(listeners.locked)) l(event.data);
      });
      source.addEventListener('progress', (event) => {
        let progress;
        try {
          progress = JSON.parse(event.data);
        } catch {
          return;
        }
        for (const l of Array.from(listeners.progress)) l(progress);
      });
    }
    return () => {
      listeners[kind].delete(listener);
    };
  }
  const onLocked = (listener) => subscribe('locked', listener);
  const onProgress = (listener) => subscribe('progress', listener);

  const api = { onLocked, onProgress };
  for (const channel of channels) api[channel] = (input) => invoke(channel, input);
  Object.defineProperty(window, 'kasane', { value: Object.freeze(api), enumerable: true });
})();
`;
}
