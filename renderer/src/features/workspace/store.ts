/**
 * The open workspace folder and its broken files, kept in step by the `workspace:changed` event
 * (opened, closed, or changed on disk by a git pull).
 */
import { api } from '../../lib/api';
import { createStatusStore } from '../../state/status-store';

export const useWorkspace = createStatusStore('workspace:changed', () => api.workspace.status({}));

/** "team-workspace" for "/home/me/src/team-workspace". */
export function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
}
