// The credential recipe: a versioned JSON description of how to obtain, read, renew and use a token,
// so that a new vendor dialect is data, not code. The zod schema is the single source of truth:
// types, validation and `recipe.schema.json` (see write-json-schema.ts) all derive from it.
// Pure (no Node APIs): the renderer validates recipes in the credential editor.
import { z } from 'zod';
import { parseTemplate } from './template';

export const RECIPE_VERSION = 1;

/** Recipe strings are short; a bound keeps a hostile file from holding megabytes in one field. */
export const MAX_TEMPLATE_CHARACTERS = 10_000;
const MAX_FIELDS = 100;

// CR, LF and NUL would split or cut a header line (request smuggling); no recipe needs them.
const LINE_BREAK = /[\r\n\0]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** RFC 9110 token: what an HTTP header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const headerName = (description: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(HEADER_NAME, 'A header name is letters, digits and - (e.g. "X-Api-Key"), with no spaces or line breaks.')
    .describe(description);

/** A string that may contain `{{variable}}` references. */
const template = (description: string) =>
  z
    .string()
    .max(MAX_TEMPLATE_CHARACTERS, `Keep recipe values under ${MAX_TEMPLATE_CHARACTERS.toLocaleString('en')} characters.`)
    .refine((value) => !LINE_BREAK.test(value), 'A recipe value cannot hold a line break or NUL character.')
    .superRefine((value, ctx) => {
      const parts = parseTemplate(value);
      if (typeof parts === 'string') ctx.addIssue({ code: 'custom', message: parts });
    })
    .describe(description);

/** Where a value sits in a JSON response: `access_token`, `data.token`, `items.0.token`. */
const path = (description: string) =>
  z
    .string()
    .max(500)
    .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'A path is field names separated by dots, e.g. "data.token".')
    .describe(description);

const fieldName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !CONTROL.test(name), 'A field name cannot hold control characters or line breaks.')
  .refine((name) => name !== '__proto__', 'A field cannot be named "__proto__".');

const fieldMap = (description: string, names: z.ZodType<string> = fieldName) =>
  z
    .record(names, template('A value; may use {{variables}}.'))
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `At most ${MAX_FIELDS} fields.`)
    .describe(description);

const seconds = (description: string) => z.number().nonnegative().describe(description);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const PRIVATE_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export const SECRET_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

/** Client authentication by a signed JWT (RFC 7523): the assertion is signed when the request is sent. */
export const ASSERTION_AUTH_TYPES = ['private-key-jwt', 'client-secret-jwt'] as const;

/** The claims both kinds of client assertion carry. */
const assertionClaims = () => ({
  clientId: template('Usually {{clientId}}: the assertion\'s issuer and subject.'),
  audience: template('The `aud` claim; default the token request URL.').optional(),
});

export const ClientAuthSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).describe('The client is not authenticated separately.'),
    z
      .object({
        type: z.literal('basic'),
        username: template('Usually {{clientId}}.'),
        password: template('Usually {{clientSecret}}.'),
      })
      .describe('`Authorization: Basic base64(username:password)` (OAuth2 client_secret_basic).'),
    z
      .object({
        type: z.literal('header'),
        name: headerName('Header name.').default('Authorization'),
        value: template('The header value exactly as sent, e.g. "basic {{apiKey}}".'),
      })
      .describe('A raw header carrying the client credential.'),
    z
      .object({ type: z.literal('body'), fields: fieldMap('Fields added to the body, e.g. {"client_id": "{{clientId}}"}.') })
      .describe('Client credentials as body fields (OAuth2 client_secret_post).'),
    z
      .object({
        type: z.literal('private-key-jwt'),
        ...assertionClaims(),
        privateKey: template('The private key as PEM or JWK, kept in a secret variable: usually {{privateKey}}.'),
        algorithm: z.enum(PRIVATE_KEY_ALGORITHMS).default('RS256').describe('How the assertion is signed; must suit the key.'),
        keyId: template('The `kid` header, when the server needs it (a JWK\'s own kid is used otherwise).').optional(),
      })
      .describe('A JWT signed with the client\'s private key (RFC 7523, OAuth2 private_key_jwt).'),
    z
      .object({
        type: z.literal('client-secret-jwt'),
        ...assertionClaims(),
        clientSecret: template('Usually {{clientSecret}}: the HMAC key.'),
        algorithm: z.enum(SECRET_ALGORITHMS).default('HS256').describe('How the assertion is signed.'),
      })
      .describe('A JWT signed with the client secret (RFC 7523, OAuth2 client_secret_jwt).'),
  ])
  .describe('How the client authenticates to the token endpoint.');

export const RequestRecipeSchema = z
  .object({
    method: z.enum(['POST', 'GET', 'PUT', 'PATCH']).default('POST'),
    url: template('Full URL, e.g. "{{baseUrl}}/oauth/token". Query parameters go in `query`.'),
    query: fieldMap('Query parameters, appended to the URL in this order.').default({}),
    headers: fieldMap('Extra headers. Content-Type and Accept are set from the body encoding unless given here.', headerName('Header name.')).default({}),
    body: z
      .discriminatedUnion('encoding', [
        z.object({ encoding: z.literal('json'), fields: fieldMap('JSON object fields; names are sent exactly as written (grantType, grant_type, Grant_type).') }),
        z.object({ encoding: z.literal('form'), fields: fieldMap('application/x-www-form-urlencoded fields, names exactly as written.') }),
        z.object({ encoding: z.literal('none') }),
      ])
      .default({ encoding: 'none' })
      .describe('The request body.'),
    clientAuth: ClientAuthSchema.default({ type: 'none' }),
    timeoutSeconds: z.number().positive().max(300).default(15).describe('Total time allowed for the request.'),
  })
  .superRefine((request, ctx) => {
    if (request.clientAuth.type === 'body' && request.body.encoding === 'none') {
      ctx.addIssue({ code: 'custom', path: ['clientAuth'], message: 'Client authentication in the body needs a json or form body.' });
    }
    if ((ASSERTION_AUTH_TYPES as readonly string[]).includes(request.clientAuth.type) && request.body.encoding !== 'form') {
      ctx.addIssue({ code: 'custom', path: ['clientAuth'], message: 'A signed client assertion is sent as form fields: use a form body.' });
    }
    if (request.method === 'GET' && request.body.encoding !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'A GET request cannot carry a body; use query parameters.' });
    }
  })
  .describe('An HTTP request to the auth service.')
  .meta({ id: 'RequestRecipe' });

const fallbackSeconds = z
  .number()
  .positive()
  .optional()
  .describe('Lifetime to assume when the response has no such field. Without it a missing lifetime is an error.');

export const LifetimeSchema = z
  .discriminatedUnion('from', [
    z.object({
      from: z.literal('expires-in'),
      path: path('Field holding the remaining lifetime in seconds.').default('expires_in'),
      fallbackSeconds,
    }),
    z.object({
      from: z.literal('expires-at'),
      path: path('Field holding the absolute expiry time.'),
      format: z.enum(['iso', 'epoch-seconds', 'epoch-milliseconds']).default('iso'),
      zone: z
        .string()
        .max(100)
        .refine(isTimeZone, 'Not a time zone name (IANA, e.g. "UTC" or "Europe/Paris").')
        .default('UTC')
        .describe('Zone for ISO timestamps that carry none (e.g. "2021-11-19T23:36:09.092720").'),
      fallbackSeconds,
    }),
    z.object({ from: z.literal('jwt-exp'), fallbackSeconds }).describe('The `exp` claim of the token, which is a JWT.'),
    z.object({ from: z.literal('fixed'), seconds: z.number().positive() }).describe('The response states no lifetime; the vendor documents this one.'),
  ])
  .describe('Where the token lifetime comes from.');

export const ResponseRecipeSchema = z
  .object({
    token: path('Field holding the token.').default('access_token'),
    tokenType: path('Field holding the token type, e.g. "token_type" or "token_Type".').optional(),
    refreshToken: path('Field holding a refresh token.').optional(),
    lifetime: LifetimeSchema.default({ from: 'expires-in', path: 'expires_in' }),
    extras: z.record(fieldName, path('Field path.')).refine((extras) => Object.keys(extras).length <= MAX_FIELDS, `At most ${MAX_FIELDS} extras.`).default({}).describe('Other non-secret fields worth showing, label -> path (e.g. {"accountId": "account_id"}).'),
  })
  .describe('How to read the token response (JSON).')
  .meta({ id: 'ResponseRecipe' });

export const UseSchema = z
  .discriminatedUnion('in', [
    z.object({
      in: z.literal('header'),
      name: headerName('Header name.').default('Authorization'),
      value: template('e.g. "Bearer {{token}}", or the bare "{{token}}".').default('Bearer {{token}}'),
    }),
    z.object({ in: z.literal('query'), name: fieldName, value: template('Usually "{{token}}".').default('{{token}}') }),
  ])
  .describe('How API requests carry the token. Templates may use {{token}}, {{tokenType}} and environment variables.')
  .meta({ id: 'Use' });

export const RenewalSchema = z
  .object({
    marginSeconds: seconds('Renew this long before expiry. Default: the larger of 30 s and 10% of the lifetime.').optional(),
    refreshRequest: RequestRecipeSchema.optional().describe(
      'Request used to renew while a refresh token is held; {{refreshToken}} is that token. Without it renewal repeats the token request.',
    ),
  })
  .describe('How and when the token is renewed.');

export const GuardSchema = z
  .object({
    minIntervalSeconds: seconds('Least time between two token requests for one credential.').default(5),
    backoffInitialSeconds: seconds('Wait after the first failure; doubles after each further one.').default(2),
    backoffMaxSeconds: seconds('Longest wait between attempts after failures.').default(300),
  })
  .describe('Protects the auth service (some ban the IP of clients that ask too often).');

const expiresAt = template(
  'Optional expiry you enter yourself for reminders (ISO date or timestamp); empty = none.',
).optional();

/** Advice from the vendor's own documentation, by the status code of a failed token request. */
const TroubleshootingSchema = z
  .record(z.string().regex(/^[1-5]\d\d$/, 'Troubleshooting advice is keyed by an HTTP status code, e.g. "401".'), z.string().min(1).max(1000))
  .describe('Advice from the vendor\'s documentation, shown with the diagnosis when the token request fails with that status (e.g. {"401": "Ask the vendor to whitelist your IP."}).');

/** Where and as which client the user signs in, for which scopes: the same for both sign-in flows. */
const signInFields = (url: string, params: string) => ({
  url: template(url),
  clientId: template('Usually {{clientId}}.'),
  scope: template('Space-separated scopes to ask for; empty = the server\'s default.').optional(),
  params: fieldMap(params).default({}),
});

const AuthorizationCodeSchema = z
  .object({
    flow: z.literal('authorization-code').describe('OAuth2 authorization code with PKCE (S256), through the system browser and a loopback redirect (RFC 8252).'),
    ...signInFields('The authorization endpoint, e.g. "{{authorizationUrl}}".', 'Extra query parameters for the authorization request (e.g. {"prompt": "consent"}).'),
    timeoutSeconds: z.number().positive().max(3600).default(300).describe('How long to wait for the user to sign in.'),
  })
  .describe('A step in the browser before the token request: its code, PKCE verifier and redirect URI are {{authorizationCode}}, {{codeVerifier}} and {{redirectUri}} there.');

const DeviceAuthorizationSchema = z
  .object({
    flow: z.literal('device-code').describe('OAuth2 device authorization grant (RFC 8628): the user approves on any device with a short code; the token request polls.'),
    ...signInFields('The device authorization endpoint, e.g. "{{deviceAuthorizationUrl}}".', 'Extra form fields for the device authorization request.'),
    timeoutSeconds: z.number().positive().max(3600).default(900).describe('How long to wait for the approval at most (the server\'s expires_in may end it sooner).'),
  })
  .describe('A code the user enters at a link before the token request: that request is polled with {{deviceCode}} until the user approves.');

export const AuthorizationSchema = z
  .discriminatedUnion('flow', [AuthorizationCodeSchema, DeviceAuthorizationSchema])
  .describe('A step where the user signs in before the token request.')
  .meta({ id: 'Authorization' });

/** Algorithms a DPoP proof key may use (RFC 9449); ES256 is what servers support most. */
export const DPOP_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'EdDSA', 'PS256', 'RS256'] as const;

export const DpopSchema = z
  .object({ algorithm: z.enum(DPOP_ALGORITHMS).default('ES256').describe('How the proofs are signed; the key pair is made for it.') })
  .describe('Sender-constrained tokens (DPoP, RFC 9449): a key pair per credential and environment, kept in the vault, signs a proof for every token request and API call.')
  .meta({ id: 'Dpop' });

const TokenRequestRecipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  kind: z.literal('token-request').describe('A token is obtained from an auth service.'),
  description: z.string().max(2000).optional(),
  troubleshooting: TroubleshootingSchema.optional(),
  authorization: AuthorizationSchema.optional(),
  tokenRequest: RequestRecipeSchema,
  introspectionUrl: template('The token introspection endpoint (RFC 7662), e.g. "{{introspectionUrl}}"; asked with the token request\'s client authentication. Discovery fills it.').optional(),
  revocationUrl: template('The token revocation endpoint (RFC 7009), e.g. "{{revocationUrl}}"; asked with the token request\'s client authentication. Discovery fills it.').optional(),
  tokenResponse: ResponseRecipeSchema.default({
    token: 'access_token',
    lifetime: { from: 'expires-in', path: 'expires_in' },
    extras: {},
  }),
  renewal: RenewalSchema.default({}),
  guard: GuardSchema.default({ minIntervalSeconds: 5, backoffInitialSeconds: 2, backoffMaxSeconds: 300 }),
  dpop: DpopSchema.optional(),
  use: UseSchema.optional().describe('How API requests carry the token; default "Authorization: Bearer {{token}}" ("DPoP {{token}}" with dpop).'),
}).superRefine((recipe, ctx) => {
  // A resource server must refuse a DPoP-bound token sent as a Bearer token (RFC 9449 section 7.1).
  if (recipe.dpop && recipe.use?.in === 'header' && /^\s*bearer\s/i.test(recipe.use.value)) {
    ctx.addIssue({ code: 'custom', path: ['use', 'value'], message: 'A DPoP-bound token is sent as "DPoP {{token}}", not as a Bearer token: change the value, or leave "use" out.' });
  }
}).transform(({ use, ...recipe }) => ({
  ...recipe,
  // The token type says whether the server bound the token to the key: read it unless told where.
  ...(recipe.dpop && !recipe.tokenResponse.tokenType ? { tokenResponse: { ...recipe.tokenResponse, tokenType: 'token_type' } } : {}),
  // A DPoP-bound token travels under its own scheme (RFC 9449 section 7.1).
  use: use ?? { in: 'header' as const, name: 'Authorization', value: recipe.dpop ? 'DPoP {{token}}' : 'Bearer {{token}}' },
}));

const StaticRecipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  kind: z.literal('static').describe('The token is a key you already have (API key, personal token).'),
  description: z.string().max(2000).optional(),
  token: template('Usually "{{apiKey}}".'),
  tokenType: z.string().max(100).refine((type) => !CONTROL.test(type), 'The token type cannot hold control characters.').optional(),
  expiresAt,
  use: UseSchema.default({ in: 'header', name: 'Authorization', value: 'Bearer {{token}}' }),
});

const BasicRecipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  kind: z.literal('basic').describe('HTTP Basic: the "token" is base64(username:password).'),
  description: z.string().max(2000).optional(),
  username: template('Usually "{{username}}".'),
  password: template('Usually "{{password}}".'),
  expiresAt,
  use: UseSchema.default({ in: 'header', name: 'Authorization', value: 'Basic {{token}}' }),
});

export const RecipeSchema = z
  .discriminatedUnion('kind', [TokenRequestRecipeSchema, StaticRecipeSchema, BasicRecipeSchema])
  .describe('Tokenbench credential recipe: how to obtain, read, renew and use a token.');

export type Recipe = z.output<typeof RecipeSchema>;
export type RecipeInput = z.input<typeof RecipeSchema>;
export type TokenRequestRecipe = Extract<Recipe, { kind: 'token-request' }>;
export type StaticRecipe = Extract<Recipe, { kind: 'static' }>;
export type BasicRecipe = Extract<Recipe, { kind: 'basic' }>;
export type RequestRecipe = z.output<typeof RequestRecipeSchema>;
export type ResponseRecipe = z.output<typeof ResponseRecipeSchema>;
export type Lifetime = z.output<typeof LifetimeSchema>;
export type UseRecipe = z.output<typeof UseSchema>;
export type ClientAuth = z.output<typeof ClientAuthSchema>;
export type GuardPolicy = z.output<typeof GuardSchema>;
export type Authorization = z.output<typeof AuthorizationSchema>;
export type DpopOption = z.output<typeof DpopSchema>;
export type AuthorizationCode = Extract<Authorization, { flow: 'authorization-code' }>;
export type DeviceAuthorization = Extract<Authorization, { flow: 'device-code' }>;

export type RecipeParseResult = { ok: true; recipe: Recipe } | { ok: false; problems: string[] };

/** Validates untrusted recipe JSON; problems read like `tokenRequest.url: Invalid input`. */
export function parseRecipe(input: unknown): RecipeParseResult {
  const result = RecipeSchema.safeParse(input);
  if (result.success) return { ok: true, recipe: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(recipe)'}: ${issue.message}`),
  };
}
