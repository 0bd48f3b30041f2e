/**
 * The sentences the export and import dialogs show, kept apart from the components so the
 * counting and naming rules (one / many, renamed / skipped) are tested on their own.
 */
import { IMPORT_FORMAT_NAMES, type ExportSummary, type ImportedItem, type ImportSummary } from '../../../../shared/ipc/domains/portability';

/** "1 environment", "2 environments", "0 credentials". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function exportedSentence(summary: ExportSummary): string {
  return `Exported ${count(summary.environments, 'environment')} and ${count(summary.credentials, 'credential')} to ${summary.fileName ?? 'the file'}.`;
}

export function exportedSecretsSentence(summary: ExportSummary): string {
  return summary.secretsIncluded
    ? 'Secret values are in the file, encrypted with the passphrase you chose: it is needed to import them.'
    : 'Secret variables are in the file by name only, without their values.';
}


export function importedSentence(summary: ImportSummary): string {
  const environments = summary.environments.filter((item) => item.importedAs !== null).length;
  const credentials = summary.credentials.filter((item) => item.importedAs !== null).length;
  const source = summary.format ? ` from ${IMPORT_FORMAT_NAMES[summary.format]}` : '';
  if (environments + credentials + summary.requests === 0) return `Nothing was imported${source}.`;
  const requests = summary.requests > 0 ? ` and ${count(summary.requests, 'saved request')}` : '';
  return `Imported ${count(environments, 'environment')}${requests ? ', ' : ' and '}${count(credentials, 'credential')}${requests}${source}.`;
}

/** "Sandbox", or "Sandbox as “Sandbox (imported)”: the name was taken". */
export function importedItemText(item: ImportedItem): string {
  if (item.importedAs === null || item.importedAs === item.name) return item.name;
  return `${item.name} as “${item.importedAs}”: the name was taken`;
}

export function secretsWithoutValueSentence(n: number): string | null {
  if (n === 0) return null;
  return n === 1
    ? '1 secret variable has no value yet: set it before use.'
    : `${n} secret variables have no value yet: set them before use.`;
}

export function secretsMovedSentence(n: number): string {
  return `${n === 1 ? '1 value that was' : `${n} values that were`} in the file in clear ${n === 1 ? 'is' : 'are'} now secret in the vault.`;
}
