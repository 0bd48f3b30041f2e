/**
 * What the composition root needs for workspace folders: the three switchable data files every
 * service holds, and the service that switches them, opened on the folder asked for.
 */
import type { StoreProblem } from '../../../shared/ipc/contract';
import type { Emit } from '../context';
import type { CredentialsFile } from '../credentials/store';
import type { RequestsFile } from '../runner/saved-requests';
import type { DataFile } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import { openWorkspaceSettings } from './local-settings';
import { createWorkspaceService, type WorkspaceService } from './service';
import { switchableFile } from './switchable-file';

/**
 * `{ folder }`: that folder, or an error (the CLI's --workspace; watched for changes only when
 * asked); 'remembered': the one the app had open, if it still opens.
 */
export type WorkspaceChoice = { folder: string; watch?: boolean } | 'remembered';

export function openWorkspaceFiles(
  own: { environments: DataFile<Workspace>; credentials: DataFile<CredentialsFile>; requests: DataFile<RequestsFile> },
  local: { dataDir: string; problems: StoreProblem[] },
) {
  const files = { environments: switchableFile(own.environments), credentials: switchableFile(own.credentials), requests: switchableFile(own.requests) };
  const settings = openWorkspaceSettings(local);
  return {
    ...files,
    /** Environments of workspace folders whose secret values this machine's vault holds (their hints are kept here). */
    folderEnvironmentIds: () => [...new Set(Object.keys(settings.read().hints).map((key) => key.slice(0, key.lastIndexOf('/'))))],
    async service(options: {
      problems: StoreProblem[];
      emit: Emit;
      choice: WorkspaceChoice | undefined;
      chooseFolder?: () => Promise<string | null>;
      log(message: string): void;
    }): Promise<WorkspaceService> {
      const service = createWorkspaceService({ files, settings, emit: options.emit, chooseFolder: options.chooseFolder, watch: typeof options.choice === 'object' ? (options.choice.watch ?? false) : true, log: options.log });
      if (options.choice === 'remembered') {
        const folder = settings.read().folder;
        if (folder) {
          await service.open(folder).catch((error: unknown) => {
            // The data folder's own files are used instead, and the user is told why.
            const message = `The workspace folder ${folder} could not be opened (${error instanceof Error ? error.message : String(error)}); the data folder's own environments, credentials and requests are shown. Open the workspace folder again when it is back.`;
            options.problems.push({ file: folder, message });
            options.log(message);
          });
        }
      } else if (options.choice) {
        await service.open(options.choice.folder);
      }
      return service;
    },
  };
}
