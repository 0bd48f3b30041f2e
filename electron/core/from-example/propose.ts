// A pasted example (and optionally a sample response) -> a proposed credential: the recipe, the
// variables it needs (the user's own values lifted out of the example, secrets marked), and every
// guess with why. Pure: nothing is stored until the user saves.
import { RecipeSchema, type ClientAuth, type RecipeInput, type RequestRecipe, type TokenRequestRecipe } from '../../../shared/recipe/recipe';
import { ExampleError, findField, type ExampleField, type ExampleRequest, type ExampleSource } from './example-request';
import { isPlaceholder, placeholderText, VariableBook, type ProposedVariable } from './lift-values';
import { readExample } from './read-example';
import { readSampleResponse, type Guess } from './read-sample-response';

export type { Guess } from './read-sample-response';
export type { ProposedVariable } from './lift-values';

export interface ExampleProposal {
  source: ExampleSource;
  suggestedName: string;
  recipe: TokenRequestRecipe;
  variables: ProposedVariable[];
  guesses: Guess[];
  warnings: string[];
}

const METHODS = new Set(['POST', 'GET', 'PUT', 'PATCH']);
/** Headers the engine writes itself, or that make no sense in a recipe. */
const DROPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'user-agent', 'accept-encoding', 'cookie']);

function splitUrl(url: string, book: VariableBook, guesses: Guess[]): { url: string; query: Record<string, string> } {
  let origin = '';
  let rest = url;
  const absolute = /^(https?:\/\/[^/?#]+)(.*)$/i.exec(url);
  if (absolute) {
    origin = absolute[1]!;
    rest = absolute[2]! || '/';
  }
  const [path, search = ''] = rest.split('#')[0]!.split('?');
  book.add('baseUrl', origin, false, origin ? `The address of the service, lifted out so sandbox and production can differ.` : 'The example names no host: fill in the service\'s address, e.g. https://api.example.com.');
  guesses.push({ part: 'tokenRequest.url', summary: `{{baseUrl}}${path}`, why: origin ? `${origin} became {{baseUrl}}; the path is kept as written.` : 'The example gives only the path.' });
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const decode = (t: string) => decodeURIComponent(t.replace(/\+/g, ' '));
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const lifted = book.template('query parameter', name, eq === -1 ? '' : decode(pair.slice(eq + 1)));
    query[name] = lifted.template;
    guesses.push({ part: `tokenRequest.query.${name}`, summary: lifted.template, why: lifted.why });
  }
  return { url: `{{baseUrl}}${path}`, query };
}

/** `Basic base64(a:b)` -> [a, b] when the base64 really holds `id:secret`. */
function decodeBasic(value: string): [string, string] | undefined {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
    const colon = decoded.indexOf(':');
    // eslint-disable-next-line no-control-regex
    if (colon <= 0 || /[\u0000-\u001f]/.test(decoded)) return undefined;
    return [decoded.slice(0, colon), decoded.slice(colon + 1)];
  } catch {
    return undefined;
  }
}

function authorization(value: string, book: VariableBook, guesses: Guess[]): ClientAuth {
  const [, scheme = '', credential = ''] = /^(\S+)\s+(.+)$/.exec(value.trim()) ?? [undefined, '', value.trim()];
  if (/^basic$/i.test(scheme)) {
    const pair = decodeBasic(credential);
    const described = isPlaceholder(credential) ? placeholderText(credential).toLowerCase() : '';
    if (pair || /id|user/.test(described)) {
      const [id = '', secret = ''] = pair ?? [];
      const why = pair ? 'The Basic credential decodes to "id:secret": standard HTTP Basic client authentication.' : `The docs describe the Basic value as "${placeholderText(credential)}": HTTP Basic of the client ID and secret.`;
      const username = book.add('clientId', isPlaceholder(id) ? '' : id, false, why);
      const password = book.add('clientSecret', isPlaceholder(secret) ? '' : secret, true, why);
      guesses.push({ part: 'tokenRequest.clientAuth', summary: 'HTTP Basic', why });
      return { type: 'basic', username: `{{${username}}}`, password: `{{${password}}}` };
    }
  }
  const why = scheme
    ? `The Authorization header is "${scheme} <key>" where the key is not base64 of id:secret: sent exactly so, with your key from a secret variable.`
    : 'The Authorization header carries a bare key: sent exactly so, with your key from a secret variable.';
  const name = book.add(/^bearer$/i.test(scheme) ? 'apiToken' : 'apiKey', isPlaceholder(credential) ? '' : credential, true, why);
  guesses.push({ part: 'tokenRequest.clientAuth', summary: `header Authorization: ${scheme ? `${scheme} ` : ''}{{${name}}}`, why });
  return { type: 'header', name: 'Authorization', value: scheme ? `${scheme} {{${name}}}` : `{{${name}}}` };
}

function requestOf(example: ExampleRequest, book: VariableBook, guesses: Guess[]): RequestRecipe {
  const method = example.method.toUpperCase();
  if (!METHODS.has(method)) throw new ExampleError(`A token request recipe is sent with POST, GET, PUT or PATCH, not ${method}.`);
  const { url, query } = splitUrl(example.url, book, guesses);
  if (example.body.kind === 'raw') throw new ExampleError('The body is neither JSON nor form fields (name=value&...): a recipe sends one of those.');
  const encoding = example.body.kind;
  guesses.push({ part: 'tokenRequest.body', summary: encoding === 'none' ? 'no body' : `${encoding === 'json' ? 'JSON' : 'form-encoded'} body`, why: encoding === 'none' ? 'The example sends no body.' : `The example sends ${encoding === 'json' ? 'a JSON object' : 'name=value pairs (application/x-www-form-urlencoded)'}; field names are kept with their exact casing.` });

  let clientAuth: ClientAuth = { type: 'none' };
  const headers: Record<string, string> = {};
  for (const header of example.headers) {
    const lower = header.name.toLowerCase();
    if (DROPPED_HEADERS.has(lower)) continue;
    if (lower === 'content-type' && encoding !== 'none') continue;
    if (lower === 'accept' && /^application\/json\s*$/i.test(header.value)) continue;
    if (lower === 'authorization' && clientAuth.type === 'none') {
      clientAuth = authorization(header.value, book, guesses);
      continue;
    }
    const lifted = book.template('header', header.name, header.value);
    headers[header.name] = lifted.template;
    guesses.push({ part: `tokenRequest.headers.${header.name}`, summary: lifted.template, why: lifted.why });
  }

  const fields: ExampleField[] = example.body.kind === 'form' || example.body.kind === 'json' ? example.body.fields : [];
  const id = findField(fields, 'client_id');
  const secret = findField(fields, 'client_secret');
  const asClientAuth = clientAuth.type === 'none' && id?.name === 'client_id' && secret?.name === 'client_secret';
  const body: Record<string, string> = {};
  const authFields: Record<string, string> = {};
  for (const field of fields) {
    const lifted = book.template('body field', field.name, field.value);
    const target = asClientAuth && (field === id || field === secret) ? authFields : body;
    target[field.name] = lifted.template;
    guesses.push({ part: `tokenRequest.${target === body ? 'body.fields' : 'clientAuth.fields'}.${field.name}`, summary: lifted.template, why: lifted.why });
  }
  if (asClientAuth) {
    clientAuth = { type: 'body', fields: authFields };
    guesses.push({ part: 'tokenRequest.clientAuth', summary: 'client_id and client_secret in the body', why: 'OAuth2 client_secret_post: the client ID and secret travel as body fields.' });
  }
  return {
    method: method as RequestRecipe['method'],
    url,
    query,
    headers,
    body: encoding === 'none' ? { encoding: 'none' } : { encoding, fields: body },
    clientAuth,
    timeoutSeconds: 15,
  };
}

const isGrant = (name: string) => /^grant[-_]?type$/i.test(name);
const isSignIn = (name: string) => /^(username|password|user|login)$/i.test(name);

/** For a password grant that answers a refresh token: the same request with grant_type=refresh_token, without the password. */
function refreshRequestOf(request: RequestRecipe): RequestRecipe | undefined {
  if (request.body.encoding === 'none') return undefined;
  const grant = [...Object.entries(request.query), ...Object.entries(request.body.fields)].find(([k, v]) => isGrant(k) && v === 'password');
  if (!grant) return undefined;
  const refreshKey = /[-_]/.test(grant[0]) ? 'refresh_token' : 'refreshToken';
  const swap = (fields: Record<string, string>) =>
    Object.fromEntries(Object.entries(fields).filter(([k]) => !isSignIn(k)).map(([k, v]) => [k, isGrant(k) && v === 'password' ? 'refresh_token' : v]));
  return { ...request, query: swap(request.query), body: { encoding: request.body.encoding, fields: { ...swap(request.body.fields), [refreshKey]: '{{refreshToken}}' } } };
}

/** "sandbox-api.lemonway.fr" -> "Lemonway". */
export function nameFromHost(url: string): string {
  const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1];
  if (!host || /^[\d.]+$|^localhost$|^\[/.test(host)) return 'From example';
  const labels = host.split('.');
  const label = labels.length >= 2 ? labels[labels.length - 2]! : labels[0]!;
  return label[0]!.toUpperCase() + label.slice(1);
}

export interface ExampleInput {
  example: string;
  sampleResponse?: string;
}

export function proposeFromExample(input: ExampleInput): ExampleProposal {
  const read = readExample(input.example);
  const example = read.request;
  const sample = input.sampleResponse?.trim() ? input.sampleResponse : read.response;
  const book = new VariableBook();
  const guesses: Guess[] = [];
  const tokenRequest = requestOf(example, book, guesses);
  const context = `${input.example}\n${input.sampleResponse ?? ''}`;
  const response = readSampleResponse(sample, context);
  guesses.push(...response.guesses);

  const recipe: RecipeInput = {
    version: 1,
    kind: 'token-request',
    description: `Made from a pasted ${({ curl: 'cURL command', http: 'HTTP request', python: 'Python snippet', javascript: 'JavaScript snippet' } as const)[example.source]}.`,
    tokenRequest,
    tokenResponse: response.response,
    use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
  };
  guesses.push({
    part: 'use',
    summary: 'Authorization: Bearer {{token}}',
    why: response.tokenTypeValue ? `The response says the token type is "${response.tokenTypeValue}".` : 'The usual way to send a token; change it if the API wants the bare token or another header.',
  });
  if (response.response.refreshToken && tokenRequest) {
    const refreshRequest = refreshRequestOf(tokenRequest);
    if (refreshRequest) {
      recipe.renewal = { refreshRequest };
      guesses.push({ part: 'renewal.refreshRequest', summary: 'grant_type=refresh_token', why: 'A password grant that answers a refresh token renews with it, without sending the password again.' });
    }
  }
  if (/\b(ban(ned|s)?|rate[- ]limit(s|ed)?|too many (token )?requests)\b/i.test(context)) {
    recipe.guard = { minIntervalSeconds: 30, backoffInitialSeconds: 30, backoffMaxSeconds: 900 };
    guesses.push({ part: 'guard', summary: 'at least 30 s between token requests', why: 'The pasted text warns about rate limits or bans: token requests are spaced out more than usual.' });
  }
  const parsed = RecipeSchema.safeParse(recipe);
  if (!parsed.success) {
    throw new ExampleError(`The example gives a recipe Tokenbench cannot use: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    source: example.source,
    suggestedName: nameFromHost(example.url),
    recipe: parsed.data as TokenRequestRecipe,
    variables: book.variables,
    guesses,
    warnings: [...example.warnings, ...response.warnings],
  };
}
