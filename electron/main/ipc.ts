import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { channels, ipcPrefix, progressEvent } from '../ipc/channels.js';
import type { IpcResult } from '../ipc/contract.js';
import { jobProgressSchema } from '../ipc/schemas/jobs.js';
import type { App } from '../services/context.js';
import { dispatch } from '../services/dispatch.js';
import { errorMessages } from '../services/errors.js';
import { isAppUrl } from './protocol-path.js';

interface IpcOptions {
  app: App;
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
export function registerIpcHandlers({ app, mainWindow, log }: IpcOptions): void {
  for (const channel of channels) {
    ipcMain.handle(ipcPrefix + channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, mainWindow())) {
        log(`refused ${channel} from an untrusted frame`);
        return forbidden;
      }
      return dispatch(app, channel, input, log);
    });
  }
}

/** A job's progress goes to our own window only, while it shows our own page, in the contract's shape. */
export function relayProgress(app: App, mainWindow: () => BrowserWindow | null): void {
  app.jobs?.onProgress((progress) => {
    const win = mainWindow();
    if (!win || win.isDestroyed() || !isAppUrl(win.webContents.mainFrame.url)) return;
    win.webContents.send(progressEvent, jobProgressSchema.parse(progress));
  });
}
