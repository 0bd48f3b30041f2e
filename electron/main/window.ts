/**
 * The main window, hardened per Electron's security checklist: context isolation, sandbox,
 * no Node integration, web security on; new windows, navigation away from our page (in any
 * frame), redirects and webviews are refused, and of the permissions only clipboard writing
 * is granted, to our own page.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type Event } from 'electron';
import { externalLinkTarget } from '../core/external-links';
import { isTrustedSenderUrl } from '../core/trusted-sender';
import { isPermissionGranted } from './permissions';

export function hardenSessionAndContents(trustedOrigin: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, trustedOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, trustedOrigin));
  const stayOnOurPage = (event: Event<{ url: string }>) => {
    if (!isTrustedSenderUrl(event.url, trustedOrigin)) event.preventDefault();
  };

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, once the user agrees: a compromised
      // page must not be able to send the browser anywhere silently. The app never opens windows.
      const target = externalLinkTarget(url);
      if (target) void confirmAndOpen(target);
      return { action: 'deny' };
    });
    contents.on('will-navigate', stayOnOurPage);
    contents.on('will-frame-navigate', stayOnOurPage);
    contents.on('will-redirect', stayOnOurPage);
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

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  /** The start page could not be loaded: the window would stay invisible, so the app must not stay running. */
  onStartFailed(reason: string): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
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
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    options.onStartFailed(reason);
  };
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 (ERR_ABORTED) is a load replaced by another one, not a failure.
    if (isMainFrame && errorCode !== -3) fail(`${errorDescription} (${errorCode}) loading ${validatedURL}`);
  });
  // The same failure also rejects loadURL; whichever comes first is reported, once.
  window.loadURL(options.startUrl).catch((error: { errno?: number; message?: string }) => {
    if (error.errno !== -3) fail(error.message ?? String(error));
  });
  return window;
}
