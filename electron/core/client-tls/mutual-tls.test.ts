// Mutual TLS end to end against oidc-provider over HTTPS (client certificates required,
// tls_client_auth, certificate-bound tokens) and a resource server that checks the binding: the
// environment's client certificate (PEM and PKCS#12) and custom CA, as the app stores and uses them.
import { X509Certificate } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/runner/draft';
import type { ClientCertificates, TestCertificates } from '../../../testing/certificates';
import { certificateThumbprint, startBoundResourceServer, type BoundResourceServer } from '../../../testing/emulators/bound-resource-server';
import { startMutualTlsWorld, type MutualTlsAuthorizationServer } from '../../../testing/emulators/mtls-authorization-server';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { createManualClock } from '../clock';
import { createHttpClient } from '../http';
import { createMainServices, type MainServices } from '../services';

let serverCerts: TestCertificates;
let clientCerts: ClientCertificates;
let auth: MutualTlsAuthorizationServer;
let api: BoundResourceServer;
let app: MainServices;
const clock = createManualClock(Date.now());

beforeAll(async () => {
  ({ serverCerts, clientCerts, auth } = await startMutualTlsWorld('mtls-client'));
  api = await startBoundResourceServer({ server: serverCerts.valid, clientCa: clientCerts.ca, issuer: auth.issuer, audience: auth.resource, publicJwk: auth.publicJwk });
  app = await createMainServices({ dataDir: tempDir(), clock, scryptCost: TEST_SCRYPT, log: () => {}, confirmation: { confirm: async () => true } });
  await app.handlers['vault:setup']({ passphrase: 'mutual tls test passphrase' });
}, 60_000);

afterAll(async () => {
  await app?.dispose();
  await api?.close();
  await auth?.close();
});

const der = (pem: string) => new X509Certificate(pem).raw;

/** An environment with a tls_client_auth credential for the test server. */
async function mtlsEnvironment(name: string) {
  const environment = await app.handlers['environments:create']({ name });
  const { credential } = await app.handlers['credentials:add-from-preset']({
    presetId: 'oauth2-tls-client-auth',
    name: `mTLS ${name}`,
    environmentId: environment.id,
    values: { tokenUrl: auth.tokenEndpoint, clientId: 'mtls-client' },
  });
  return { environmentId: environment.id, credentialId: credential.id };
}

/** A token request, past any spacing the guard asks for after an earlier failure. */
function fetchToken(key: { environmentId: string; credentialId: string }) {
  clock.advance(301_000);
  return app.tokens.fetch(key);
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; hint?: string };
  }
  throw new Error('expected a failure');
}

describe('mutual TLS (RFC 8705)', () => {
  it('trusts a private CA only for the environment that has it, and says what is missing at each step', async () => {
    const key = await mtlsEnvironment('Private CA');
    const untrusted = await failure(fetchToken(key));
    expect(untrusted.code).toBe('tls-untrusted');
    expect(untrusted.message).toMatch(/from an issuer this computer does not trust/);
    expect(untrusted.hint).toMatch(/add that CA to the environment/);

    await app.handlers['clientTls:set']({ environmentId: key.environmentId, ca: { text: serverCerts.ca } });
    const noCertificate = await failure(fetchToken(key));
    expect(noCertificate.code).toBe('tls-client-certificate-required');
    expect(noCertificate.message).toMatch(/asks for a client certificate \(mutual TLS\), and none was presented/);

    // Another environment without the CA still refuses the server.
    const other = await mtlsEnvironment('No CA');
    expect((await failure(fetchToken(other))).code).toBe('tls-untrusted');
  });

  it('gets a token bound to the PEM client certificate, which the API accepts over the same certificate', async () => {
    const key = await mtlsEnvironment('PEM');
    const { warnings, environment } = await app.handlers['clientTls:set']({ environmentId: key.environmentId, certificate: { text: clientCerts.client.cert }, key: { text: clientCerts.client.key }, ca: { text: serverCerts.ca } });
    expect(warnings).toEqual([]);
    expect(environment.clientTls?.certificate).toMatchObject({ subject: 'CN=client', issuer: 'CN=Tokenbench Test Client CA', format: 'pem' });

    const issued = await fetchToken(key);
    const thumbprint = certificateThumbprint(der(clientCerts.client.cert));
    expect((decodeJwt(issued.token).cnf as Record<string, string>)['x5t#S256']).toBe(thumbprint);
    // tls_client_auth: the client ID in the body, no secret anywhere.
    const entry = app.domain.timeline.list({ environmentId: key.environmentId }).find((e) => e.outcome === 'success');
    expect(entry?.request.body).toBe('grant_type=client_credentials&client_id=mtls-client');

    await app.handlers['environments:update']({ id: key.environmentId, allowedHosts: ['127.0.0.1'] });
    const result = await app.handlers['runner:send']({ draft: emptyDraft({ url: api.whoamiUrl, environmentId: key.environmentId, credentialId: key.credentialId }), sendId: 'pem-1' });
    expect(result.response.status).toBe(200);
    expect(JSON.parse(result.body.text!).presentedThumbprint).toBe(thumbprint);
  });

  it('does the same with a PKCS#12 file, and names a wrong passphrase', async () => {
    const key = await mtlsEnvironment('PKCS12');
    const wrong = await failure(app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pkcs12', pkcs12: clientCerts.pkcs12, passphrase: 'not it' } }));
    expect(wrong.message).toBe('The passphrase does not open the PKCS#12 file.');
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pkcs12', pkcs12: clientCerts.pkcs12, passphrase: clientCerts.pkcs12Passphrase }, ca: serverCerts.ca });
    expect(app.domain.environments.find(key.environmentId).clientTls?.certificate?.format).toBe('pkcs12');
    const issued = await fetchToken(key);
    expect((decodeJwt(issued.token).cnf as Record<string, string>)['x5t#S256']).toBe(certificateThumbprint(der(clientCerts.client.cert)));
  });

  it('refuses a certificate from an unknown issuer, or of another client, with a clear message', async () => {
    const key = await mtlsEnvironment('Stranger');
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pem', certificate: clientCerts.stranger.cert, key: clientCerts.stranger.key }, ca: serverCerts.ca });
    const refused = await failure(fetchToken(key));
    expect(refused.code).toBe('tls-client-certificate-refused');
    expect(refused.message).toMatch(/refused the client certificate presented \(mutual TLS\)/);
    expect(refused.message).not.toMatch(/ECONNRESET|ERR_SSL/);

    // Accepted in the handshake (same client CA), but not the certificate this client registered.
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pem', certificate: clientCerts.other.cert, key: clientCerts.other.key } });
    const wrongClient = await failure(fetchToken(key));
    expect(wrongClient.code).toBe('bad-credentials');
  });

  it('a new certificate drops the tokens bound to the old one; a clone keeps the CA but not the key; a delete drops the key', async () => {
    const key = await mtlsEnvironment('Rotation');
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pem', certificate: clientCerts.client.cert, key: clientCerts.client.key }, ca: serverCerts.ca });
    const first = await fetchToken(key);
    expect((await app.tokens.fetch(key)).token).toBe(first.token);
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pem', certificate: clientCerts.other.cert, key: clientCerts.other.key } });
    // Within the token's life, yet not the cached token: a new request, which the server refuses for this certificate.
    clock.advance(60_000);
    expect((await failure(app.tokens.fetch(key))).code).toBe('bad-credentials');

    const clone = await app.handlers['environments:clone']({ id: key.environmentId, name: 'Rotation copy', includeSecrets: true });
    expect(clone.clientTls?.certificate).toBeNull();
    expect(clone.clientTls?.ca?.certificates[0]?.subject).toBe('CN=Tokenbench Test CA');
    expect(app.domain.clientTls.forEnvironment(clone.id)).toEqual({ ca: expect.stringContaining('-----BEGIN CERTIFICATE-----') });

    const sealedId = (id: string) => app.secrets.vault.secrets.ids().filter((sealed) => sealed.includes(encodeURIComponent(id)) && sealed.endsWith(':client-certificate'));
    expect(sealedId(key.environmentId)).toHaveLength(1);
    await app.handlers['environments:delete']({ id: key.environmentId });
    expect(sealedId(key.environmentId)).toHaveLength(0);
  });

  it('the API refuses a bound token presented with another certificate', async () => {
    const key = await mtlsEnvironment('Binding');
    await app.domain.clientTls.set({ environmentId: key.environmentId, identity: { format: 'pem', certificate: clientCerts.client.cert, key: clientCerts.client.key }, ca: serverCerts.ca });
    const issued = await fetchToken(key);
    const http = createHttpClient();
    try {
      const call = (tls: { cert: string; key: string }) =>
        http.send({ method: 'GET', url: api.whoamiUrl, headers: { authorization: `Bearer ${issued.token}` }, clientTls: { ...tls, ca: serverCerts.ca } });
      expect((await call(clientCerts.client)).status).toBe(200);
      const stolen = await call(clientCerts.other);
      expect(stolen.status).toBe(401);
      expect(JSON.parse(stolen.body.toString()).error_description).toBe('the access token is bound to another client certificate');
    } finally {
      http.close();
    }
  });
});
