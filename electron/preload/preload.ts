/**
 * The preload: exposes the domain API (`window.tokenbench.environments.create(...)`) built
 * from the contract's channel names. No raw IPC is exposed and the IPC event object is
 * never passed on to the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, IPC_PREFIX } from '../../shared/ipc/contract';
import { buildRendererApi } from '../../shared/ipc/renderer-api';

contextBridge.exposeInMainWorld(
  'tokenbench',
  buildRendererApi(channelNames, eventNames, {
    invoke: (channel, request) => ipcRenderer.invoke(IPC_PREFIX + channel, request),
    subscribe: (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(IPC_PREFIX + event, forward);
      return () => ipcRenderer.removeListener(IPC_PREFIX + event, forward);
    },
  }),
);
