/**
 * Workspace folders for the app and the CLI: opening one (all services then read and write its
 * files), going back to the data folder's own files, making one from the current data, and
 * reading the folder again when others change it (a `git pull`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { WorkspaceStatus } from '../../../shared/ipc/contract';
import type { CredentialsFile } from '../credentials/store';
import type { Emit } from '../context';
import type { RequestsFile } from '../runner/saved-requests';
import type { DataFile } from '../store/data-file';
import type { Workspace } from '../store/workspace';
import { createWorkspaceFolder, isWorkspaceFolder, openWorkspaceFolder, type WorkspaceFolder } from './folder';
import { hintStore, type WorkspaceSettings } from './local-settings';
import type { SwitchableFile } from './switchable-file';
import { watchFolder } from './watch';

export interface WorkspaceFiles {
  environments: SwitchableFile<Workspace>;
  credentials: SwitchableFile<CredentialsFile>;
  requests: SwitchableFile<RequestsFile>;
}

export interface WorkspaceServiceDeps {
  files: WorkspaceFiles;
  settings: DataFile<WorkspaceSettings>;
  emit: Emit;
  /** The system's folder dialog; absent where there is no window. */
  chooseFolder?: () => Promise<string | null>;
  /** Watch the open folder for changes by others (the app); a CLI command runs too briefly to need it. */
  watch: boolean;
  /** How long the folder must be quiet after a change before it is read again. */
  quietMs?: number;
  log(message: string): void;
}

export interface WorkspaceInitResult {
  folder: string;
  environments: number;
  credentials: number;
  requests: number;
}

export interface WorkspaceService {
  status(): WorkspaceStatus;
  /** Opens a workspace folder; `remember` opens it again at the next start (the app). */
  open(folder: string, options?: { remember?: boolean }): Promise<WorkspaceStatus>;
  /** The "Open workspace folder..." action; null when the dialog was cancelled. */
  openChosen(): Promise<WorkspaceStatus | null>;
  close(): Promise<WorkspaceStatus>;
  /** Makes `folder` (empty, or a fresh clone) a workspace holding the current data; the open files do not change. */
  init(folder: string): Promise<WorkspaceInitResult>;
  /** Reads the open folder again and tells every window what changed (the watcher calls this). */
  reload(): void;
  dispose(): void;
}

const DEFAULT_QUIET_MS = 300;

export function createWorkspaceService(deps: WorkspaceServiceDeps): WorkspaceService {
  const hints = hintStore(deps.settings);
  let open: WorkspaceFolder | undefined;
  let stopWatching: (() => void) | undefined;

  const status = (): WorkspaceStatus => ({ folder: open?.root ?? null, broken: open ? open.broken() : [] });

  function announceAll(): void {
    deps.emit('environments:changed', [...deps.files.environments.read().environments]);
    deps.emit('credentials:changed', [...deps.files.credentials.read().credentials]);
    deps.emit('requests:changed', [...deps.files.requests.read().requests]);
    deps.emit('workspace:changed', status());
  }

  function use(folder: WorkspaceFolder | undefined): void {
    stopWatching?.();
    stopWatching = undefined;
    open = folder;
    deps.files.environments.use(folder?.environments ?? deps.files.environments.own);
    deps.files.credentials.use(folder?.credentials ?? deps.files.credentials.own);
    deps.files.requests.use(folder?.requests ?? deps.files.requests.own);
    if (folder && deps.watch) {
      stopWatching = watchFolder(folder.root, {
        quietMs: deps.quietMs ?? DEFAULT_QUIET_MS,
        onChange: () => service.reload(),
        onError: (error) => deps.log(`Watching the workspace folder ${folder.root} failed (${error.message}); changes made there show after reopening it.`),
      });
    }
  }

  async function init(folder: string): Promise<WorkspaceInitResult> {
    createWorkspaceFolder(folder);
    const target = openWorkspaceFolder(folder, hints);
    const already = target.environments.read().environments.length + target.credentials.read().credentials.length + target.requests.read().requests.length + target.broken().length;
    if (already > 0) {
      throw new AppError('conflict', `${target.root} is a workspace already and holds files; nothing was written.`, { hint: 'Open it instead, or choose an empty folder.' });
    }
    const environments = deps.files.environments.read().environments;
    const credentials = deps.files.credentials.read().credentials;
    const requests = deps.files.requests.read().requests;
    await target.environments.update((current) => ({ ...current, environments: [...environments] }));
    await target.credentials.update((current) => ({ ...current, credentials: [...credentials] }));
    await target.requests.update((current) => ({ ...current, requests: [...requests] }));
    return { folder: target.root, environments: environments.length, credentials: credentials.length, requests: requests.length };
  }

  const service: WorkspaceService = {
    status,
    async open(folder, options = {}) {
      use(openWorkspaceFolder(folder, hints));
      if (options.remember) await deps.settings.update((current) => ({ ...current, folder: open!.root }));
      announceAll();
      return status();
    },
    async openChosen() {
      if (!deps.chooseFolder) throw new AppError('invalid-request', 'There is no folder dialog here.', { hint: 'Use tokenbench --workspace DIR in a terminal.' });
      const folder = await deps.chooseFolder();
      if (!folder) return null;
      if (!isWorkspaceFolder(folder) && isEmptyFolder(folder)) await init(folder);
      return service.open(folder, { remember: true });
    },
    async close() {
      use(undefined);
      await deps.settings.update((current) => ({ ...current, folder: null }));
      announceAll();
      return status();
    },
    init,
    reload() {
      if (!open) return;
      const changed = open.changedKinds();
      if (changed.length === 0) return;
      if (changed.includes('environments')) deps.emit('environments:changed', [...deps.files.environments.read().environments]);
      if (changed.includes('credentials')) deps.emit('credentials:changed', [...deps.files.credentials.read().credentials]);
      if (changed.includes('requests')) deps.emit('requests:changed', [...deps.files.requests.read().requests]);
      deps.emit('workspace:changed', status());
    },
    dispose() {
      stopWatching?.();
      stopWatching = undefined;
    },
  };
  return service;
}

function isEmptyFolder(folder: string): boolean {
  try {
    return fs.readdirSync(path.resolve(folder)).filter((name) => name !== '.git').length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
