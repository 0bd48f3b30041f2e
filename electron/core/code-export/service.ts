/**
 * Export as code for the IPC handlers and the CLI: the credential's recipe with the flags (and
 * non-secret values) of one environment's variables; the file is written where the user chose.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Credential } from '../../../shared/domain/credential';
import type { Environment } from '../../../shared/domain/environment';
import { CodeExportError, exportCode, type CodeLanguage, type ExportedCode } from './export-code';

export interface CodeExportDeps {
  findCredential(id: string): Credential;
  findEnvironment(id: string): Environment;
  /** Plaintext values, when the vault is unlocked: used only to check none is in the file. */
  secretValues(environmentId: string): Promise<string[]>;
  /** The save dialog; null when cancelled. Absent where there is no window. */
  chooseFile?: (suggestedName: string) => Promise<string | null>;
}

export interface CodeExportRequest {
  credentialId: string;
  environmentId?: string;
  language: CodeLanguage;
}

export interface CodeExportService {
  generate(request: CodeExportRequest): Promise<ExportedCode>;
  save(request: CodeExportRequest): Promise<{ saved: boolean; fileName: string | null }>;
}

export function createCodeExportService(deps: CodeExportDeps): CodeExportService {
  async function generate({ credentialId, environmentId, language }: CodeExportRequest): Promise<ExportedCode> {
    const credential = deps.findCredential(credentialId);
    const envId = environmentId ?? credential.environmentIds[0];
    const environment = envId ? deps.findEnvironment(envId) : undefined;
    const variables = Object.fromEntries((environment?.variables ?? []).map((v) => [v.name, { value: v.secret ? undefined : v.value, secret: v.secret }]));
    try {
      return exportCode(
        { credentialName: credential.name, recipe: credential.recipe, variables, environmentName: environment?.name, secretValues: environment ? await deps.secretValues(environment.id) : [] },
        language,
      );
    } catch (error) {
      if (error instanceof CodeExportError) throw new AppError('invalid-request', error.message);
      throw error;
    }
  }

  return {
    generate,
    async save(request) {
      if (!deps.chooseFile) throw new AppError('invalid-request', 'Saving a file needs the app\'s save dialog; copy the code instead.');
      const exported = await generate(request);
      const target = await deps.chooseFile(exported.fileName);
      if (target === null) return { saved: false, fileName: null };
      await writeFile(target, exported.code, { mode: 0o644 });
      return { saved: true, fileName: path.basename(target) };
    },
  };
}
