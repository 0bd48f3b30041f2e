// Presets for standard flows that are not tied to one vendor: OAuth2 grants, static API keys and
// HTTP Basic.
import {
  BASIC_CLIENT_AUTH,
  CLIENT_ID,
  CLIENT_SECRET,
  definePreset,
  EXPIRES_ON,
  oauth2Grant,
  OAUTH2_RESPONSE,
  PASSWORD,
  POST_CLIENT_AUTH,
  TOKEN_URL,
  USERNAME,
  type Preset,
} from './preset-types';

/** grant_type=refresh_token with the refresh token the last response carried. */
const REFRESH_REQUEST = oauth2Grant({ grant_type: 'refresh_token', refresh_token: '{{refreshToken}}' }, BASIC_CLIENT_AUTH);

export const oauth2ClientCredentialsBasic: Preset = definePreset({
  id: 'oauth2-client-credentials-basic',
  name: 'OAuth2 client credentials (Basic auth)',
  vendor: 'OAuth2',
  description: 'grant_type=client_credentials, form-encoded, client authenticated with HTTP Basic; the token is often a JWT (oauth2-client-credentials.txt).',
  hints: [
    '401 from the token endpoint: check the client ID and secret. 403 from the API: the client lacks a permission or scope.',
    'Some services let you choose your own client ID.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    troubleshooting: {
      '401': 'Check the token validity or the credentials: the client ID (which you may have chosen yourself) and the client secret.',
      '403': 'Check the account permissions and access.',
    },
    tokenRequest: oauth2Grant({ grant_type: 'client_credentials' }, BASIC_CLIENT_AUTH),
    tokenResponse: OAUTH2_RESPONSE,
  },
  variables: [{ ...TOKEN_URL, help: 'The token endpoint, e.g. https://api.example.com/oauth/v2/token.' }, CLIENT_ID, CLIENT_SECRET],
  allowedHosts: [],
});

export const oauth2ClientCredentialsPost: Preset = definePreset({
  id: 'oauth2-client-credentials-post',
  name: 'OAuth2 client credentials (client secret in the body)',
  vendor: 'OAuth2',
  description: 'grant_type=client_credentials with client_id and client_secret as form fields (client_secret_post).',
  hints: ['Use this when the service rejects HTTP Basic client authentication (401 invalid_client).'],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: oauth2Grant({ grant_type: 'client_credentials' }, POST_CLIENT_AUTH),
    tokenResponse: OAUTH2_RESPONSE,
  },
  variables: [TOKEN_URL, CLIENT_ID, CLIENT_SECRET],
  allowedHosts: [],
});

export const oauth2Password: Preset = definePreset({
  id: 'oauth2-password',
  name: 'OAuth2 password grant',
  vendor: 'OAuth2',
  description: 'grant_type=password with a username and password, client authenticated with HTTP Basic; renewed with the refresh token.',
  hints: ['If renewal with the refresh token fails, Tokenbench signs in again with the password.'],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: oauth2Grant({ grant_type: 'password', username: '{{username}}', password: '{{password}}' }, BASIC_CLIENT_AUTH),
    tokenResponse: OAUTH2_RESPONSE,
    renewal: { refreshRequest: REFRESH_REQUEST },
  },
  variables: [TOKEN_URL, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD],
  allowedHosts: [],
});

export const oauth2RefreshToken: Preset = definePreset({
  id: 'oauth2-refresh-token',
  name: 'OAuth2 refresh token',
  vendor: 'OAuth2',
  description: 'Exchanges a refresh token you already hold (grant_type=refresh_token); later renewals use the newest refresh token.',
  hints: ['Services that rotate refresh tokens invalidate the one you entered after its first use; Tokenbench keeps the newest.'],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: REFRESH_REQUEST,
    tokenResponse: OAUTH2_RESPONSE,
    renewal: { refreshRequest: REFRESH_REQUEST },
  },
  variables: [
    TOKEN_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    { name: 'refreshToken', label: 'Refresh token', secret: true, required: true, help: 'A refresh token issued to this client.' },
  ],
  allowedHosts: [],
});

export const staticApiKey: Preset = definePreset({
  id: 'static-api-key',
  name: 'Static API key',
  vendor: 'Generic',
  description: 'A long-lived key sent as `Authorization: Bearer <key>`; no token request.',
  hints: ['For another header (e.g. X-Api-Key) edit the recipe\'s "use" part.'],
  recipe: { version: 1, kind: 'static', token: '{{apiKey}}', expiresAt: '{{expiresOn}}', use: { in: 'header', name: 'Authorization', value: 'Bearer {{token}}' } },
  variables: [{ name: 'apiKey', label: 'API key', secret: true, required: true, help: 'The key as the vendor shows it.' }, EXPIRES_ON],
  allowedHosts: [],
});

export const httpBasic: Preset = definePreset({
  id: 'http-basic',
  name: 'HTTP Basic',
  vendor: 'Generic',
  description: '`Authorization: Basic base64(username:password)` on every request; no token request.',
  hints: [],
  recipe: { version: 1, kind: 'basic', username: '{{username}}', password: '{{password}}', expiresAt: '{{expiresOn}}' },
  variables: [USERNAME, PASSWORD, { ...EXPIRES_ON, help: 'When the password must be changed, for a reminder. Leave empty if never.' }],
  allowedHosts: [],
});
