// Turns a request recipe and an environment's variables into the exact HTTP request to send, and
// the same request with secrets masked. One function for both, so the preview the user sees is
// the request the engine sends. Pure (no Node APIs): the renderer builds live previews with it.
import type { ClientAuth, RequestRecipe } from './recipe';
import { MASK } from './mask';
import { resolveTemplate, type ResolveOptions, type ResolvedTemplate, type VariableScope } from './template';

export interface BuiltHeader {
  name: string;
  value: string;
  /** The value with secrets masked. */
  display: string;
  /** True when a secret went into the value (never forwarded across an origin-changing redirect). */
  secret: boolean;
}

export interface BuiltRequest {
  method: string;
  url: string;
  displayUrl: string;
  headers: BuiltHeader[];
  body?: string;
  displayBody?: string;
  bodyHasSecrets: boolean;
  timeoutMs: number;
}

/** base64 of the UTF-8 bytes (btoa alone only takes Latin-1). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `Basic base64(user:password)`, masked as a whole when either part is secret. */
export function basicCredential(username: ResolvedTemplate, password: ResolvedTemplate): ResolvedTemplate {
  const value = base64Utf8(`${username.value}:${password.value}`);
  const secret = username.secret || password.secret;
  return { value, display: secret ? MASK : value, secret };
}

/** Percent-encoding for display: masks and `{{unknown}}` markers stay readable. */
function displayEncode(text: string): string {
  return encodeURIComponent(text).replace(/%E2%80%A2/g, '•').replace(/%7B/g, '{').replace(/%7D/g, '}');
}

function encodePairs(pairs: Array<[string, ResolvedTemplate]>): { value: string; display: string; secret: boolean } {
  return {
    value: pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.value)}`).join('&'),
    display: pairs.map(([k, v]) => `${displayEncode(k)}=${displayEncode(v.display)}`).join('&'),
    secret: pairs.some(([, v]) => v.secret),
  };
}

function hasHeader(headers: BuiltHeader[], name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === lower);
}

function clientAuthHeader(auth: ClientAuth, resolve: (t: string, f: string) => ResolvedTemplate, prefix: string): BuiltHeader | undefined {
  if (auth.type === 'basic') {
    const credential = basicCredential(
      resolve(auth.username, `${prefix}.clientAuth.username`),
      resolve(auth.password, `${prefix}.clientAuth.password`),
    );
    return { name: 'Authorization', value: `Basic ${credential.value}`, display: `Basic ${credential.display}`, secret: credential.secret };
  }
  if (auth.type === 'header') {
    const value = resolve(auth.value, `${prefix}.clientAuth.value`);
    return { name: auth.name, value: value.value, display: value.display, secret: value.secret };
  }
  return undefined;
}

/** RFC 7523 section 2.2: the form field that names a JWT client assertion. */
export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface BuildExtras {
  /**
   * The signed client assertion for `private-key-jwt` and `client-secret-jwt` (signing needs the
   * key and a clock, so the engine does it); without one, as in a preview, the field shows masked.
   */
  clientAssertion?: string;
}

function assertionFields(auth: ClientAuth, extras: BuildExtras): Array<[string, ResolvedTemplate]> {
  if (auth.type !== 'private-key-jwt' && auth.type !== 'client-secret-jwt') return [];
  const assertion = extras.clientAssertion ?? MASK;
  return [
    ['client_assertion_type', { value: JWT_BEARER_ASSERTION, display: JWT_BEARER_ASSERTION, secret: false }],
    ['client_assertion', { value: assertion, display: MASK, secret: true }],
  ];
}

/**
 * Builds the request. `prefix` is the recipe field holding `request` (for error messages).
 * Throws TemplateError for an unknown variable unless `options.unknown` is 'keep'.
 */
export function buildRequest(request: RequestRecipe, scope: VariableScope, prefix: string, options: ResolveOptions = {}, extras: BuildExtras = {}): BuiltRequest {
  const resolve = (template: string, field: string) => resolveTemplate(template, scope, field, options);
  const resolveMap = (entries: Record<string, string>, field: string): Array<[string, ResolvedTemplate]> =>
    Object.entries(entries).map(([key, template]) => [key, resolve(template, `${field}.${key}`)]);

  const base = resolve(request.url, `${prefix}.url`);
  const query = encodePairs(resolveMap(request.query, `${prefix}.query`));
  const joiner = base.value.includes('?') ? '&' : '?';
  const url = query.value ? `${base.value}${joiner}${query.value}` : base.value;
  const displayUrl = query.display ? `${base.display}${joiner}${query.display}` : base.display;

  const headers: BuiltHeader[] = resolveMap(request.headers, `${prefix}.headers`).map(([name, v]) => ({
    name,
    value: v.value,
    display: v.display,
    secret: v.secret,
  }));
  const auth = clientAuthHeader(request.clientAuth, resolve, prefix);
  if (auth) headers.push(auth);
  if (!hasHeader(headers, 'accept')) headers.push({ name: 'Accept', value: 'application/json', display: 'application/json', secret: false });

  const built: BuiltRequest = { method: request.method, url, displayUrl, headers, bodyHasSecrets: false, timeoutMs: request.timeoutSeconds * 1000 };
  if (request.body.encoding === 'none') return built;

  const fields = resolveMap(request.body.fields, `${prefix}.body.fields`);
  if (request.clientAuth.type === 'body') fields.push(...resolveMap(request.clientAuth.fields, `${prefix}.clientAuth.fields`));
  fields.push(...assertionFields(request.clientAuth, extras));
  const contentType = request.body.encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  if (!hasHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: contentType, display: contentType, secret: false });
  if (request.body.encoding === 'json') {
    built.body = JSON.stringify(Object.fromEntries(fields.map(([k, v]) => [k, v.value])));
    built.displayBody = JSON.stringify(Object.fromEntries(fields.map(([k, v]) => [k, v.display])));
    built.bodyHasSecrets = fields.some(([, v]) => v.secret);
  } else {
    const form = encodePairs(fields);
    built.body = form.value;
    built.displayBody = form.display;
    built.bodyHasSecrets = form.secret;
  }
  return built;
}
