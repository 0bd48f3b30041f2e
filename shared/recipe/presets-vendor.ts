// Presets for the vendor dialects documented in shared/providers/*.txt (the generic OAuth2 one
// from oauth2-client-credentials.txt is in presets-standard.ts). Each asks only for the user's own
// values; everything the vendor's docs fix (paths, field casing, lifetimes) is here.
import { CLIENT_ID, CLIENT_SECRET, definePreset, PASSWORD, POST_CLIENT_AUTH, USERNAME, type Preset, type PresetInput } from './preset-types';

const BEARER = { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } as const;

export const lengow: Preset = definePreset({
  id: 'lengow',
  name: 'Lengow',
  vendor: 'Lengow',
  description: 'Lengow API: a token from your account access token and secret, sent bare in Authorization.',
  hints: [
    'The auth service has far lower rate limits than the API and bans the IP of clients that ask for a token per request: Tokenbench reuses the token for its whole hour and spaces token requests at least 30 s apart.',
    'The response states no lifetime; the docs give 3600 s.',
    'A 401 means the access token or secret is wrong. Renew them in Lengow under Settings > General information > API.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    description: 'POST /access/get_token with access_token and secret; answers {token, account_id}.',
    troubleshooting: {
      '401': 'The access token or the secret was not correctly provided. Copy both again from my.lengow.io/company/api; if they were renewed, replace the outdated ones.',
      '403': 'Lengow bans the IP address of clients that request too many tokens (its auth service has far lower rate limits than the API). Wait before asking again; Tokenbench reuses each token for its hour.',
      '429': 'The authentication service rate limits far more strictly than the API: do not request a new token per request.',
    },
    tokenRequest: {
      method: 'POST',
      url: '{{baseUrl}}/access/get_token',
      body: { encoding: 'form', fields: {} },
      clientAuth: { type: 'body', fields: { access_token: '{{accessToken}}', secret: '{{secret}}' } },
    },
    tokenResponse: { token: 'token', lifetime: { from: 'fixed', seconds: 3600 }, extras: { accountId: 'account_id', userId: 'user_id' } },
    guard: { minIntervalSeconds: 30, backoffInitialSeconds: 30, backoffMaxSeconds: 900 },
    use: { in: 'header', name: 'Authorization', value: '{{token}}' },
  },
  variables: [
    { name: 'baseUrl', label: 'API address', secret: false, required: true, help: 'The Lengow API host.', default: 'https://api.lengow.io' },
    { name: 'accessToken', label: 'Access token', secret: true, required: true, help: 'From my.lengow.io/company/api (the "access token", not an API token).' },
    { name: 'secret', label: 'Secret', secret: true, required: true, help: 'The secret shown beside the access token.' },
  ],
  allowedHosts: ['api.lengow.io'],
});

export const landax: Preset = definePreset({
  id: 'landax',
  name: 'Landax',
  vendor: 'Landax',
  description: 'Landax API: password grant with the grant type in the query and a JSON body; renewed with the refresh token.',
  hints: [
    'The token endpoint /authenticate/token is outside /api, on your company host (company.landax.no).',
    'The user must be an "API-user" with every permission the integration needs.',
    'Landax can enable HTTP Basic instead for special cases; use the HTTP Basic preset then.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    troubleshooting: {
      '401': 'Use the application key and client key of the API client (control panel > API) and an "API-user" with every permission the integration needs.',
      '404': 'The token URL is /authenticate/token on your company host (company.landax.no), outside /api.',
    },
    tokenRequest: {
      method: 'POST',
      url: '{{baseUrl}}/authenticate/token',
      query: { grant_type: 'password' },
      body: { encoding: 'json', fields: { username: '{{username}}', password: '{{password}}' } },
      clientAuth: POST_CLIENT_AUTH,
    },
    tokenResponse: { token: 'access_token', tokenType: 'token_type', refreshToken: 'refresh_token', lifetime: { from: 'expires-in', path: 'expires_in' } },
    renewal: {
      refreshRequest: {
        method: 'POST',
        url: '{{baseUrl}}/authenticate/token',
        query: { grant_type: 'refresh_token' },
        body: { encoding: 'json', fields: { refresh_token: '{{refreshToken}}' } },
        clientAuth: POST_CLIENT_AUTH,
      },
    },
    use: BEARER,
  },
  variables: [
    { name: 'baseUrl', label: 'Landax address', secret: false, required: true, help: 'Your company host, e.g. https://company.landax.no.' },
    { ...CLIENT_ID, label: 'Application key', help: 'From the control panel, under "API" (the client\'s application key).' },
    { ...CLIENT_SECRET, label: 'Client key', help: 'The client key shown with the application key.' },
    { ...USERNAME, help: 'An API-user (cannot sign in to the web interface).' },
    PASSWORD,
  ],
  allowedHosts: ['*.landax.no'],
});

const LIVE_DATA_HINTS = [
  'Each endpoint needs a role on the organization: a 403 means the account lacks it (add the role in Teams).',
  '`expiresAt` has no time zone; it is UTC.',
];

const LIVE_DATA_BASE_URL = {
  name: 'baseUrl',
  label: 'API address',
  secret: false,
  required: true,
  help: 'The Live Data API host.',
  default: 'https://gotlivedata.io',
};

/** Both Live Data logins hit the same session endpoint; only the body and the token field differ. */
function liveDataRecipe(body: { encoding: 'json' | 'form'; fields: Record<string, string> }, token: string, fallbackSeconds?: number): PresetInput['recipe'] {
  return {
    version: 1,
    kind: 'token-request',
    troubleshooting: {
      '401': 'Check the service account ID and its secret. The secret is shown only once, when the service account is created (Teams > Service Accounts): create a new one if it is lost.',
      '403': 'The account lacks the role the call needs on the organization: add it in Teams.',
    },
    tokenRequest: { method: 'POST', url: '{{baseUrl}}/api/identity/v1/session', body },
    tokenResponse: { token, lifetime: { from: 'expires-at', path: 'expiresAt', zone: 'UTC', ...(fallbackSeconds ? { fallbackSeconds } : {}) } },
    use: BEARER,
  };
}

export const liveDataServiceAccount: Preset = definePreset({
  id: 'livedata-service-account',
  name: 'Live Data (service account)',
  vendor: 'Live Data',
  description: 'Live Data API with a service account: JSON {grantType: "clientCredentials", clientId, clientSecret}; tokens last 15 minutes.',
  hints: [...LIVE_DATA_HINTS, 'Service account tokens last 15 minutes; Tokenbench renews them 90 s ahead.'],
  // The client credentials go in the same JSON object as grantType, camelCase as the docs spell them.
  recipe: liveDataRecipe({ encoding: 'json', fields: { grantType: 'clientCredentials', clientId: '{{clientId}}', clientSecret: '{{clientSecret}}' } }, 'accessToken'),
  variables: [
    LIVE_DATA_BASE_URL,
    { ...CLIENT_ID, label: 'Service account ID', help: 'Teams > Service Accounts.' },
    { ...CLIENT_SECRET, help: 'Shown once, when the service account is created.' },
  ],
  allowedHosts: ['gotlivedata.io'],
});

export const liveDataUser: Preset = definePreset({
  id: 'livedata-user',
  name: 'Live Data (user password)',
  vendor: 'Live Data',
  description: 'Live Data API as a user: form-encoded username and password; tokens last 1 hour.',
  hints: [...LIVE_DATA_HINTS, 'For automation prefer a service account.'],
  // The docs state a 1 h lifetime for user tokens: used only if expiresAt were ever missing.
  recipe: liveDataRecipe({ encoding: 'form', fields: { username: '{{username}}', password: '{{password}}' } }, 'access_token', 3600),
  variables: [LIVE_DATA_BASE_URL, USERNAME, PASSWORD],
  allowedHosts: ['gotlivedata.io'],
});

export const lemonway: Preset = definePreset({
  id: 'lemonway',
  name: 'Lemonway',
  vendor: 'Lemonway',
  description: 'Lemonway REST API: `Authorization: basic <API key>` (the raw key) and form field Grant_type=client_credentials; tokens last 90 days.',
  hints: [
    'Sandbox and production are separate hosts, each with its own API key and token: use one environment for each.',
    'Asking again returns the existing token with its remaining lifetime.',
    '400: check the API key and the Grant_type field. 401: the key is not valid, or your IP is not whitelisted by Lemonway.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    troubleshooting: {
      '400': 'Review the API key and Grant_type: copy the API key again from the Lemonway Dashboard and compare it with the one in use, and check that Grant_type goes in the form body.',
      '401': 'The API key is not valid on the authorization server: check the key and Grant_type, your firewall, and ask Lemonway to confirm that your IP address is whitelisted.',
      '404': 'The request did not reach the authorization server: check your internet connection and outbound firewall rules; report it to Lemonway support if it persists.',
      '500': 'A fault on the authorization server: report it to Lemonway support.',
    },
    tokenRequest: {
      method: 'POST',
      url: '{{baseUrl}}/oauth/api/v1/oauth/token',
      headers: { Accept: 'application/json;charset=UTF-8' },
      body: { encoding: 'form', fields: { Grant_type: 'client_credentials' } },
      clientAuth: { type: 'header', name: 'Authorization', value: 'basic {{apiKey}}' },
    },
    tokenResponse: { token: 'access_token', tokenType: 'token_Type', lifetime: { from: 'expires-in', path: 'expires_in' } },
    use: BEARER,
  },
  variables: [
    {
      name: 'baseUrl',
      label: 'API address',
      secret: false,
      required: true,
      help: 'Sandbox or production host.',
      default: { sandbox: 'https://sandbox-api.lemonway.fr', production: 'https://api.lemonway.fr' },
    },
    { name: 'apiKey', label: 'API key', secret: true, required: true, help: 'Lemonway Dashboard > Developers > API Keys (one per sandbox / production).' },
  ],
  allowedHosts: { sandbox: ['sandbox-api.lemonway.fr'], production: ['api.lemonway.fr'] },
});
