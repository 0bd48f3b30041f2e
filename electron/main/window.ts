/**
 * The main window, hardened per Electron's security checklist: context isolation, sandbox,
 * no Node integration, web security on; new windows, navigation, webviews and permission
 * requests are all refused.
 */
import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { isTrustedSenderUrl } from '../core/trusted-sender';

export function hardenSessionAndContents(trustedOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser; the app itself never opens windows.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedSenderUrl(url, trustedOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedSenderUrl(url, trustedOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function createMainWindow(options: { preloadPath: string; startUrl: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tokenbench',
    backgroundColor: '#1b1d23',
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
