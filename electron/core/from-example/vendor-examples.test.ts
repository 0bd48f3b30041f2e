// Each vendor doc's example (and textbook OAuth2 ones) pasted as is -> a proposed recipe -> a token
// from that vendor's emulator, with only the values a user types (address, secrets) and no edit.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startAuthorizationServer,
  startLandax,
  startLemonway,
  startLengow,
  startLiveData,
  startOAuth2ClientCredentials,
  type Emulator,
} from '../../../testing/emulators';
import * as examples from '../../../testing/examples/vendor-examples';
import { createTokenEngine, type TokenEngine } from '../engine';
import { createManualClock, type ManualClock } from '../clock';
import { MemoryTokenCache } from '../engine/memory-cache';
import type { EngineEnvironment } from '../engine/types';
import { proposeFromExample, type ExampleProposal } from './propose';

const started: Array<Emulator | TokenEngine> = [];
afterEach(async () => {
  for (const thing of started.splice(0)) {
    if ('dispose' in thing) thing.dispose();
    else await thing.close();
  }
});

/** The environment a user ends up with: the proposal's variables, with the values they type. */
function environmentFor(proposal: ExampleProposal, typed: Record<string, string>): EngineEnvironment {
  const variables: EngineEnvironment['variables'] = {};
  for (const variable of proposal.variables) variables[variable.name] = { value: typed[variable.name] ?? variable.value, secret: variable.secret };
  const missing = proposal.variables.filter((v) => variables[v.name]!.value === '').map((v) => v.name);
  if (missing.length) throw new Error(`no value typed for ${missing.join(', ')}`);
  return { id: 'env', name: 'Sandbox', production: false, allowedHosts: [], allowInsecureTls: false, variables };
}

async function tokenFrom(emulator: Emulator, proposal: ExampleProposal, typed: Record<string, string>, clock?: ManualClock) {
  started.push(emulator);
  const engine = createTokenEngine({ cache: new MemoryTokenCache(), ...(clock ? { clock } : {}) });
  started.push(engine);
  return engine.getToken(environmentFor(proposal, { baseUrl: emulator.url, ...typed }), { id: 'cred', name: proposal.suggestedName, recipe: proposal.recipe });
}

const secretNames = (p: ExampleProposal) => p.variables.filter((v) => v.secret).map((v) => v.name);

describe('vendor doc examples become working recipes', () => {
  it('Lemonway: the cURL with its raw "basic <key>" header, odd Grant_type and token_Type casing', async () => {
    const proposal = proposeFromExample(examples.lemonway);
    expect(proposal.suggestedName).toBe('Lemonway');
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'header', name: 'Authorization', value: 'basic {{apiKey}}' });
    expect(proposal.recipe.tokenRequest.body).toEqual({ encoding: 'form', fields: { Grant_type: 'client_credentials' } });
    expect(proposal.recipe.tokenRequest.headers).toEqual({ accept: 'application/json;charset=UTF-8' });
    expect(proposal.recipe.tokenResponse).toMatchObject({ token: 'access_token', tokenType: 'token_Type', lifetime: { from: 'expires-in', path: 'expires_in' } });
    expect(proposal.variables).toContainEqual(expect.objectContaining({ name: 'apiKey', value: examples.LEMONWAY_DOC_KEY, secret: true }));
    const lemonway = await startLemonway({ apiKey: examples.LEMONWAY_DOC_KEY, environment: 'sandbox' });
    const token = await tokenFrom(lemonway, proposal, {});
    expect(token.expiresAt! - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(lemonway.tokenRequestLog[0]!.body).toBe('Grant_type=client_credentials');
  });

  it('Live Data (service account): the JSON cURL, camelCase fields, a zone-less expiresAt read as UTC', async () => {
    const proposal = proposeFromExample(examples.liveDataServiceAccount);
    expect(proposal.recipe.tokenRequest.body).toEqual({ encoding: 'json', fields: { grantType: 'clientCredentials', clientId: '{{clientId}}', clientSecret: '{{clientSecret}}' } });
    expect(proposal.recipe.tokenResponse.lifetime).toEqual({ from: 'expires-at', path: 'expiresAt', format: 'iso', zone: 'UTC' });
    expect(secretNames(proposal)).toEqual(['clientSecret']);
    const live = await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789' });
    const token = await tokenFrom(live, proposal, { clientId: 'svc-1', clientSecret: 'svc-secret-0123456789' });
    expect(Math.abs(token.expiresAt! - (Date.now() + 900_000))).toBeLessThan(60_000);
  });

  it('Live Data (user): the form cURL with <placeholders>', async () => {
    const proposal = proposeFromExample(examples.liveDataUser);
    expect(proposal.recipe.tokenRequest.body).toEqual({ encoding: 'form', fields: { username: '{{username}}', password: '{{password}}' } });
    expect(proposal.variables.map((v) => [v.name, v.value, v.secret])).toEqual([['baseUrl', 'https://gotlivedata.io', false], ['username', '', false], ['password', '', true]]);
    const live = await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789' });
    expect((await tokenFrom(live, proposal, { username: 'me', password: 'pw-0123456789' })).token).toMatch(/\./);
  });

  it('Live Data: the docs\' Python sample class', async () => {
    const proposal = proposeFromExample(examples.liveDataPython);
    expect(proposal.source).toBe('python');
    expect(proposal.recipe.tokenRequest.url).toBe('{{baseUrl}}/api/identity/v1/session');
    expect(proposal.recipe.tokenRequest.body).toEqual({ encoding: 'json', fields: { clientId: '{{clientId}}', clientSecret: '{{clientSecret}}', grantType: 'clientCredentials' } });
    const live = await startLiveData({ clientId: 'svc-1', clientSecret: 'svc-secret-0123456789', username: 'me', password: 'pw-0123456789' });
    expect((await tokenFrom(live, proposal, { clientId: 'svc-1', clientSecret: 'svc-secret-0123456789' })).token).toMatch(/\./);
  });

  it('Landax: the raw HTTP exchange with the grant type in the query, its response, and renewal by refresh token', async () => {
    const proposal = proposeFromExample(examples.landax);
    expect(proposal.suggestedName).toBe('Landax');
    expect(proposal.variables.find((v) => v.name === 'baseUrl')!.value).toBe('https://company.landax.no');
    expect(proposal.recipe.tokenRequest.query).toEqual({ grant_type: 'password' });
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } });
    expect(proposal.recipe.tokenResponse).toMatchObject({ token: 'access_token', tokenType: 'token_type', refreshToken: 'refresh_token', extras: { scope: 'scope' } });
    expect(proposal.recipe.renewal.refreshRequest).toMatchObject({ query: { grant_type: 'refresh_token' }, body: { encoding: 'json', fields: { refresh_token: '{{refreshToken}}' } } });
    const landax = await startLandax({ clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789' });
    const typed = { clientId: 'app-key', clientSecret: 'client-key-0123456789', username: 'api-user', password: 'pass-0123456789' };
    const clock = createManualClock();
    await tokenFrom(landax, proposal, typed, clock);
    // The proposed refresh request is one Landax accepts.
    const engine = started.find((t): t is TokenEngine => 'dispose' in t)!;
    const env = environmentFor(proposal, { baseUrl: landax.url, ...typed });
    const cred = { id: 'cred', name: 'Landax', recipe: proposal.recipe };
    expect((await engine.status(env, cred)).hasRefreshToken).toBe(true);
    clock.advance(10_000);
    await engine.getToken(env, cred, { forceRenew: true });
    expect(landax.refreshGrants).toBe(1);
  });

  it('Lengow: its request and answer, the lifetime and the ban warning from the docs\' words', async () => {
    const proposal = proposeFromExample(examples.lengow);
    expect(proposal.recipe.tokenResponse).toMatchObject({ token: 'token', lifetime: { from: 'fixed', seconds: 3600 }, extras: { accountId: 'account_id' } });
    expect(proposal.recipe.guard.minIntervalSeconds).toBe(30);
    expect(secretNames(proposal)).toEqual(['accessToken', 'secret']);
    const lengow = await startLengow({ accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789' });
    const token = await tokenFrom(lengow, proposal, { accessToken: 'lengow-access-0123456789', secret: 'lengow-secret-0123456789' });
    expect(token.extras).toEqual({ accountId: '1' });
  });

  it('generic OAuth2: a Basic header the docs describe as "base64 encoded client_id:client_secret"', async () => {
    const proposal = proposeFromExample(examples.oauth2ClientCredentials);
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' });
    const oauth = await startOAuth2ClientCredentials({ clientId: 'my-own-id', clientSecret: 'cc-secret-0123456789' });
    const token = await tokenFrom(oauth, proposal, { clientId: 'my-own-id', clientSecret: 'cc-secret-0123456789' });
    expect(token.tokenType).toBe('Bearer');
  });
});

describe('textbook OAuth2 examples against a real authorization server', () => {
  it('RFC 6749 4.4.2: the Basic value is decoded into the client ID and secret', async () => {
    const proposal = proposeFromExample(examples.rfc6749ClientCredentials);
    expect(proposal.variables).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'clientId', value: 's6BhdRkqt3', secret: false }),
      expect.objectContaining({ name: 'clientSecret', value: 'gX1fBat3bV', secret: true }),
    ]));
    expect(proposal.recipe.tokenResponse.extras).toEqual({ exampleParameter: 'example_parameter' });
    const server = await startAuthorizationServer({ clients: [{ clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV', auth: 'client_secret_basic' }] });
    expect((await tokenFrom(server, proposal, {})).token.split('.')).toHaveLength(3);
  });

  it('RFC 6749 4.3.2: the password grant, renewed with the refresh token', async () => {
    const proposal = proposeFromExample(examples.rfc6749Password);
    expect(proposal.recipe.renewal.refreshRequest?.body).toEqual({ encoding: 'form', fields: { grant_type: 'refresh_token', refresh_token: '{{refreshToken}}' } });
    const server = await startAuthorizationServer({ clients: [{ clientId: 's6BhdRkqt3', clientSecret: 'gX1fBat3bV', auth: 'client_secret_basic' }], users: [{ username: 'johndoe', password: 'A3ddj3w' }] });
    expect((await tokenFrom(server, proposal, {})).token.split('.')).toHaveLength(3);
    expect(server.tokenRequestLog[0]!.body).toBe('grant_type=password&username=johndoe&password=A3ddj3w');
  });

  it('JavaScript fetch with URLSearchParams and process.env values (client_secret_post)', async () => {
    const proposal = proposeFromExample(examples.fetchClientSecretPost);
    expect(proposal.source).toBe('javascript');
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'body', fields: { client_id: '{{clientId}}', client_secret: '{{clientSecret}}' } });
    const server = await startAuthorizationServer({ clients: [{ clientId: 'svc', clientSecret: 'post-secret-0123456789', auth: 'client_secret_post' }] });
    expect((await tokenFrom(server, proposal, { clientId: 'svc', clientSecret: 'post-secret-0123456789' })).token).toBeTruthy();
  });

  it('axios.post with qs.stringify and auth: {username, password}', async () => {
    const proposal = proposeFromExample(examples.axiosBasic);
    expect(proposal.recipe.tokenRequest.clientAuth).toEqual({ type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' });
    expect(proposal.recipe.tokenRequest.body).toEqual({ encoding: 'form', fields: { grant_type: 'client_credentials' } });
    const server = await startAuthorizationServer({ clients: [{ clientId: 'svc', clientSecret: 'basic-secret-0123456789', auth: 'client_secret_basic' }] });
    expect((await tokenFrom(server, proposal, { clientId: 'svc', clientSecret: 'basic-secret-0123456789' })).token).toBeTruthy();
  });
});
