/**
 * Electron entry point. Deliberately thin: it resolves the data directory, builds the
 * electron-free core with `createMainServices`, and connects it to IPC and one window.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, shell } from 'electron';
import { IPC_PREFIX } from '../../shared/ipc/contract';
import { resolveDataDir } from '../core/data-dir';
import { createMainServices, type MainServices } from '../core/services';
import { electronConfirmation } from './confirmation-dialog';
import { electronCertificateFileChooser, electronFileChooser } from './file-dialogs';
import { registerIpcHandlers } from './ipc';
import { electronKeychain } from './keychain';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { explainOtherDataDir, type InstanceData } from './second-instance';
import { createMainWindow, hardenSessionAndContents } from './window';
import { DEFAULT_FLEET_KEY_REFERENCE } from '../core/fleet/fleet';

const here = path.dirname(fileURLToPath(import.meta.url));
// A packaged app never loads a dev server, whatever the environment says: that page would get full IPC.
const devServerUrl = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;
const trustedOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

registerAppScheme();

function failToStart(error: unknown): void {
  dialog.showErrorBox('Tokenbench could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

let dataDir: string | undefined;
try {
  dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
} catch (error) {
  failToStart(error);
}
if (dataDir !== undefined) {
  const instance: InstanceData = { dataDir };
  if (!app.requestSingleInstanceLock(instance)) {
    app.quit();
  } else {
    start(dataDir).catch(failToStart);
  }
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady();
  hardenSessionAndContents(trustedOrigin);
  if (!devServerUrl) serveRenderer(path.join(here, '../dist'));

  // `conf` writes the data files in the data folder, as in the CLI. (electron-store would also
  // register a synchronous IPC listener that answers any sender.)
  const services: MainServices = await createMainServices({
    dataDir, keychain: electronKeychain, clipboard, files: electronFileChooser, certificateFiles: electronCertificateFileChooser,
    confirmation: electronConfirmation,
    // The workspace folder the user had open, if any (README, "Workspaces in git").
    workspace: 'remembered',
    // The sign-in of an authorization-code credential happens in the user's own browser (RFC 8252).
    userAgent: { openAuthorization: ({ url }) => shell.openExternal(url) },
    // The fleet's shared cache, as in the CLI (README, "For teams").
    ...(process.env.TOKENBENCH_CACHE ? { fleet: { cacheUrl: process.env.TOKENBENCH_CACHE, keyReference: process.env.TOKENBENCH_FLEET_KEY_REF || DEFAULT_FLEET_KEY_REFERENCE } } : {}),
  });
  registerIpcHandlers(services.dispatch, trustedOrigin);

  let window: BrowserWindow | undefined;
  const open = () => {
    window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      onStartFailed: (reason) => {
        dialog.showErrorBox('Tokenbench could not open its window', reason);
        app.quit();
      },
    });
    window.on('closed', () => (window = undefined));
  };
  services.onEvent((event, payload) => window?.webContents.send(IPC_PREFIX + event, payload));

  app.on('second-instance', (_event, _argv, _workingDirectory, additionalData) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    explainOtherDataDir(dataDir, additionalData, window);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for the clean-up: a copied secret leaves the clipboard, the demo servers stop.
  let cleanedUp = false;
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    services
      .dispose()
      .catch((error: unknown) => process.stderr.write(`Tokenbench: clean-up on quit failed: ${services.secrets.redact(String(error))}\n`))
      .finally(() => {
        cleanedUp = true;
        app.quit();
      });
  });
  open();
}
