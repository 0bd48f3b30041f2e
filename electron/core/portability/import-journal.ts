/**
 * What an import is about to add, written down (`import.pending.json`) before it writes anything
 * and removed once it is done. An import killed half-way leaves the note behind, and the next
 * process to open the folder takes back what that import had written: an import is all there or
 * not there at all, even across a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CredentialsFile } from '../credentials/store';
import type { RequestsFile } from '../runner/saved-requests';
import type { DataFile } from '../store/data-file';
import { writeFileDurably } from '../store/durable-write';
import { DEFAULT_LOCK_STALE_MS, withFileLocks } from '../store/file-lock';
import type { Workspace } from '../store/workspace';
import type { SealedStore } from '../vault/sealed-store';

export interface ImportJournal {
  environmentIds: string[];
  credentialIds: string[];
  secretIds: string[];
  /** Saved requests a collection import adds (absent in notes written before collections were imported). */
  requestIds?: string[];
}

export interface JournalFiles {
  workspace: DataFile<Workspace>;
  credentials?: DataFile<CredentialsFile>;
  requests?: DataFile<RequestsFile>;
  secrets: Pick<SealedStore, 'path' | 'discard'>;
}

const journalPath = (files: JournalFiles) => path.join(path.dirname(files.workspace.path), 'import.pending.json');

/** The files an import changes, whose locks it holds (and so does the undo). */
export function importLockPaths(files: JournalFiles): string[] {
  return [files.workspace.path, files.secrets.path, ...(files.credentials ? [files.credentials.path] : []), ...(files.requests ? [files.requests.path] : [])];
}

/** Called with the import's locks held, before it writes anything. */
export function beginImport(files: JournalFiles, journal: ImportJournal): void {
  writeFileDurably(journalPath(files), JSON.stringify(journal));
}

/** Called with the import's locks held, once everything is written and read back. */
export function endImport(files: JournalFiles): void {
  fs.rmSync(journalPath(files), { force: true });
}

/**
 * Takes back what an interrupted import wrote, if one was interrupted; returns whether it did.
 * Safe while another process imports: it waits for the same locks, and by then that import's
 * note is gone.
 */
export async function undoInterruptedImport(files: JournalFiles): Promise<boolean> {
  if (!fs.existsSync(journalPath(files))) return false;
  return withFileLocks(importLockPaths(files), DEFAULT_LOCK_STALE_MS, () => undoLocked(files));
}

/** The same, for a caller that holds the import's locks already. */
export async function undoLocked(files: JournalFiles): Promise<boolean> {
  let text: string;
  try {
    text = fs.readFileSync(journalPath(files), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const journal = JSON.parse(text) as ImportJournal;
  const environments = new Set(journal.environmentIds);
  const credentials = new Set(journal.credentialIds);
  const secrets = new Set(journal.secretIds);
  await files.secrets.discard((id) => secrets.has(id));
  if (files.workspace.read().environments.some((e) => environments.has(e.id))) {
    await files.workspace.update((current) => ({ ...current, environments: current.environments.filter((e) => !environments.has(e.id)) }));
  }
  if (files.credentials?.read().credentials.some((c) => credentials.has(c.id))) {
    await files.credentials.update((current) => ({ ...current, credentials: current.credentials.filter((c) => !credentials.has(c.id)) }));
  }
  const requests = new Set(journal.requestIds ?? []);
  if (files.requests?.read().requests.some((r) => requests.has(r.id))) {
    await files.requests.update((current) => ({ ...current, requests: current.requests.filter((r) => !requests.has(r.id)) }));
  }
  endImport(files);
  return true;
}
