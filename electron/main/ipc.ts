import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { channels, ipcPrefix } from '../ipc/channels.js';
import type { IpcResult } from '../ipc/contract.js';
import { dispatch } from '../ipc/dispatch.js';
import { errorMessages } from '../services/errors.js';
import type { Handlers } from '../services/handlers.js';
import type { Access } from '../services/vault-session.js';
import { isAppUrl } from './protocol-path.js';

interface IpcOptions {
  handlers: Handlers;
  access: () => Promise<Access>;
  /** The window whose main frame may call; null before it exists or after it closed. */
  mainWindow: () => BrowserWindow | null;
  log: (line: string) => void;
}

const forbidden: IpcResult<never> = {
  ok: false,
  code: 'FORBIDDEN_SENDER',
  message: errorMessages.FORBIDDEN_SENDER,
};

/** Only the top frame of our own window, showing our own origin, may reach the services. */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !win || win.isDestroyed()) return false;
  return frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

/** One handler per contract channel: check the sender, then the shared dispatch path. */
export function registerIpcHandlers({ handlers, access, mainWindow, log }: IpcOptions): void {
  for (const channel of channels) {
    ipcMain.handle(ipcPrefix + channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, mainWindow())) {
        log(`refused ${channel} from an untrusted frame`);
        return forbidden;
      }
      return dispatch(handlers, access, channel, input, log);
    });
  }
}
