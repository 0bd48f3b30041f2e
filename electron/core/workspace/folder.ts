/**
 * A workspace folder: `tokenbench-workspace.yaml` (what the folder is), and one YAML file per
 * environment, credential and saved request in `environments/`, `credentials/` and `requests/`.
 * Opened, it gives the same `DataFile` views the data folder's JSON files give, so every domain
 * service works on it unchanged. Machine-local bits (locks, an import's journal) go to
 * `.tokenbench/`, which the folder's `.gitignore` keeps out of git.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import type { SavedRequest } from '../../../shared/runner/saved';
import { CREDENTIALS_SCHEMA_VERSION, type CredentialsFile } from '../credentials/store';
import type { RequestsFile } from '../runner/saved-requests';
import type { DataFile } from '../store/data-file';
import { writeFileDurably } from '../store/durable-write';
import { DEFAULT_LOCK_STALE_MS, withFileLock } from '../store/file-lock';
import { WORKSPACE_SCHEMA_VERSION, type Workspace } from '../store/workspace';
import { credentialFiles, environmentFiles, requestFiles, type FileKind } from './documents';
import { kindSignature, readKind, writeKind, type BrokenFile, type KindContent } from './folder-kind';

export const MARKER_FILE = 'tokenbench-workspace.yaml';
const LOCAL_FOLDER = '.tokenbench';
const MARKER_TEXT = `# A Tokenbench workspace: environments, credential recipes and saved requests, one file each.
# Secret values are never in this folder: each machine keeps its own in its vault (or reads them
# from the team's secret manager). Open it with "Open workspace folder..." or --workspace DIR.
format: 1
`;
const GITIGNORE_TEXT = `# Locks and unfinished imports of the machine that has the folder open.
${LOCAL_FOLDER}/
`;

/** The masked hints of secret variables (e.g. "••••a1b2"): kept on this machine, never in the folder. */
export interface HintStore {
  read(): Readonly<Record<string, string>>;
  /** Replaces the hints of these environments. */
  write(environmentIds: readonly string[], hints: Record<string, string>): Promise<void>;
}

export interface WorkspaceFolder {
  root: string;
  environments: DataFile<Workspace>;
  credentials: DataFile<CredentialsFile>;
  requests: DataFile<RequestsFile>;
  /** Files that do not read, with their line: as of the last read of each kind. */
  broken(): BrokenFile[];
  /** Which kinds changed on disk since they were last read (after a `git pull`, say). */
  changedKinds(): ('environments' | 'credentials' | 'requests')[];
}

export function isWorkspaceFolder(root: string): boolean {
  return fs.existsSync(path.join(root, MARKER_FILE));
}

/** Makes `root` a workspace folder (the marker and the .gitignore); it must be empty or one already. */
export function createWorkspaceFolder(root: string): void {
  const absolute = path.resolve(root);
  if (fs.existsSync(absolute) && !isWorkspaceFolder(absolute)) {
    const entries = fs.readdirSync(absolute).filter((name) => name !== '.git');
    if (entries.length > 0) {
      throw new AppError('invalid-request', `${absolute} is not empty and is not a Tokenbench workspace (it has no ${MARKER_FILE}).`, {
        hint: 'Choose an empty folder (or a fresh git clone) for a new workspace.',
      });
    }
  }
  fs.mkdirSync(absolute, { recursive: true });
  if (!isWorkspaceFolder(absolute)) writeFileDurably(path.join(absolute, MARKER_FILE), MARKER_TEXT, { mode: 0o644 });
  if (!fs.existsSync(path.join(absolute, '.gitignore'))) writeFileDurably(path.join(absolute, '.gitignore'), GITIGNORE_TEXT, { mode: 0o644 });
}

export function openWorkspaceFolder(root: string, hints: HintStore): WorkspaceFolder {
  const absolute = path.resolve(root);
  if (!isWorkspaceFolder(absolute)) {
    throw new AppError('not-found', `${absolute} is not a Tokenbench workspace folder (it has no ${MARKER_FILE}).`, {
      hint: 'Open the folder a team shares (a git clone), or make one from your data with: tokenbench workspace init DIR',
    });
  }
  fs.mkdirSync(path.join(absolute, LOCAL_FOLDER), { recursive: true });
  const environments = kindView(absolute, environmentFiles, {
    wrap: (items): Workspace => ({ schemaVersion: WORKSPACE_SCHEMA_VERSION, environments: items.map((e) => withHints(e, hints.read())) }),
    unwrap: (file) => file.environments,
    afterWrite: async (file) => {
      const ids = file.environments.map((e) => e.id);
      const next = hintsOf(file.environments);
      if (!sameHints(hintsOf(file.environments.map((e) => withHints(e, hints.read()))), next)) await hints.write(ids, next);
    },
  });
  const credentials = kindView(absolute, credentialFiles, {
    wrap: (items: Credential[]): CredentialsFile => ({ schemaVersion: CREDENTIALS_SCHEMA_VERSION, credentials: items }),
    unwrap: (file) => file.credentials,
  });
  const requests = kindView(absolute, requestFiles, {
    wrap: (items: SavedRequest[]): RequestsFile => ({ requests: items }),
    unwrap: (file) => file.requests,
  });
  const views = [environments, credentials, requests];
  return {
    root: absolute,
    environments: environments.file,
    credentials: credentials.file,
    requests: requests.file,
    broken: () => views.flatMap((view) => view.broken()),
    changedKinds: () => views.filter((view) => view.changed()).map((view) => view.folder),
  };
}

interface KindView<F> {
  folder: 'environments' | 'credentials' | 'requests';
  file: DataFile<F>;
  broken(): BrokenFile[];
  changed(): boolean;
}

function kindView<T extends { id: string; name: string }, F extends object>(
  root: string,
  kind: FileKind<T>,
  shape: { wrap(items: T[]): F; unwrap(file: F): readonly T[]; afterWrite?(file: F): Promise<void> },
): KindView<F> {
  // Locks and the import journal look beside this path: in the machine-local folder.
  const lockPath = path.join(root, LOCAL_FOLDER, kind.folder);
  let content: KindContent<T> | undefined;
  let value: F | undefined;

  function load(): KindContent<T> {
    if (!content || content.signature !== kindSignature(root, kind as FileKind<never>)) {
      content = readKind(root, kind);
      value = undefined;
    }
    return content;
  }

  const file: DataFile<F> = {
    path: lockPath,
    read() {
      const current = load();
      value ??= deepFreeze(shape.wrap(current.items));
      return value;
    },
    update(change) {
      return withFileLock(lockPath, DEFAULT_LOCK_STALE_MS, async () => {
        content = undefined;
        const current = load();
        const next = change(shape.wrap(current.items));
        writeKind(root, kind, current, shape.unwrap(next));
        await shape.afterWrite?.(next);
        content = undefined;
        return file.read();
      });
    },
  };
  return {
    folder: kind.folder,
    file,
    broken: () => load().broken,
    changed: () => content !== undefined && content.signature !== kindSignature(root, kind as FileKind<never>),
  };
}

const hintKey = (environmentId: string, name: string) => `${environmentId}/${name}`;

function withHints(environment: Environment, hints: Readonly<Record<string, string>>): Environment {
  if (!environment.variables.some((v) => v.secret && v.ref === undefined)) return environment;
  return {
    ...environment,
    variables: environment.variables.map((v) => (v.secret && v.ref === undefined ? { ...v, hint: hints[hintKey(environment.id, v.name)] ?? null } : v)),
  };
}

function hintsOf(environments: readonly Environment[]): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const environment of environments) {
    for (const variable of environment.variables) {
      if (variable.secret && variable.hint !== null) hints[hintKey(environment.id, variable.name)] = variable.hint;
    }
  }
  return hints;
}

function sameHints(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, hint]) => b[key] === hint);
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
