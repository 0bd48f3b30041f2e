/**
 * What Electron's documentation and types promise about its main-process API, enforced by the
 * stand-in: which calls need the app to be ready (or must come before it), that everything
 * crossing IPC survives the structured clone algorithm, and one `ipcMain.handle` per channel.
 * A broken rule is recorded and thrown, as Electron would throw.
 */
export class ElectronRules {
  readonly violations: string[] = [];
  ready = false;

  private break(message: string): never {
    this.violations.push(message);
    throw new Error(message);
  }

  /** Electron: "cannot be used before the ready event" (BrowserWindow, session, protocol.handle, ...). */
  afterReady(api: string): void {
    if (!this.ready) this.break(`${api} was used before the app was ready`);
  }

  /** Electron: `protocol.registerSchemesAsPrivileged` "can only be used before the ready event". */
  beforeReady(api: string): void {
    if (this.ready) this.break(`${api} was called after the app was ready`);
  }

  /** IPC and `additionalData` carry values by structured clone: functions, symbols, class instances with methods do not survive. */
  cloneable<T>(what: string, value: T): T {
    try {
      return structuredClone(value);
    } catch (error) {
      return this.break(`${what} cannot be sent: ${(error as Error).message}`);
    }
  }

  /** Electron: "Attempted to register a second handler for '<channel>'". */
  oneHandler(channel: string, handlers: ReadonlyMap<string, unknown>): void {
    if (handlers.has(channel)) this.break(`Attempted to register a second handler for '${channel}'`);
  }
}

/** Electron's `Event` for navigation: the url in the event object, and `preventDefault`. */
export interface StandInEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function standInEvent(fields: { url?: string } = {}): StandInEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
