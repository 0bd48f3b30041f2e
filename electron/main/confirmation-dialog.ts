/**
 * The native confirmation dialog: the main process asks, so a compromised renderer can neither
 * answer nor skip it (see electron/core/allowed-hosts/confirmation.ts).
 */
import { BrowserWindow, dialog } from 'electron';
import type { ConfirmationPort } from '../core/allowed-hosts/confirmation';

export const electronConfirmation: ConfirmationPort = {
  async confirm(question) {
    const window = BrowserWindow.getFocusedWindow();
    const options = {
      type: 'warning' as const,
      title: question.title,
      message: question.message,
      detail: question.detail,
      buttons: ['Cancel', question.confirmLabel],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return result.response === 1;
  },
};
