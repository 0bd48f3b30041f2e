/**
 * Reading an import file into one plan, whatever its format: our export (format.ts), a
 * Postman environment (`{ name, values: [{ key, value, type, enabled }] }`, where values of type
 * `secret` become secret variables), or a collection from another tool (../collection-import),
 * recognised from its content. Nothing is written here.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { environmentNameSchema, variableNameSchema } from '../../../shared/domain/environment';
import type { ImportSummary } from '../../../shared/ipc/domains/portability';
import { detectCollection, type FolderFiles } from '../collection-import/detect';
import { planCollection } from './plan-collection';
import { parseUntrustedDocument } from './untrusted-document';
import { EXPORT_FORMAT, EXPORT_VERSION, MAX_VALUE_CHARACTERS, exportDocumentSchema, type ExportedCredential, type ExportedEnvironment } from './format';
import { decryptSecrets } from './secret-envelope';
import type { ImportPlan, PlannedVariable } from './plan-types';

export type { ImportPlan, PlannedEnvironment, PlannedRequest, PlannedVariable } from './plan-types';

const postmanEnvironmentSchema = z.object({
  name: z.string(),
  values: z.array(z.object({ key: z.string().max(1000), value: z.unknown().optional(), type: z.string().max(100).optional(), enabled: z.boolean().optional() })).max(10_000),
});

export async function planImport(text: string, fileName: string, passphrase: string | undefined, folder?: FolderFiles): Promise<ImportPlan> {
  const raw = parseUntrustedDocument(text, fileName);
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (record.format === EXPORT_FORMAT) return planOurs(record, fileName, passphrase);
  if (Array.isArray(record.values) && typeof record.name === 'string') return planPostman(record, fileName);
  const collection = detectCollection(raw, fileName, folder);
  if (collection) return planCollection(collection, fileName);
  throw new AppError(
    'import-unknown-format',
    `${fileName} is neither a Tokenbench export nor a Postman environment or collection, an Insomnia export, a Bruno collection or an OpenAPI 3 document.`,
    { hint: 'Export it from the other tool again, or check that it is the file you meant.' },
  );
}

async function planOurs(record: Record<string, unknown>, fileName: string, passphrase: string | undefined): Promise<ImportPlan> {
  if (typeof record.version === 'number' && record.version > EXPORT_VERSION) {
    throw new AppError('import-too-new', `${fileName} was exported by a newer Tokenbench (export format ${record.version}).`, { hint: 'Update Tokenbench to import it.' });
  }
  const parsed = exportDocumentSchema.safeParse(record);
  if (!parsed.success) throw new AppError('import-invalid', `${fileName} is a Tokenbench export, but it is damaged: ${z.prettifyError(parsed.error)}`);
  const document = parsed.data;
  refuseUnknownNames(document.environments, document.credentials, fileName);
  const secretValues = document.secrets ? await decryptSecrets(document.secrets, passphrase) : [];
  const valueOf = (environment: string, name: string) => secretValues.find((s) => s.environment === environment && s.name === name)?.value ?? null;
  return {
    format: 'tokenbench',
    environments: document.environments.map((environment) => ({
      ...environment,
      variables: environment.variables.map((v) => ({ ...v, value: v.secret ? valueOf(environment.name, v.name) : v.value })),
    })),
    credentials: document.credentials,
    skippedVariables: [],
  };
}

/** A name used twice, or a credential used in an environment the file does not hold, would be imported wrongly. */
function refuseUnknownNames(environments: ExportedEnvironment[], credentials: ExportedCredential[], fileName: string): void {
  const names = new Set<string>();
  for (const environment of environments) {
    const key = environment.name.toLowerCase();
    if (names.has(key)) throw new AppError('import-invalid', `${fileName} holds two environments named "${environment.name}". Nothing was imported.`, { hint: 'Rename one of them in the file.' });
    names.add(key);
  }
  for (const credential of credentials) {
    const unknown = credential.environments.filter((name) => !names.has(name.toLowerCase()));
    if (unknown.length > 0) {
      throw new AppError('import-invalid', `In ${fileName}, credential "${credential.name}" is used in ${unknown.map((n) => `"${n}"`).join(', ')}, which the file does not hold. Nothing was imported.`, {
        hint: 'Export the environments together with the credentials that use them, or correct the names.',
      });
    }
  }
}

function planPostman(record: Record<string, unknown>, fileName: string): ImportPlan {
  const parsed = postmanEnvironmentSchema.safeParse(record);
  if (!parsed.success) throw new AppError('import-invalid', `${fileName} looks like a Postman environment, but it is damaged: ${z.prettifyError(parsed.error)}`);
  const name = environmentNameSchema.safeParse(parsed.data.name);
  if (!name.success) throw new AppError('import-invalid', `The Postman environment in ${fileName} has no usable name: ${name.error.issues[0]?.message ?? ''} Nothing was imported.`);
  const skippedVariables: ImportSummary['skippedVariables'] = [];
  const variables: PlannedVariable[] = [];
  for (const entry of parsed.data.values) {
    const skip = (reason: string) => skippedVariables.push({ environment: name.data, name: entry.key, reason });
    if (entry.enabled === false) {
      skip('it is disabled in Postman');
    } else if (!variableNameSchema.safeParse(entry.key).success) {
      skip('Tokenbench variable names start with a letter or _ and use letters, digits, _ . or -');
    } else if (variables.some((v) => v.name === entry.key)) {
      skip('the file has it twice; the first one was kept');
    } else {
      const value = entry.value === undefined || entry.value === null ? '' : typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value);
      if (value.length > MAX_VALUE_CHARACTERS) {
        throw new AppError('import-invalid', `In ${fileName}, the value of ${entry.key} is over ${MAX_VALUE_CHARACTERS.toLocaleString('en')} characters. Nothing was imported.`, { hint: 'Shorten it in the file, or leave it out.' });
      }
      variables.push({ name: entry.key, value, secret: entry.type === 'secret' });
    }
  }
  return {
    format: 'postman',
    environments: [{ name: name.data, production: false, allowedHosts: [], allowInsecureTls: false, confirmProduction: true, variables }],
    credentials: [],
    skippedVariables,
  };
}
