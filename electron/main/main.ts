/**
 * Electron entry point. Deliberately thin: it resolves the data directory, builds the
 * electron-free core with `createMainServices`, and connects it to IPC and one window.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog } from 'electron';
import ElectronStore from 'electron-store';
import { IPC_PREFIX } from '../../shared/ipc/contract';
import { resolveDataDir } from '../core/data-dir';
import { createMainServices, type MainServices } from '../core/services';
import type { StoreClass } from '../core/store/data-file';
import { electronConfirmation } from './confirmation-dialog';
import { electronFileChooser } from './file-dialogs';
import { registerIpcHandlers } from './ipc';
import { electronKeychain } from './keychain';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, hardenSessionAndContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.VITE_DEV_SERVER_URL;
const trustedOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((error: unknown) => {
    dialog.showErrorBox('Tokenbench could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  await app.whenReady();
  hardenSessionAndContents(trustedOrigin);
  if (!devServerUrl) serveRenderer(path.join(here, '../dist'));

  const services: MainServices = await createMainServices({
    dataDir,
    storeClass: ElectronStore as unknown as StoreClass,
    keychain: electronKeychain,
    clipboard,
    files: electronFileChooser,
    confirmation: electronConfirmation,
  });
  registerIpcHandlers(services.dispatch, trustedOrigin);

  let window: BrowserWindow | undefined;
  const open = () => {
    window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    });
    window.on('closed', () => (window = undefined));
  };
  services.onEvent((event, payload) => window?.webContents.send(IPC_PREFIX + event, payload));

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services.dispose());
  open();
}
