// Masks secrets in everything the runner hands to the renderer, the history file or a log: the
// secret values of the environment the request runs in and the token attached to it (every
// encoding, via the one Redactor), and credentials typed literally into auth headers. Only that
// environment's secrets: a value that merely equals another environment's secret is data here, and
// masking it would mangle an unrelated response. Values are masked structurally, string by string,
// so a secret equal to `true` never breaks a document.
import { MASK } from '../../../shared/recipe/mask';
import { splitReferences } from '../../../shared/runner/references';
import type { Header } from '../../../shared/runner/results';
import { maskValue, Redactor } from '../engine/redact';

export interface Mask {
  (text: string): string;
  /** Raw bytes (binary bodies, shown as hex) with this request's secrets overwritten, same length. */
  bytes(data: Buffer): Buffer;
  /** A secret learnt while the request runs (the token attached to it): masked from then on. */
  remember(secret: string): void;
}

/** Header names whose values are credentials whatever they hold. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'apikey']);

/** The mask of one request: the secret variables of the environment it runs in (`scope`). */
export function createMask(scope: Record<string, { value: string; secret: boolean }>): Mask {
  const redactor = new Redactor(Object.values(scope).filter((v) => v.secret).map((v) => v.value));
  return Object.assign((text: string) => redactor.text(text), {
    bytes: (data: Buffer) => redactor.bytes(data),
    remember: (secret: string) => void redactor.add(secret),
  });
}

/** For data that was masked before it was stored (history entries). */
export const ALREADY_MASKED: Mask = Object.assign((text: string) => text, { bytes: (data: Buffer) => data, remember: () => {} });

/** Any JSON-able value with every string masked (the last line of defence before data leaves main). */
export function maskDeep<T>(value: T, mask: Mask): T {
  return maskValue(value, mask);
}

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.trim().toLowerCase());
}

/** A token the engine already masked to its hint (`••••af5c`), the same one the dashboard shows. */
const MASKED_HINT = new RegExp(`^${MASK}[^\\s]{0,4}$`);

/**
 * `Bearer abc…` -> `Bearer ••••`: a credential typed into an auth header is masked, the scheme
 * word and `{{references}}` stay (they are names, not values). A token the engine already masked
 * keeps its hint, so the user can tell which token was sent.
 */
export function maskLiteralCredential(value: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9_-]*\s+)(.*)/s.exec(value);
  const [prefix, rest] = scheme && scheme[2] !== '' ? [scheme[1]!, scheme[2]!] : ['', value];
  const masked = splitReferences(rest)
    .map((part) => ('variable' in part ? `{{${part.variable}}}` : part.literal.trim() === '' || MASKED_HINT.test(part.literal) ? part.literal : MASK))
    .join('');
  return prefix + masked;
}

/** Request headers for display: credential headers masked structurally, all values through `mask`. */
export function maskHeaders(headers: ReadonlyArray<readonly [string, string]>, mask: Mask): Header[] {
  return headers.map(([name, value]) => [name, mask(isCredentialHeader(name) ? maskLiteralCredential(value) : value)]);
}

/**
 * `sid=abc; Path=/` -> `sid=••••; Path=/`: cookie values are sessions, their attributes are not. A
 * cookie without a name (`abc; Path=/`, `=abc`) is all value. The pattern matches at the start
 * whether or not it is anchored there (everything in it is optional): that mutant is equivalent.
 */
export function maskSetCookie(line: string): string {
  return line.replace(/^([^=;]*=)?[^;]*/, (_, name: string | undefined) => `${name ?? ''}${MASK}`);
}
