/**
 * Builds and writes an export (format in README.md). By default it holds the names of secret
 * variables but not their values; with a passphrase it also holds the values, encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type SecretValue } from './format';
import { encryptSecrets } from './secret-envelope';
import type { PortabilitySources } from './sources';

export interface ExportOptions {
  /** Which environments; all when absent. */
  environmentIds?: string[];
  /** Include secret values, encrypted with this passphrase. */
  secretsPassphrase?: string;
}

export async function buildExport(sources: PortabilitySources, options: ExportOptions = {}): Promise<ExportDocument> {
  const all = sources.workspace.read().environments;
  const wanted = options.environmentIds ? new Set(options.environmentIds) : undefined;
  const environments = wanted ? all.filter((e) => wanted.has(e.id)) : all;
  if (wanted && environments.length !== wanted.size) {
    throw new AppError('not-found', 'One of the chosen environments no longer exists.', { hint: 'Reload the list and choose again.' });
  }
  const exportedIds = new Map(environments.map((e) => [e.id, e.name]));

  const secrets: SecretValue[] = [];
  if (options.secretsPassphrase !== undefined) {
    for (const environment of environments) {
      for (const variable of environment.variables.filter((v) => v.secret && v.hint !== null)) {
        secrets.push({ environment: environment.name, name: variable.name, value: sources.variables.readSecret(environment.id, variable.name) });
      }
    }
  }

  const credentials = (sources.credentials?.read().credentials ?? [])
    .filter((c) => !wanted || c.environmentIds.some((id) => exportedIds.has(id)))
    .map((c) => ({
      name: c.name,
      presetId: c.presetId,
      recipe: c.recipe,
      environments: c.environmentIds.flatMap((id) => (exportedIds.has(id) ? [exportedIds.get(id)!] : [])),
    }));

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(sources.clock.now()).toISOString(),
    environments: environments.map((e) => ({
      name: e.name,
      production: e.production,
      allowedHosts: e.allowedHosts,
      allowInsecureTls: e.allowInsecureTls,
      confirmProduction: e.confirmProduction,
      variables: e.variables.map((v) => ({ name: v.name, value: v.secret ? '' : v.value, secret: v.secret, description: v.description })),
    })),
    credentials,
    secrets: options.secretsPassphrase !== undefined ? await encryptSecrets(secrets, options.secretsPassphrase, sources.scryptCost) : null,
  };
}

/** Writes the file atomically, readable by its owner only. */
export function writeExportFile(filePath: string, document: ExportDocument): void {
  const staging = path.join(path.dirname(filePath), `.${path.basename(filePath)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(staging, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(staging, filePath);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    throw new AppError('export-failed', `The export could not be saved to ${filePath}: ${(error as Error).message}`, { hint: 'Choose another folder.' });
  }
}
