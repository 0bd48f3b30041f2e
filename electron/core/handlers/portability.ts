/**
 * Handlers for export and import. The file is chosen by the main process (a save / open
 * dialog), never named by the renderer; the answers are summaries without secret values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { portabilityChannels } from '../../../shared/ipc/domains/portability';
import { buildExport, writeExportFile } from '../portability/export';
import { importText } from '../portability/import';
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

export function portabilityHandlers(deps: PortabilityHandlerDeps): HandlersOf<typeof portabilityChannels> {
  const files = () => deps.files ?? unavailable();

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

    'portability:import': async ({ passphrase, onConflict }) => {
      const filePath = await files().chooseImportFile();
      if (!filePath) return { imported: false, format: null, environments: [], credentials: [], skippedVariables: [], secretsWithoutValue: 0 };
      const summary = await importText(deps, readImportFile(filePath), path.basename(filePath), { passphrase, onConflict });
      deps.onImported?.();
      return summary;
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
