/**
 * The open workspace folder and its broken files, kept in step by the `workspace:changed` event
 * (opened, closed, or changed on disk by a git pull).
 */
import { create } from 'zustand';
import type { WorkspaceStatus } from '../../../../shared/ipc/contract';
import type { ErrorInfo } from '../../../../shared/errors';
import { api } from '../../lib/api';

interface WorkspaceState {
  status: WorkspaceStatus | null;
  error: ErrorInfo | null;
  load(): Promise<void>;
  receive(status: WorkspaceStatus): void;
}

export const useWorkspace = create<WorkspaceState>((set) => {
  let listening = false;
  return {
    status: null,
    error: null,
    async load() {
      if (!listening) {
        listening = true;
        api.on('workspace:changed', (status) => set({ status }));
      }
      const result = await api.workspace.status({});
      set(result.ok ? { status: result.value, error: null } : { error: result.error });
    },
    receive: (status) => set({ status }),
  };
});

/** "team-workspace" for "/home/me/src/team-workspace". */
export function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
}
