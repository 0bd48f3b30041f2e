// Which values in an example are the user's own (lifted into named variables, secret or not) and
// which belong to the vendor's dialect (kept as written). Secrets are recognised by the field's
// name and by the value's shape; placeholders (`<your client secret>`, `YOUR_KEY`) by their look.

export interface ProposedVariable {
  name: string;
  /** '' when the example only showed a placeholder: the user fills it in. */
  value: string;
  secret: boolean;
  why: string;
}

/** Field names that carry the user's credentials, with the variable each becomes. */
const CREDENTIAL_NAMES: Record<string, string> = {
  clientid: 'clientId',
  clientsecret: 'clientSecret',
  username: 'username',
  user: 'username',
  login: 'username',
  email: 'username',
  password: 'password',
  passwd: 'password',
  accesstoken: 'accessToken',
  secret: 'secret',
  apikey: 'apiKey',
  apitoken: 'apiToken',
  key: 'apiKey',
  refreshtoken: 'refreshToken',
  audience: 'audience',
  scope: 'scope',
};

/** Non-secret credential names: who you are, not what proves it. */
const NOT_SECRET = new Set(['clientId', 'username', 'audience', 'scope']);
/** Named like a credential but part of the dialect when written literally. */
const DIALECT_WHEN_LITERAL = new Set(['audience', 'scope']);

const SECRET_NAME = /secret|passw|pwd|token|api[-_]?key|apikey|private|credential|signature|^key$|^auth/i;

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `client_id` -> `clientId`, `X-Api-Key` -> `apiKey`, `Grant_type` -> `grantType`. */
export function variableName(fieldName: string): string {
  const known = CREDENTIAL_NAMES[squash(fieldName)];
  if (known) return known;
  const words = fieldName.replace(/^x-/i, '').split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z_]/.test(name) ? name : `value${name}`;
}

export function isCredentialName(fieldName: string): boolean {
  return Object.hasOwn(CREDENTIAL_NAMES, squash(fieldName));
}

/** A value the docs left for the reader to supply. */
export function isPlaceholder(value: string, fieldName = ''): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^<[^<>]*>$|^\{\{[^{}]*\}\}$|^\$\{[^{}]*\}$|^\$[A-Z_][A-Z0-9_]*$|^%[A-Z_]+%$|^\[[^\]]*\]$/.test(v)) return true;
  if (/^your[-_ ]|^(YOUR|MY)_|^x{3,}$|^\.{3}$|^…$|^(string|value|changeme|placeholder|todo|null)$/i.test(v)) return true;
  // "application key", "username": the docs describe the value instead of giving one.
  if (isCredentialName(fieldName) && (/^[a-z]+( [a-z]+)+$/i.test(v) || squash(v) === squash(fieldName))) return true;
  return false;
}

/** The name inside a placeholder (`<your client secret>` -> `your client secret`). */
export function placeholderText(value: string): string {
  return value.trim().replace(/^[<{[$%]+|[>}\]%]+$/g, '').trim();
}

/** Looks like a key or token by its shape: long, no spaces, letters and digits mixed (or a UUID/JWT). */
export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || /\s/.test(v) || /^https?:\/\//i.test(v)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(v)) return true;
  if (!/^[A-Za-z0-9+/=_\-.~]+$/.test(v)) return false;
  const hasDigit = /\d/.test(v);
  const hasLetter = /[A-Za-z]/.test(v);
  return hasDigit && hasLetter && !/^[a-z]+(_[a-z]+)*$/.test(v);
}

export function isSecretName(fieldName: string): boolean {
  const variable = CREDENTIAL_NAMES[squash(fieldName)];
  if (variable) return !NOT_SECRET.has(variable);
  return SECRET_NAME.test(fieldName);
}

export interface LiftDecision {
  /** Keep the value as written (it is part of the vendor's dialect). */
  literal: boolean;
  secret: boolean;
  why: string;
}

/** Decides whether one field's value is the user's own and how secret it is. `where` reads like "body field". */
export function decide(where: string, fieldName: string, value: string): LiftDecision {
  const credential = isCredentialName(fieldName);
  const placeholderValue = isPlaceholder(value, fieldName);
  if (credential && DIALECT_WHEN_LITERAL.has(CREDENTIAL_NAMES[squash(fieldName)]!) && !placeholderValue) {
    return { literal: true, secret: false, why: `The ${where} "${fieldName}" is kept as written ("${value}"): it names what you ask for.` };
  }
  if (credential || placeholderValue) {
    const secret = isSecretName(fieldName) || (!placeholderValue && looksLikeSecret(value));
    const shown = placeholderValue ? 'the docs show a placeholder, so fill it in' : 'the example\'s value is kept as its value';
    return { literal: false, secret, why: `The ${where} "${fieldName}" is ${secret ? 'a secret' : 'yours'} by its name; ${shown}.` };
  }
  if (looksLikeSecret(value)) {
    return { literal: false, secret: true, why: `The ${where} "${fieldName}" holds a value shaped like a key (long, letters and digits), so it is kept as a secret.` };
  }
  return { literal: true, secret: false, why: `The ${where} "${fieldName}" is part of the vendor's dialect: kept exactly as written.` };
}

/** Hands out variable names, once each, and records what each holds. */
export class VariableBook {
  readonly variables: ProposedVariable[] = [];

  add(preferred: string, value: string, secret: boolean, why: string): string {
    const existing = this.variables.find((v) => v.name === preferred);
    if (existing && existing.value === value && existing.secret === secret) return existing.name;
    let name = preferred;
    for (let n = 2; this.variables.some((v) => v.name === name); n++) name = `${preferred}${n}`;
    this.variables.push({ name, value, secret, why });
    return name;
  }

  /** A field's value as a template: kept, or `{{variable}}`. */
  template(where: string, fieldName: string, value: string): { template: string; why: string } {
    const decision = decide(where, fieldName, value);
    if (decision.literal) return { template: value, why: decision.why };
    const kept = isPlaceholder(value, fieldName) ? '' : value;
    const name = this.add(variableName(fieldName), kept, decision.secret, decision.why);
    return { template: `{{${name}}}`, why: decision.why };
  }
}
