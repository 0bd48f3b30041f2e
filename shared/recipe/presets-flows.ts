// Presets for the standard OAuth flows beyond a shared secret: client authentication by a signed
// JWT (RFC 7523). Pure (no Node APIs).
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
