/**
 * Handlers for export and import. The file is chosen by the main process (a save / open
 * dialog), never named by the renderer; the answers are summaries without secret values.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { portabilityChannels } from '../../../shared/ipc/domains/portability';
import { buildExport, writeExportFile } from '../portability/export';
import { importText } from '../portability/import';
import { planImport } from '../portability/plan';
import { describePlan } from '../portability/preview';
import { readImportSource, type ImportSource } from '../portability/read-source';
import type { PortabilitySources } from '../portability/sources';
import type { HandlersOf } from './handler-types';

/** The app's file dialogs; null when the user cancels. */
export interface FileChooser {
  chooseExportFile(suggestedName: string): Promise<string | null>;
  chooseImportFile(): Promise<string | null>;
}

export interface PortabilityHandlerDeps extends PortabilitySources {
  files?: FileChooser;
  /** Called after an import changed the workspace or the credentials (to tell every window). */
  onImported?: () => void;
}

/** How long a chosen file waits for its passphrase before it must be chosen again. */
const RETRY_MS = 10 * 60_000;

/** Answers that only need the file's passphrase: the chosen file is held for a retry. */
const PASSPHRASE_ERRORS = new Set(['export-passphrase-needed', 'export-wrong-passphrase']);

export function portabilityHandlers(deps: PortabilityHandlerDeps): HandlersOf<typeof portabilityChannels> {
  const files = () => deps.files ?? unavailable();
  // The renderer never names paths: a file that needs a passphrase is kept here (its secrets are
  // encrypted in it) under an opaque id, so the user does not have to choose it again.
  const waiting = new Map<string, ImportSource & { until: number }>();

  async function chosenFile(retryId: string | undefined): Promise<ImportSource | null> {
    if (retryId) {
      const held = waiting.get(retryId);
      if (!held || held.until < deps.clock.now()) {
        waiting.delete(retryId ?? '');
        throw new AppError('not-found', 'The file chosen for this import is no longer held.', { hint: 'Choose the file again.' });
      }
      return held;
    }
    const filePath = await files().chooseImportFile();
    return filePath ? readImportSource(filePath) : null;
  }

  /** Keeps the chosen file for the next step (passphrase, then import) under an opaque id. */
  function hold(file: ImportSource, retryId: string | undefined): string {
    const id = retryId ?? randomUUID();
    waiting.set(id, { ...file, until: deps.clock.now() + RETRY_MS });
    return id;
  }

  function withRetryId(error: unknown, file: ImportSource, retryId: string | undefined): unknown {
    if (!(error instanceof AppError) || !PASSPHRASE_ERRORS.has(error.code)) return error;
    const id = hold(file, retryId);
    return new AppError(error.code, error.message, { ...(error.hint ? { hint: error.hint } : {}), details: { ...error.details, retryId: id }, cause: error });
  }

  return {
    'portability:export': async ({ environmentIds, includeSecrets, passphrase }) => {
      // A locked vault fails before the dialog opens, not after the user chose a file.
      if (includeSecrets) deps.vault.secrets.requireUnlocked();
      const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
      const filePath = await files().chooseExportFile(`tokenbench-export-${day}.json`);
      if (!filePath) return { saved: false, fileName: null, environments: 0, credentials: 0, secretsIncluded: false };
      const document = await buildExport(deps, { environmentIds, secretsPassphrase: includeSecrets ? passphrase : undefined });
      writeExportFile(filePath, document);
      return {
        saved: true,
        fileName: path.basename(filePath),
        environments: document.environments.length,
        credentials: document.credentials.length,
        secretsIncluded: document.secrets !== null,
      };
    },

    'portability:preview': async ({ passphrase, retryId }) => {
      const file = await chosenFile(retryId);
      if (!file) return { chosen: false, fileId: null, fileName: null, format: null, environments: [], credentials: [], collections: [], requests: [], skippedVariables: [], notMapped: [], secretsMoved: 0 };
      try {
        const plan = await planImport(file.text, file.fileName, passphrase, file.folder);
        return { chosen: true, fileId: hold(file, retryId), fileName: file.fileName, ...describePlan(plan) };
      } catch (error) {
        throw withRetryId(error, file, retryId);
      }
    },

    'portability:import': async ({ passphrase, onConflict, retryId }) => {
      const file = await chosenFile(retryId);
      if (!file) return { imported: false, format: null, environments: [], credentials: [], skippedVariables: [], secretsWithoutValue: 0, collections: [], requests: 0, notMapped: [], secretsMoved: 0 };
      try {
        const summary = await importText(deps, file.text, file.fileName, { passphrase, onConflict, folder: file.folder });
        if (retryId) waiting.delete(retryId);
        deps.onImported?.();
        return summary;
      } catch (error) {
        throw withRetryId(error, file, retryId);
      }
    },
  };
}

export function readImportFile(filePath: string): string {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new AppError('import-unreadable', `${path.basename(filePath)} could not be read: ${(error as Error).message}`);
  }
}

function unavailable(): never {
  throw new AppError('unavailable', 'Files cannot be chosen here.', { hint: 'Use the tokenbench CLI: tokenbench export FILE / tokenbench import FILE.' });
}
