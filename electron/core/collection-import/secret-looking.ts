/**
 * Which values in a foreign file are secrets, so that they go to the vault and never into
 * `workspace.json` or `requests.json` in clear. Postman, Insomnia and Bruno keep API keys,
 * passwords and tokens in plain variables, headers and bodies; we judge by the name a value is
 * filed under and by the shape of the value itself.
 */

const SECRET_NAME = /secret|passw|pwd|passphrase|token|api[-_.]?key|apikey|private[-_.]?key|access[-_.]?key|credential|signature|signing[-_.]?key|session[-_.]?id|^auth$|^authorization$|^proxy-authorization$|^cookie$|^x-auth/i;
/** Names that mention a secret but hold something else: `tokenUrl`, `token_type`, `passwordPolicy`... */
const NOT_SECRET_NAME = /(url|uri|endpoint|type|name|path|expir|lifetime|ttl|prefix|placement|policy|header)$/i;

/** JWTs, `Bearer x`/`Basic x` values, and well-known key prefixes. */
const SECRET_VALUE = /^(eyJ[\w-]+\.[\w-]+\.[\w-]*|(Bearer|Basic|Token|Digest)\s+\S+|sk_(live|test)_\S+|gh[pousr]_\w{20,}|xox[abpr]-\S+|AKIA[0-9A-Z]{16})$/;

const TEMPLATE_ONLY = /^\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}$/;

export function looksSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

export function looksSecretValue(value: string): boolean {
  return SECRET_VALUE.test(value.trim());
}

/** A value that is only a `{{variable}}` reference holds no secret itself. */
export function isReferenceOnly(value: string): boolean {
  return TEMPLATE_ONLY.test(value.trim());
}

/** The variable a reference-only value names. */
export function referencedName(value: string): string | null {
  return isReferenceOnly(value) ? value.trim().slice(2, -2).trim() : null;
}

/** Whether `value`, filed under `name`, must not be written in clear. */
export function isSecret(name: string, value: string): boolean {
  if (value === '' || isReferenceOnly(value)) return false;
  return looksSecretName(name) || looksSecretValue(value);
}
