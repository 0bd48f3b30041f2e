/**
 * A secret variable may hold a reference to a team's secret manager instead of a value: the
 * reference is plain text (it names where the secret lives, never the secret) and is kept in the
 * workspace; the main process reads the value at use. Pure: the renderer checks what is typed
 * with the same parser the main process uses.
 *
 *   pass:team/lengow/secret               first line of a `pass` entry
 *   gopass:team/lengow/secret             first line of a `gopass` entry
 *   keepassxc:/path/team.kdbx#Group/Entry  an entry's password (`#Group/Entry@UserName`: another attribute)
 *   op://Vault/Item/field                 1Password, as `op read` takes it
 *   vault:secret/lengow#client_secret     a field of a HashiCorp Vault KV v2 secret (mount/path#field)
 *   env:LENGOW_SECRET                     an environment variable of the Tokenbench process
 *   keychain:service=lengow,account=ci    the OS keychain (Secret Service), by attributes
 */
import { z } from 'zod';

export type SecretReference =
  | { source: 'pass'; entry: string }
  | { source: 'gopass'; entry: string }
  | { source: 'keepassxc'; database: string; entry: string; attribute: string }
  | { source: '1password'; uri: string }
  | { source: 'vault'; mount: string; path: string; field: string }
  | { source: 'env'; name: string }
  | { source: 'keychain'; attributes: Array<[string, string]> };

export type SecretSourceName = SecretReference['source'];

export const SECRET_REFERENCE_EXAMPLES = [
  'pass:team/lengow/secret',
  'gopass:team/lengow/secret',
  'keepassxc:/home/me/team.kdbx#Lengow/sandbox',
  'op://Team/Lengow/credential',
  'vault:secret/lengow#client_secret',
  'env:LENGOW_SECRET',
  'keychain:service=lengow,account=sandbox',
] as const;

// No control characters and no leading dash: parts of a reference become tool arguments.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function fail(reference: string, why: string): never {
  throw new Error(`"${reference}" is not a secret reference Tokenbench reads: ${why}`);
}

function part(reference: string, value: string | undefined, what: string): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') fail(reference, `${what} is missing.`);
  if (trimmed.startsWith('-')) fail(reference, `${what} may not start with "-".`);
  return trimmed;
}

/** Reads a reference; throws an Error whose message says what is wrong, in the user's words. */
export function parseSecretReference(reference: string): SecretReference {
  const text = reference.trim();
  if (CONTROL.test(text)) fail(reference, 'it holds a control character.');
  if (text.startsWith('op://')) {
    const pieces = text.slice('op://'.length).split('/');
    if (pieces.length < 3 || pieces.some((piece) => piece === '')) fail(reference, '1Password references look like op://Vault/Item/field.');
    return { source: '1password', uri: text };
  }
  const colon = text.indexOf(':');
  const scheme = colon > 0 ? text.slice(0, colon) : '';
  const rest = text.slice(colon + 1);
  switch (scheme) {
    case 'pass':
    case 'gopass':
      return scheme === 'pass' ? { source: 'pass', entry: part(reference, rest, 'the entry name') } : { source: 'gopass', entry: part(reference, rest, 'the entry name') };
    case 'keepassxc': {
      const hash = rest.lastIndexOf('#');
      if (hash < 0) fail(reference, 'KeePassXC references look like keepassxc:/path/to/database.kdbx#Group/Entry.');
      const [entry, attribute = 'Password'] = rest.slice(hash + 1).split('@');
      return { source: 'keepassxc', database: part(reference, rest.slice(0, hash), 'the database file'), entry: part(reference, entry, 'the entry'), attribute: part(reference, attribute, 'the attribute') };
    }
    case 'vault': {
      const hash = rest.lastIndexOf('#');
      const location = hash < 0 ? rest : rest.slice(0, hash);
      const slash = location.indexOf('/');
      if (hash < 0 || slash <= 0) fail(reference, 'Vault references look like vault:MOUNT/PATH#FIELD (e.g. vault:secret/lengow#client_secret).');
      return { source: 'vault', mount: part(reference, location.slice(0, slash), 'the mount'), path: part(reference, location.slice(slash + 1), 'the path'), field: part(reference, rest.slice(hash + 1), 'the field') };
    }
    case 'env': {
      const name = part(reference, rest, 'the variable name');
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(reference, 'environment variable names use letters, digits and _.');
      return { source: 'env', name };
    }
    case 'keychain': {
      const attributes = rest.split(',').map((pair): [string, string] => {
        const equals = pair.indexOf('=');
        if (equals <= 0) fail(reference, 'keychain references look like keychain:service=NAME,account=NAME.');
        return [part(reference, pair.slice(0, equals), 'an attribute name'), part(reference, pair.slice(equals + 1), 'an attribute value')];
      });
      return { source: 'keychain', attributes };
    }
    default:
      return fail(reference, `start it with one of pass:, gopass:, keepassxc:, op://, vault:, env: or keychain: (e.g. ${SECRET_REFERENCE_EXAMPLES[0]}).`);
  }
}

/** For forms and IPC payloads: a reference the parser accepts, in its trimmed form. */
export const secretReferenceSchema = z
  .string()
  .trim()
  .max(1000, 'Keep secret references under 1,000 characters.')
  .superRefine((reference, ctx) => {
    try {
      parseSecretReference(reference);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
