/**
 * Export and import through the app's file dialogs. The file is chosen by the main process (a
 * save / open dialog), never named by the renderer; the answers are summaries without secret
 * values. The CLI names its files itself and calls `export.ts` / `import.ts` directly.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { buildExport, writeExportFile, type ExportOptions } from './export';
import type { ExportDocument } from './format';
import { importText, type ImportOptions } from './import';
import { planImport } from './plan';
import { describePlan } from './preview';
import { readImportSource, type ImportSource } from './read-source';
import type { PortabilitySources } from './sources';

/** The app's file dialogs; null when the user cancels. */
export interface FileChooser {
  chooseExportFile(suggestedName: string): Promise<string | null>;
  chooseImportFile(): Promise<string | null>;
  /** A folder to open as a workspace (the system's folder dialog). */
  chooseFolder?(): Promise<string | null>;
}

export interface PortabilityServiceDeps extends PortabilitySources {
  files?: FileChooser;
  /** Called after an import changed the workspace or the credentials (to tell every window). */
  onImported?: () => void;
}

/** How long a chosen file waits for its passphrase before it must be chosen again. */
const RETRY_MS = 10 * 60_000;

/** Answers that only need the file's passphrase: the chosen file is held for a retry. */
const PASSPHRASE_ERRORS = new Set(['export-passphrase-needed', 'export-wrong-passphrase']);

export interface PortabilityService {
  exportToChosenFile(request: RequestOf<'portability:export'>): Promise<ResponseOf<'portability:export'>>;
  /** What an import of the chosen file would create and what it cannot map; writes nothing. */
  previewChosenFile(request: RequestOf<'portability:preview'>): Promise<ResponseOf<'portability:preview'>>;
  importChosenFile(request: RequestOf<'portability:import'>): Promise<ResponseOf<'portability:import'>>;
  /** Writes an export to a file the caller named (the CLI). */
  exportToFile(filePath: string, options: ExportOptions): Promise<ExportDocument>;
  /** Imports the text of a file the caller read (the CLI). */
  importText(text: string, fileName: string, options: ImportOptions): Promise<ResponseOf<'portability:import'>>;
}

export function createPortabilityService(deps: PortabilityServiceDeps): PortabilityService {
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
    async exportToFile(filePath, options) {
      const document = await buildExport(deps, options);
      writeExportFile(filePath, document);
      return document;
    },

    async importText(text, fileName, options) {
      const summary = await importText(deps, text, fileName, options);
      deps.onImported?.();
      return summary;
    },

    async exportToChosenFile({ environmentIds, includeSecrets, passphrase }) {
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

    async previewChosenFile({ passphrase, retryId }) {
      const file = await chosenFile(retryId);
      if (!file) return { chosen: false, fileId: null, fileName: null, format: null, environments: [], credentials: [], collections: [], requests: [], skippedVariables: [], notMapped: [], secretsMoved: 0 };
      try {
        const plan = await planImport(file.text, file.fileName, passphrase, file.folder);
        return { chosen: true, fileId: hold(file, retryId), fileName: file.fileName, ...describePlan(plan) };
      } catch (error) {
        throw withRetryId(error, file, retryId);
      }
    },

    async importChosenFile({ passphrase, onConflict, retryId }) {
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

function unavailable(): never {
  throw new AppError('unavailable', 'Files cannot be chosen here.', { hint: 'Use the tokenbench CLI: tokenbench export FILE / tokenbench import FILE.' });
}
