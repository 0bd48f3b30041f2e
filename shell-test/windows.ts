/** The stand-in's BrowserWindow and webContents: constructed only once ready, recording what they are asked. */
import { EventEmitter } from 'node:events';
import type { ElectronRules } from './rules';

export interface SentMessage {
  channel: string;
  payload: unknown;
}

export class StandInWebContents extends EventEmitter {
  readonly sent: SentMessage[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;

  constructor(private readonly rules: ElectronRules) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: this.rules.cloneable(`webContents.send('${channel}')`, args[0]) });
  }

  setWindowOpenHandler(handler: StandInWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
}

/** How a `loadURL` ends: loaded, or failed as Chromium reports it (did-fail-load, then a rejection). */
export type LoadOutcome = { ok: true } | { ok: false; errorCode: number; errorDescription: string };

export function createBrowserWindowClass(rules: ElectronRules, onCreated: (contents: StandInWebContents) => void, loadOutcome: () => LoadOutcome) {
  const all: StandInBrowserWindow[] = [];

  class StandInBrowserWindow extends EventEmitter {
    readonly webContents: StandInWebContents;
    readonly loaded: string[] = [];
    visible = false;
    focused = false;

    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      rules.afterReady('new BrowserWindow()');
      this.webContents = new StandInWebContents(rules);
      all.push(this);
      onCreated(this.webContents);
    }

    static getAllWindows(): StandInBrowserWindow[] {
      return [...all];
    }

    static getFocusedWindow(): StandInBrowserWindow | null {
      return all.find((window) => window.focused) ?? null;
    }

    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      const outcome = loadOutcome();
      if (outcome.ok) return;
      this.webContents.emit('did-fail-load', {}, outcome.errorCode, outcome.errorDescription, url, true, 1, 1);
      throw Object.assign(new Error(`${outcome.errorDescription} (${outcome.errorCode}) loading '${url}'`), { errno: outcome.errorCode });
    }

    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
  }
  return StandInBrowserWindow;
}
