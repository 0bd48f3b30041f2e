/**
 * The demo's two credentials as ordinary recipes (the same schema users write), and the
 * variables they draw on. `{{demoUrl}}` changes on every start (random port), the secrets too.
 */
import { RecipeSchema, type Recipe } from '../../../shared/recipe';
import { DEMO_SCOPE } from './dialects';

export const DEMO_ENVIRONMENT_NAMES = ['Demo', 'Tokenbench demo'] as const;

export type DemoDialect = 'oauth2' | 'session';

export const DEMO_VARIABLES = {
  url: 'demoUrl',
  clientId: 'demoClientId',
  clientSecret: 'demoClientSecret',
  apiKey: 'demoApiKey',
} as const;

/** Tokens the demo issues are short-lived; the guard still spaces requests like a careful client. */
const DEMO_GUARD = { minIntervalSeconds: 2, backoffInitialSeconds: 2, backoffMaxSeconds: 60 };

const oauth2: Recipe = RecipeSchema.parse({
  version: 1,
  kind: 'token-request',
  description: 'Textbook OAuth2 client credentials: a short-lived JWT with expires_in (the demo server).',
  tokenRequest: {
    method: 'POST',
    url: `{{${DEMO_VARIABLES.url}}}/oauth/token`,
    body: { encoding: 'form', fields: { grant_type: 'client_credentials', scope: DEMO_SCOPE } },
    clientAuth: { type: 'basic', username: `{{${DEMO_VARIABLES.clientId}}}`, password: `{{${DEMO_VARIABLES.clientSecret}}}` },
  },
  tokenResponse: { token: 'access_token', tokenType: 'token_type', lifetime: { from: 'expires-in', path: 'expires_in' } },
  guard: DEMO_GUARD,
  use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' },
});

const session: Recipe = RecipeSchema.parse({
  version: 1,
  kind: 'token-request',
  description: 'A custom JSON dialect: POST /session {"apiKey"} answers {"session": {"value", "validUntil"}}, a zone-less UTC time.',
  tokenRequest: {
    method: 'POST',
    url: `{{${DEMO_VARIABLES.url}}}/session`,
    body: { encoding: 'json', fields: {} },
    clientAuth: { type: 'body', fields: { apiKey: `{{${DEMO_VARIABLES.apiKey}}}` } },
  },
  tokenResponse: { token: 'session.value', lifetime: { from: 'expires-at', path: 'session.validUntil', format: 'iso', zone: 'UTC' } },
  guard: DEMO_GUARD,
  use: { in: 'header', name: 'X-Demo-Session', value: '{{token}}' },
});

export const DEMO_CREDENTIALS: ReadonlyArray<{ dialect: DemoDialect; name: string; recipe: Recipe }> = [
  { dialect: 'oauth2', name: 'Demo OAuth2 (client credentials, JWT)', recipe: oauth2 },
  { dialect: 'session', name: 'Demo session (custom JSON)', recipe: session },
];
