// Presets for the standard OAuth flows beyond a shared secret: client authentication by a signed
// JWT (RFC 7523), a sign-in in the browser (RFC 8252) or with a code on any device (RFC 8628). Pure (no Node APIs).
import { CLIENT_ID, CLIENT_SECRET, definePreset, OAUTH2_RESPONSE, TOKEN_URL, type Preset, type PresetVariable } from './preset-types';
import type { ClientAuth } from './recipe';

/** grant_type=client_credentials to {{tokenUrl}}, the client authenticated by an assertion (form fields). */
function clientCredentials(clientAuth: ClientAuth) {
  return { method: 'POST', url: '{{tokenUrl}}', body: { encoding: 'form', fields: { grant_type: 'client_credentials' } }, clientAuth } as const;
}

const PRIVATE_KEY: PresetVariable = {
  name: 'privateKey',
  label: 'Private key',
  secret: true,
  required: true,
  help: 'The client\'s private key as PEM ("-----BEGIN PRIVATE KEY-----") or as a private JWK; kept encrypted in the vault. The auth service holds the public half.',
};

export const oauth2PrivateKeyJwt: Preset = definePreset({
  id: 'oauth2-private-key-jwt',
  name: 'OAuth2 client credentials (private_key_jwt)',
  vendor: 'OAuth2',
  description: 'grant_type=client_credentials; the client proves itself with a JWT signed by its own private key (RFC 7523, OpenID Connect private_key_jwt). No shared secret travels.',
  hints: [
    'Register the public key (or a JWKS URL) with the auth service; keep the private key here only.',
    'The assertion\'s audience is the token URL; set clientAuth.audience in the recipe if the service wants its issuer instead.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: clientCredentials({ type: 'private-key-jwt', clientId: '{{clientId}}', privateKey: '{{privateKey}}', algorithm: 'RS256' }),
    tokenResponse: OAUTH2_RESPONSE,
  },
  variables: [TOKEN_URL, CLIENT_ID, PRIVATE_KEY],
  allowedHosts: [],
});

export const oauth2ClientSecretJwt: Preset = definePreset({
  id: 'oauth2-client-secret-jwt',
  name: 'OAuth2 client credentials (client_secret_jwt)',
  vendor: 'OAuth2',
  description: 'grant_type=client_credentials; the client proves itself with a JWT signed (HMAC) by its secret, so the secret itself is never sent (RFC 7523, OpenID Connect client_secret_jwt).',
  hints: ['The service must have this client registered for client_secret_jwt; otherwise it answers invalid_client.'],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: clientCredentials({ type: 'client-secret-jwt', clientId: '{{clientId}}', clientSecret: '{{clientSecret}}', algorithm: 'HS256' }),
    tokenResponse: OAUTH2_RESPONSE,
  },
  variables: [TOKEN_URL, CLIENT_ID, CLIENT_SECRET],
  allowedHosts: [],
});

/** A public client's refresh grant: the refresh token kept in the vault, the client ID, no secret. */
const PUBLIC_CLIENT_RENEWAL = {
  refreshRequest: {
    method: 'POST',
    url: '{{tokenUrl}}',
    body: { encoding: 'form', fields: { grant_type: 'refresh_token', refresh_token: '{{refreshToken}}', client_id: '{{clientId}}' } },
  },
} as const;

const AUTHORIZATION_URL: PresetVariable = {
  name: 'authorizationUrl',
  label: 'Authorization URL',
  secret: false,
  required: true,
  help: 'The authorization endpoint where you sign in, e.g. https://auth.example.com/authorize (`tokenbench discover ISSUER` shows it).',
};

const SCOPE: PresetVariable = {
  name: 'scope',
  label: 'Scopes',
  secret: false,
  required: false,
  help: 'Space-separated scopes to ask for (e.g. "openid offline_access api"); empty = the server\'s default.',
  default: '',
};

export const oauth2AuthorizationCode: Preset = definePreset({
  id: 'oauth2-authorization-code',
  name: 'OAuth2 authorization code with PKCE (sign in in the browser)',
  vendor: 'OAuth2',
  description:
    'You sign in once in the system browser; Tokenbench receives the code on a one-use loopback address (RFC 8252), proves it started the sign-in with PKCE S256 (RFC 7636), and renews with the refresh token it keeps in the vault.',
  hints: [
    'Register http://127.0.0.1/callback as a redirect URI of a native (public) client; the port is chosen at random each time.',
    'Ask for offline_access if the server only gives refresh tokens with it.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    authorization: { flow: 'authorization-code', url: '{{authorizationUrl}}', clientId: '{{clientId}}', scope: '{{scope}}' },
    tokenRequest: {
      method: 'POST',
      url: '{{tokenUrl}}',
      body: {
        encoding: 'form',
        fields: { grant_type: 'authorization_code', code: '{{authorizationCode}}', redirect_uri: '{{redirectUri}}', code_verifier: '{{codeVerifier}}', client_id: '{{clientId}}' },
      },
    },
    tokenResponse: OAUTH2_RESPONSE,
    renewal: PUBLIC_CLIENT_RENEWAL,
  },
  variables: [AUTHORIZATION_URL, TOKEN_URL, CLIENT_ID, SCOPE],
  allowedHosts: [],
});

const DEVICE_AUTHORIZATION_URL: PresetVariable = {
  name: 'deviceAuthorizationUrl',
  label: 'Device authorization URL',
  secret: false,
  required: true,
  help: 'The device authorization endpoint, e.g. https://auth.example.com/device/code (`tokenbench discover ISSUER` shows it).',
};

export const oauth2DeviceCode: Preset = definePreset({
  id: 'oauth2-device-code',
  name: 'OAuth2 device code (RFC 8628)',
  vendor: 'OAuth2',
  description:
    'Tokenbench shows a short code and a link; you open the link on any device, enter the code and approve. Meanwhile Tokenbench asks the token endpoint at the pace the server sets, and renews with the refresh token it keeps in the vault.',
  hints: [
    'The client must be allowed the urn:ietf:params:oauth:grant-type:device_code grant.',
    'Ask for offline_access if the server only gives refresh tokens with it.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    authorization: { flow: 'device-code', url: '{{deviceAuthorizationUrl}}', clientId: '{{clientId}}', scope: '{{scope}}' },
    tokenRequest: {
      method: 'POST',
      url: '{{tokenUrl}}',
      body: { encoding: 'form', fields: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: '{{deviceCode}}', client_id: '{{clientId}}' } },
    },
    tokenResponse: OAUTH2_RESPONSE,
    renewal: PUBLIC_CLIENT_RENEWAL,
  },
  variables: [DEVICE_AUTHORIZATION_URL, TOKEN_URL, CLIENT_ID, SCOPE],
  allowedHosts: [],
});
