/**
 * Connects the core's dispatcher to ipcMain: one handler per contract channel, each refusing
 * senders that are not our own renderer. Validation and error shaping happen in the core.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, IPC_PREFIX } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/ipc/dispatcher';
import { isTrustedSenderUrl } from '../core/trusted-sender';

export function registerIpcHandlers(dispatch: Dispatch, trustedOrigin: string): void {
  for (const name of channelNames) {
    ipcMain.handle(IPC_PREFIX + name, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, trustedOrigin)) {
        return { ok: false, error: { code: 'untrusted-sender', message: 'This message did not come from a Tokenbench window and was ignored.' } };
      }
      return dispatch(name, payload);
    });
  }
}
