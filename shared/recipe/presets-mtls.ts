// The preset for mutual TLS client authentication (RFC 8705 2.1, tls_client_auth): the client is
// known by the certificate it presents, so the token request carries its client_id and no secret.
// The certificate and key are the environment's (its Client certificate section). Pure (no Node APIs).
import { CLIENT_ID, definePreset, OAUTH2_RESPONSE, TOKEN_URL, type Preset } from './preset-types';

export const oauth2MutualTls: Preset = definePreset({
  id: 'oauth2-tls-client-auth',
  name: 'OAuth2 client credentials (mutual TLS, tls_client_auth)',
  vendor: 'OAuth2',
  description:
    'grant_type=client_credentials with client_id in the body and no secret: the client certificate of the environment authenticates it (RFC 8705). Tokens bound to the certificate (cnf x5t#S256) work on the API because the same certificate is presented there.',
  hints: [
    'Add the client certificate and key (or the PKCS#12 file) to the environment first: its Client certificate section, or tokenbench env tls.',
    'If the service uses a private CA for its own certificate, add that CA in the same section.',
  ],
  recipe: {
    version: 1,
    kind: 'token-request',
    tokenRequest: {
      method: 'POST',
      url: '{{tokenUrl}}',
      body: { encoding: 'form', fields: { grant_type: 'client_credentials', client_id: '{{clientId}}' } },
      clientAuth: { type: 'none' },
    },
    tokenResponse: OAUTH2_RESPONSE,
  },
  variables: [TOKEN_URL, CLIENT_ID],
  allowedHosts: [],
});
