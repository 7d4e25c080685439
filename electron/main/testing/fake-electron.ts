import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A hand-made stand-in for the parts of `electron` that main uses, for `vi.mock('electron')`.
 * It keeps what the code registers (handlers, listeners, options) so tests can call it, and it
 * refuses the calls real Electron refuses at the wrong moment (scheme registration after ready,
 * powerMonitor before ready, a second handler on one IPC channel).
 */

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type BeforeRequestHandler = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  beforeRequestHandlers: BeforeRequestHandler[] = [];
  readonly webRequest = {
    onBeforeRequest: (handler: BeforeRequestHandler) => {
      this.beforeRequestHandlers.push(handler);
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  /** What the session decides for a request: true when cancelled. */
  cancels(url: string): boolean {
    let cancel = false;
    for (const handler of this.beforeRequestHandlers)
      handler({ url }, (response) => (cancel ||= !!response.cancel));
    return cancel;
  }
}

const sameArgs = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeFrame('app://kasane/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  #sentWaiters: { expected: unknown[]; resolve: () => void }[] = [];
  readonly send = vi.fn((...args: unknown[]) => {
    const waiting = this.#sentWaiters;
    this.#sentWaiters = waiting.filter((w) => !sameArgs(w.expected, args));
    for (const w of waiting) if (sameArgs(w.expected, args)) w.resolve();
  });
  constructor(readonly session: FakeSession) {
    super();
  }
  /**
   * Resolves once `send` has been called with exactly these arguments (already, or later): tests wait
   * for the message itself, however long the work before it takes on a busy machine.
   */
  sent(...expected: unknown[]): Promise<void> {
    if (this.send.mock.calls.some((args) => sameArgs(expected, args))) return Promise.resolve();
    return new Promise((resolve) => this.#sentWaiters.push({ expected, resolve }));
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-like event the way Electron does and says whether it was prevented. */
  tryEvent(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const event = new FakeEvent(url);
    this.emit(name, event);
    return event.defaultPrevented;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  isReady = false;
  hasSingleInstanceLock = true;
  userData = '';
  quitted = false;
  /** Order of the calls that must come before `ready`. */
  readonly calls: string[] = [];
  #markReady: () => void = () => {};
  #ready = this.#newReady();
  #markQuitted: () => void = () => {};
  #quittedPromise = this.#newQuitted();

  #newReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#markReady = resolve;
    });
  }
  #newQuitted(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#markQuitted = resolve;
    });
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, {
      isPackaged: false,
      isReady: false,
      hasSingleInstanceLock: true,
      userData: '',
      quitted: false,
    });
    this.calls.length = 0;
    this.#ready = this.#newReady();
    this.#quittedPromise = this.#newQuitted();
    this.quit.mockClear();
  }

  markReady(): void {
    this.isReady = true;
    this.calls.push('ready');
    this.#markReady();
  }
  whenReady(): Promise<void> {
    return this.#ready;
  }
  /** Resolves when a quit goes through (main may hold it back until the vault is locked). */
  whenQuitted(): Promise<void> {
    return this.#quittedPromise;
  }
  enableSandbox(): void {
    if (this.isReady) throw new Error('app.enableSandbox() must be called before ready');
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  getPath(name: string): string {
    if (!this.isReady) throw new Error(`app.getPath('${name}') before ready`);
    return this.userData;
  }
  readonly quit = vi.fn(() => {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) {
      this.quitted = true;
      this.#markQuitted();
    }
  });
}

class FakePowerMonitor extends EventEmitter {
  readonly getSystemIdleTime = vi.fn(() => 0);
  override on(event: string, listener: (...args: unknown[]) => void): this {
    if (!app.isReady) throw new Error('powerMonitor cannot be used before ready');
    return super.on(event, listener);
  }
}

export const app = new FakeApp();
export const powerMonitor = new FakePowerMonitor();
export const session = { defaultSession: new FakeSession() };
export const windows: BrowserWindow[] = [];
let windowWaiters: ((win: BrowserWindow) => void)[] = [];

/** The first window main opens, once it has opened it. */
export function firstWindow(): Promise<BrowserWindow> {
  const [win] = windows;
  if (win) return Promise.resolve(win);
  return new Promise((resolve) => windowWaiters.push(resolve));
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents(session.defaultSession);
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
    for (const resolve of windowWaiters.splice(0)) resolve(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response> | Response;

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (app.isReady) throw new Error('registerSchemesAsPrivileged must be called before ready');
    app.calls.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

export const Menu = { setApplicationMenu: vi.fn() };

/** Answers like the user picking `filePath` in the save dialog, or cancelling when it is undefined. */
export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  answerSave(filePath: string | undefined): void {
    this.showSaveDialog.mockResolvedValueOnce(
      filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath },
    );
  },
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  /** Answers like the user picking `folder` in the folder dialog, or cancelling when it is undefined. */
  answerFolder(folder: string | undefined): void {
    this.showOpenDialog.mockResolvedValueOnce(
      folder === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [folder] },
    );
  },
};

/** Opening a file with its default app (Word): records the path; '' means it opened. */
export const shell = { openPath: vi.fn(async (_path: string) => '') };

/** A fresh Electron for the next test. */
export function resetFakeElectron(): void {
  app.reset();
  powerMonitor.removeAllListeners();
  powerMonitor.getSystemIdleTime.mockReset().mockReturnValue(0);
  session.defaultSession = new FakeSession();
  windows.length = 0;
  windowWaiters = [];
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Menu.setApplicationMenu.mockClear();
  dialog.showSaveDialog.mockClear();
  dialog.showOpenDialog.mockClear();
  shell.openPath.mockClear();
}
