import { join } from 'node:path';
import { app, type BrowserWindow, Menu, session } from 'electron';
import { lockedEvent } from '../ipc/channels.js';
import { resolveAppDataDir } from '../services/data-dir.js';
import { createApp } from '../services/handlers.js';
import { workerEntryBeside } from '../services/jobs/job-runner.js';
import { VaultSession } from '../services/vault-session.js';
import { registerIpcHandlers, relayProgress } from './ipc.js';
import { lockOnSystemSignals } from './lock-triggers.js';
import { electronPlatform } from './platform.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { hardenAllWebContents, hardenSession } from './security.js';
import { createMainWindow } from './window.js';

// Error classes and channel names only: messages may quote personal data.
const log = (line: string) => console.error(`[kasane] ${line}`);
// out/main/index.js → out/
const outDir = join(import.meta.dirname, '..');

// These three must happen before `ready`.
app.enableSandbox();
registerAppScheme();
hardenAllWebContents();

if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start, (err: unknown) => {
    log(`start-up failed: ${(err as Error)?.name ?? 'unknown'}`);
    app.quit();
  });
} else {
  app.quit();
}

function start(): void {
  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession);
  serveRenderer(join(outDir, 'renderer'));

  let win: BrowserWindow | null = null;
  const vault = new VaultSession({
    dataDir: resolveAppDataDir({
      argv: process.argv,
      env: process.env,
      isPackaged: app.isPackaged,
      userData: app.getPath('userData'),
    }),
    via: 'app',
    onLocked: (reason) => {
      if (win && !win.isDestroyed()) win.webContents.send(lockedEvent, reason);
    },
  });
  // Heavy work (and the unlock's page check) runs in out/main/job-worker.js, built beside this file.
  const kasane = createApp(
    vault,
    electronPlatform(() => win, log),
    workerEntryBeside(import.meta.url),
  );
  registerIpcHandlers({ app: kasane, mainWindow: () => win, log });
  relayProgress(kasane, () => win);
  const stopIdlePoll = lockOnSystemSignals(vault, log);

  win = createMainWindow(join(outDir, 'preload', 'index.cjs'));
  win.on('closed', () => {
    win = null;
  });
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Quitting waits for the lock, so the database is closed and the lock is in the audit log.
  let lockedForQuit = false;
  app.on('before-quit', (event) => {
    if (lockedForQuit) return;
    event.preventDefault();
    stopIdlePoll();
    vault
      .close()
      .catch((err: unknown) => log(`lock on quit failed: ${(err as Error)?.name ?? 'unknown'}`))
      .finally(() => {
        lockedForQuit = true;
        app.quit();
      });
  });
}
