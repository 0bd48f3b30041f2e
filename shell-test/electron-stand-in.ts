/**
 * A recording stand-in for the `electron` module of the main process, for booting the built
 * main bundle under Node where no Electron binary exists. It keeps Electron's rules
 * (rules.ts) and records what the shell asked for, so tests can assert on it.
 */
import { EventEmitter } from 'node:events';
import { ElectronRules, standInEvent, type StandInEvent } from './rules';
import { createBrowserWindowClass, type LoadOutcome, type StandInWebContents } from './windows';

export interface StandInOptions {
  userData: string;
  isPackaged?: boolean;
  /** Whether this process gets the single-instance lock (false: another instance runs). */
  getsLock?: boolean;
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string; isMainFrame: boolean }) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean;

export function createElectronStandIn(options: StandInOptions) {
  const rules = new ElectronRules();
  const contentsCreated: StandInWebContents[] = [];
  let loadOutcome: LoadOutcome = { ok: true };
  const record = {
    singleInstanceData: [] as unknown[],
    privilegedSchemes: [] as unknown[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as Array<Record<string, unknown>>,
    openedExternally: [] as string[],
    quitCalls: 0,
    exitCodes: [] as number[],
    syncIpcListeners: [] as string[],
  };
  let quitState: 'running' | 'quitting-prevented' | 'quit' = 'running';
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class App extends EventEmitter {
    readonly isPackaged = options.isPackaged ?? false;
    getPath(name: string): string {
      if (name !== 'userData') throw new Error(`The stand-in knows only app.getPath('userData'), not '${name}'.`);
      return options.userData;
    }
    requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
      record.singleInstanceData.push(rules.cloneable('requestSingleInstanceLock additionalData', additionalData));
      return options.getsLock ?? true;
    }
    whenReady(): Promise<void> {
      return readyPromise;
    }
    isReady(): boolean {
      return rules.ready;
    }
    /** Electron: `will-quit` may be prevented; quitting again later emits it again. */
    quit(): void {
      record.quitCalls += 1;
      const event = standInEvent();
      this.emit('will-quit', event);
      quitState = event.defaultPrevented ? 'quitting-prevented' : 'quit';
      if (quitState === 'quit') this.emit('quit');
    }
    exit(code = 0): void {
      record.exitCodes.push(code);
    }
  }
  const app = new App();
  const BrowserWindow = createBrowserWindowClass(
    rules,
    (contents) => {
      contentsCreated.push(contents);
      app.emit('web-contents-created', standInEvent(), contents);
    },
    () => loadOutcome,
  );

  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      rules.oneHandler(channel, handlers);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
    // Synchronous listeners answer any sender before our checks can run: recorded, so tests can insist on none.
    on(channel: string) {
      record.syncIpcListeners.push(channel);
    },
  };

  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      rules.beforeReady('protocol.registerSchemesAsPrivileged');
      record.privilegedSchemes.push(...rules.cloneable('registerSchemesAsPrivileged', schemes));
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      rules.afterReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled.`);
      protocolHandlers.set(scheme, handler);
    },
  };

  const permissions: { request?: PermissionRequestHandler; check?: PermissionCheckHandler } = {};
  const defaultSession = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => (permissions.request = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler) => (permissions.check = handler),
  };
  const session = {
    get defaultSession() {
      rules.afterReady('session.defaultSession');
      return defaultSession;
    },
  };

  let clipboardText = '';
  const clipboard = {
    writeText: (text: string) => void (clipboardText = text),
    readText: () => clipboardText,
    clear: () => void (clipboardText = ''),
  };

  const dialog = {
    // Electron: may be called before ready (it prints to stderr on Linux then).
    showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }),
    async showMessageBox(...args: unknown[]) {
      rules.afterReady('dialog.showMessageBox');
      const messageOptions = args.at(-1) as Record<string, unknown>;
      record.messageBoxes.push(messageOptions);
      return { response: (messageOptions.cancelId as number | undefined) ?? 0, checkboxChecked: false };
    },
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  };

  const safeStorage = {
    // On Linux, safeStorage answers only once the app is ready.
    isEncryptionAvailable() {
      rules.afterReady('safeStorage.isEncryptionAvailable');
      return false;
    },
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: () => {
      throw new Error('Encryption is not available.');
    },
    decryptString: () => {
      throw new Error('Decryption is not available.');
    },
  };

  const net = {
    fetch: () => {
      throw new Error('The stand-in does not model net.fetch: the shell should not need it.');
    },
  };
  const shell = { openExternal: async (url: string) => void record.openedExternally.push(url) };

  const electron = { app, BrowserWindow, clipboard, dialog, ipcMain, net, protocol, safeStorage, session, shell };

  /** What tests drive and read. */
  const control = {
    rules,
    record,
    contentsCreated,
    windows: () => BrowserWindow.getAllWindows(),
    quitState: () => quitState,
    clipboardText: () => clipboardText,
    handledChannels: () => [...handlers.keys()],
    permissions,
    failNextLoads(errorCode: number, errorDescription: string) {
      loadOutcome = { ok: false, errorCode, errorDescription };
    },
    becomeReady() {
      rules.ready = true;
      app.emit('ready', standInEvent(), {});
      resolveReady();
    },
    /** An `ipcRenderer.invoke` from a frame showing `senderUrl` (null: a frame that is gone). */
    async invoke(channel: string, senderUrl: string | null, payload: unknown): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler for '${channel}'.`);
      const event = { senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: contentsCreated[0] };
      const answer = await handler(event, rules.cloneable(`invoke('${channel}') request`, payload));
      return rules.cloneable(`the answer to '${channel}'`, answer);
    },
    /** A request to a custom protocol, as the renderer would make it. */
    async fetch(url: string): Promise<Response> {
      const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`Nothing handles ${url}.`);
      return handler(new Request(url));
    },
    /** Emits a navigation event (`will-navigate`, `will-frame-navigate`, `will-redirect`) and says whether it was refused. */
    navigate(contents: StandInWebContents, eventName: string, url: string): boolean {
      const event: StandInEvent = standInEvent({ url });
      contents.emit(eventName, event);
      return event.defaultPrevented;
    },
  };
  return { electron, control };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
