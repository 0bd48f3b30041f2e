/** IPC adapter for workspace folders. */
import type { workspaceChannels } from '../../../shared/ipc/domains/workspace';
import type { WorkspaceService } from '../workspace/service';
import type { HandlersOf } from './handler-types';

export function workspaceHandlers(workspace: WorkspaceService): HandlersOf<typeof workspaceChannels> {
  return {
    'workspace:status': async () => workspace.status(),
    'workspace:open': () => workspace.openChosen(),
    'workspace:close': () => workspace.close(),
  };
}
