/** Native save/open dialogs for export and import, attached to the app's window. */
import { BrowserWindow, dialog } from 'electron';
import type { CertificateFileChooser } from '../core/client-tls/chosen-files';
import type { FileChooser } from '../core/portability/service';

const jsonFiles = [{ name: 'Tokenbench or Postman JSON', extensions: ['json'] }];

export const electronFileChooser: FileChooser = {
  async chooseExportFile(suggestedName) {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Export environments', defaultPath: suggestedName, filters: jsonFiles };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseImportFile() {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Import environments', filters: jsonFiles, properties: ['openFile' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseFolder() {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Open workspace folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};

const certificateFiles = [
  { name: 'Certificates, keys and PKCS#12', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] },
  { name: 'All files', extensions: ['*'] },
];

/** The open dialog for an environment's client certificate, key, PKCS#12 file or CA. */
export const electronCertificateFileChooser: CertificateFileChooser = {
  async chooseCertificateFile() {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Choose a certificate, key or PKCS#12 file', filters: certificateFiles, properties: ['openFile' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
