/**
 * Reading an import file that may be JSON or YAML (Insomnia v5 exports and many OpenAPI
 * documents are YAML). JSON goes through `parseUntrustedJson`; YAML is parsed by the `yaml`
 * package with aliases bounded (a "billion laughs" file expands a few lines into gigabytes) and
 * duplicate keys refused, then gets the same size, depth and `__proto__` checks.
 */
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../../shared/errors';
import { MAX_IMPORT_CHARACTERS, MAX_IMPORT_DEPTH, checkUntrusted, parseUntrustedJson, refuse } from './untrusted-json';

/** Aliases a YAML file may use; exports of these tools use none. */
const MAX_YAML_ALIASES = 100;

export function parseUntrustedDocument(text: string, fileName: string): unknown {
  if (text.length > MAX_IMPORT_CHARACTERS) refuse(fileName, `it is larger than ${MAX_IMPORT_CHARACTERS / 1_000_000} million characters`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (/^\s*[[{]/.test(body) || body.trim() === '' || body.trim() === 'null') return parseUntrustedJson(text, fileName);
  let raw: unknown;
  try {
    raw = parseYaml(body, { maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : 'unreadable';
    if (/alias/i.test(reason)) refuse(fileName, `its YAML uses aliases excessively (${reason})`);
    if (/call stack/i.test(reason)) refuse(fileName, `it nests values more than ${MAX_IMPORT_DEPTH} levels deep`);
    throw new AppError('import-unreadable', `${fileName} is neither JSON nor readable YAML (${reason}), so it cannot be imported.`, {
      hint: 'Choose a Tokenbench export, a Postman, Insomnia or Bruno export, or an OpenAPI document.',
    });
  }
  if (raw === null || typeof raw !== 'object') {
    throw new AppError('import-unreadable', `${fileName} is not a JSON or YAML document, so it cannot be imported.`, {
      hint: 'Choose a Tokenbench export, a Postman, Insomnia or Bruno export, or an OpenAPI document.',
    });
  }
  checkUntrusted(raw, fileName);
  return raw;
}
