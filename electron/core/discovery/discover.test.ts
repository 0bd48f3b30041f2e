// OpenID Connect discovery against a real authorization server (oidc-provider), the JWT inspector
// checking a token against the keys the issuer publishes, the CLI's `discover`, and the ways a
// discovery document can be wrong.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer } from '../../../testing/emulators';
import { runCli } from '../../../testing/cli';
import { createTokenEngine } from '../engine/engine';
import { MemoryTokenCache } from '../engine/memory-cache';
import { credential, environment, presetOf } from '../../../testing/engine';
import { createHttpClient } from '../http';
import { inspectJwt } from '../tokens/jwt-inspect';
import { tempDir } from '../../../testing/vault';
import { createDiscoveryService } from './service';

let server: AuthorizationServer;
let other: AuthorizationServer;
let fake: http.Server;
let fakeBase: string;
/** What the fake server answers at its well-known paths, by path. */
const fakeAnswers = new Map<string, { status: number; body: string }>();
const client = createHttpClient();
const discovery = createDiscoveryService({ http: client });

beforeAll(async () => {
  const clients = [{ clientId: 'app', clientSecret: 'app-secret-0123456789', auth: 'client_secret_basic' as const }];
  server = await startAuthorizationServer({ clients });
  other = await startAuthorizationServer({ clients });
  fake = http.createServer((req, res) => {
    const answer = fakeAnswers.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 404, body: 'not here' };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeBase = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});

afterAll(async () => {
  client.close();
  await Promise.all([server.close(), other.close(), new Promise((resolve) => fake.close(resolve))]);
});

describe('OpenID Connect discovery', () => {
  it("fills every endpoint and supported method from the issuer's document", async () => {
    const metadata = await discovery.discover(server.issuer);
    expect(metadata).toMatchObject({
      issuer: server.issuer,
      documentUrl: `${server.issuer}/.well-known/openid-configuration`,
      tokenEndpoint: server.tokenEndpoint,
      jwksUri: server.jwksUri,
    });
    expect(metadata.grantTypes).toEqual(expect.arrayContaining(['client_credentials', 'refresh_token']));
    expect(metadata.tokenEndpointAuthMethods).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt']));
  });

  it('the discovered token endpoint works in a recipe', async () => {
    const metadata = await discovery.discover(server.issuer);
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const preset = presetOf('oauth2-client-credentials-basic');
      const env = environment(preset, { tokenUrl: metadata.tokenEndpoint, clientId: 'app', clientSecret: 'app-secret-0123456789' });
      const whoami = await engine.authenticatedRequest(env, credential(preset), { method: 'GET', url: server.whoamiUrl });
      expect(whoami.response.status).toBe(200);
    } finally {
      engine.dispose();
    }
  });

  it('the JWT inspector checks a token against the keys its issuer publishes, and its iss', async () => {
    const engine = createTokenEngine({ cache: new MemoryTokenCache() });
    try {
      const preset = presetOf('oauth2-client-credentials-basic');
      const env = environment(preset, { tokenUrl: server.tokenEndpoint, clientId: 'app', clientSecret: 'app-secret-0123456789' });
      const { token } = await engine.getToken(env, credential(preset));
      const deps = { discover: (issuer: string) => discovery.discover(issuer) };
      const good = await inspectJwt(token, { issuer: server.issuer }, deps);
      expect(good.signature).toEqual({ checked: true, valid: true, detail: `The RS256 signature matches the keys ${server.issuer} publishes.` });
      // Another server's keys: no key matches.
      const foreign = await inspectJwt(token, { issuer: other.issuer }, deps);
      expect(foreign.signature).toMatchObject({ checked: true, valid: false });
      expect(JSON.stringify(foreign.signature)).toMatch(/No key in the JWKS matches/);
    } finally {
      engine.dispose();
    }
  });

  it('says clearly what is wrong with an issuer or its document', async () => {
    const problem = async (issuer: string) => {
      try {
        await discovery.discover(issuer);
      } catch (error) {
        return error as Error & { code: string; hint?: string };
      }
      throw new Error(`discovery of ${issuer} succeeded`);
    };
    // Not exactly the issuer the document names (a trailing slash counts).
    expect((await problem(`${server.issuer}/`)).message).toMatch(/names another issuer/);

    expect(await problem(fakeBase)).toMatchObject({ code: 'not-found', message: expect.stringContaining('No discovery document was found') });

    fakeAnswers.set('/.well-known/openid-configuration', { status: 200, body: '<html>login</html>' });
    expect((await problem(fakeBase)).message).toMatch(/is not a JSON discovery document/);

    fakeAnswers.set('/.well-known/openid-configuration', { status: 200, body: JSON.stringify({ issuer: fakeBase }) });
    expect((await problem(fakeBase)).message).toMatch(/names no token endpoint/);

    fakeAnswers.set('/.well-known/openid-configuration', { status: 200, body: JSON.stringify({ issuer: fakeBase, token_endpoint: 'javascript:alert(1)' }) });
    expect((await problem(fakeBase)).message).toMatch(/"token_endpoint" as something that is not an http\(s\) address/);

    fakeAnswers.set('/.well-known/openid-configuration', { status: 500, body: '{}' });
    expect((await problem(fakeBase)).message).toMatch(/answered 500/);

    // RFC 8414's place is tried when OpenID Connect's is missing; its defaults fill the gaps.
    fakeAnswers.delete('/.well-known/openid-configuration');
    fakeAnswers.set('/.well-known/oauth-authorization-server/tenant', { status: 200, body: JSON.stringify({ issuer: `${fakeBase}/tenant`, token_endpoint: `${fakeBase}/tenant/token` }) });
    expect(await discovery.discover(`${fakeBase}/tenant`)).toMatchObject({ tokenEndpoint: `${fakeBase}/tenant/token`, tokenEndpointAuthMethods: ['client_secret_basic'] });

    expect((await problem('ftp://example.com')).message).toMatch(/must be an https/);
    expect((await problem(`${server.issuer}?tenant=1`)).message).toMatch(/no query or fragment/);
  });

  it('tokenbench discover prints the endpoints, or the document as JSON', async () => {
    const dataDir = tempDir();
    const text = await runCli(['discover', server.issuer, '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`token endpoint          ${server.tokenEndpoint}`);
    expect(text.stdout).toMatch(/client authentication +.*private_key_jwt/);
    const json = await runCli(['discover', server.issuer, '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject({ issuer: server.issuer, jwksUri: server.jwksUri });
    const missing = await runCli(['discover', `${server.issuer}/nowhere`, '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No discovery document was found');
  });
});
