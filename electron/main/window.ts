/**
 * The main window, hardened per Electron's security checklist: context isolation, sandbox,
 * no Node integration, web security on; new windows, navigation, webviews and permission
 * requests are all refused.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { externalLinkTarget } from '../core/external-links';
import { isTrustedSenderUrl } from '../core/trusted-sender';

export function hardenSessionAndContents(trustedOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, once the user agrees: a compromised
      // page must not be able to send the browser anywhere silently. The app never opens windows.
      const target = externalLinkTarget(url);
      if (target) void confirmAndOpen(target);
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

async function confirmAndOpen(target: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: `Open ${new URL(target).host} in your browser?`,
    detail: target,
  };
  const window = BrowserWindow.getFocusedWindow();
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(target);
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
