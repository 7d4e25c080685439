import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './protocol-path.js';

const hardenedSessions = new WeakSet<Session>();

/**
 * The app never talks to a network: only its own origin loads, plus data:/blob: URLs the page
 * makes itself (the CSP allows them for images and fonts). DevTools only in a development run.
 */
function isAllowedRequest(url: string, allowDevtools: boolean): boolean {
  return (
    isAppUrl(url) ||
    url.startsWith('data:') ||
    url.startsWith('blob:') ||
    (allowDevtools && url.startsWith('devtools:'))
  );
}

export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const allowDevtools = !app.isPackaged;
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, allowDevtools) }),
  );
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  hardenSession(contents.session);
}

/** Every webContents the app ever creates (the window, DevTools, anything a bug might open). */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
