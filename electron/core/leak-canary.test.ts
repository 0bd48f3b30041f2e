// Plants secrets and tokens, then drives every echo and error path where one used to leak: an
// auth service echoing the Basic credential, tokens refused after they were read (unreadable
// lifetime, expired on arrival, control characters), a secret in a host name, binary and JSON
// bodies echoing secrets (one secret being `true`), introspection and revocation endpoints echoing
// the token they were sent. Then it searches the IPC answers and events,
// every file in the data folder (timeline.jsonl, history), the CLI's timeline and the hex view.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { findPreset } from '../../shared/recipe';
import { emptyDraft } from '../../shared/runner/draft';
import { startAuthorizationServer, startDpopResourceServer } from '../../testing/emulators';
import { main } from '../cli/main';
import { createManualClock } from './clock';
import { createMainServices } from './services';
import { createVaultProofKeys } from './vault/proof-keys';
import { listFiles, TEST_SCRYPT, tempDir } from '../../testing/vault';

const PASSPHRASE = 'leak canary passphrase 42';
const CLIENT_ID = 'leak-client';
const CANARIES = {
  clientSecret: 'CnrySecret/+q~9Zk1wX',
  hostSecret: 'TenantCnry7Hq',
  token: 'CnryToken-5d1a9e7b3c',
  refresh: 'CnryRefresh-8f2c4b6a',
};
/** A private_key_jwt client's key: a line from the middle of its PEM is the canary. */
const PRIVATE_KEY_PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PRIVATE_KEY_LINE = PRIVATE_KEY_PEM.split('\n')[5]!;
/** The signed client assertions the auth service received (and echoed back). */
const assertionsSeen: string[] = [];
/** Bodies the auth service answers with, by path. */
const TOKEN_ANSWERS: Record<string, (basic: string) => { status: number; body: unknown }> = {
  '/echo-basic': (basic) => ({ status: 401, body: { error: 'invalid_client', error_description: `Unknown client ${basic}`, seen: basic, lower: basic.toLowerCase() } }),
  '/bad-lifetime': () => ({ status: 200, body: { access_token: CANARIES.token, refresh_token: CANARIES.refresh, expires_in: 'eventually', note: `issued ${CANARIES.token}` } }),
  '/expired': () => ({ status: 200, body: { access_token: CANARIES.token, expires_in: 0, note: `issued ${CANARIES.token}` } }),
  '/absurd': () => ({ status: 200, body: { access_token: CANARIES.token, expires_in: 1e17, note: `issued ${CANARIES.token}` } }),
  '/control': () => ({ status: 200, body: { access_token: `${CANARIES.token}\r\nX-Evil: 1`, expires_in: 60 } }),
};
/** A token the app keeps, for introspection and revocation (not one of the failing routes above). */
const HELD_TOKEN = { access_token: CANARIES.token, refresh_token: CANARIES.refresh, expires_in: 3600, token_type: 'Bearer' };

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const basic = (req.headers.authorization ?? '').replace(/^Basic /, '');
    const answer = url.pathname === '/token-ok' ? { status: 200, body: HELD_TOKEN } : TOKEN_ANSWERS[url.pathname]?.(basic);
    if (url.pathname === '/introspect-echo' || url.pathname === '/revoke-echo') {
      // Introspection and revocation endpoints that echo the token they were sent.
      let form = '';
      req.on('data', (chunk) => (form += chunk));
      req.on('end', () => {
        const token = new URLSearchParams(form).get('token') ?? '';
        const body = url.pathname === '/introspect-echo'
          ? { active: true, client_id: CLIENT_ID, echoed: token, note: `about ${token}`, refresh: CANARIES.refresh, nested: { token } }
          : { error: 'invalid_client', error_description: `cannot revoke ${token}` };
        res.writeHead(url.pathname === '/introspect-echo' ? 200 : 401, { 'content-type': 'application/json', 'x-echo': token });
        res.end(JSON.stringify(body));
      });
    } else if (url.pathname === '/echo-assertion') {
      let form = '';
      req.on('data', (chunk) => (form += chunk));
      req.on('end', () => {
        const assertion = new URLSearchParams(form).get('client_assertion') ?? '';
        assertionsSeen.push(assertion);
        res.writeHead(401, { 'content-type': 'application/json', 'x-echo': assertion });
        res.end(JSON.stringify({ error: 'invalid_client', error_description: `Bad assertion ${assertion}`, form }));
      });
    } else if (answer) {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-echo': basic });
      res.end(JSON.stringify(answer.body));
    } else if (url.pathname === '/binary') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.concat([Buffer.from([0, 1, 2, 3, 4, 5, 6]), Buffer.from(CANARIES.clientSecret), Buffer.from([0]), Buffer.from(Buffer.from(CANARIES.clientSecret).toString('base64'))]));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, echo: req.headers['x-key'], upper: String(req.headers['x-key']).toUpperCase() }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function cli(argv: string[]) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  const err = new PassThrough();
  err.on('data', (chunk) => (text += chunk));
  const code = await main(argv, { stdin: Readable.from(['']), stdout: out, stderr: err, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });
  return { code, text };
}

/** Every form a canary may be found in: as is, in either case, URL-encoded, base64(url), base64 of id:secret. */
function formsToFind(canary: string): string[] {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return [canary, canary.toLowerCase(), canary.toUpperCase(), encodeURIComponent(canary), b64(canary), Buffer.from(canary).toString('base64url'), b64(`${CLIENT_ID}:${canary}`)];
}

/** The app's services over `dataDir`, keeping every IPC answer and event to search them later. */
async function recordedApp(dataDir: string, clock?: ReturnType<typeof createManualClock>) {
  // The user confirms every widening of the allowed hosts these tests ask for.
  const confirmation = { confirm: async () => true };
  const app = await createMainServices({ dataDir, ...(clock ? { clock } : {}), scryptCost: TEST_SCRYPT, log: () => {}, confirmation });
  const events: unknown[] = [];
  app.onEvent((event, payload) => events.push({ event, payload }));
  const answers: unknown[] = [];
  const call = async (channel: string, payload: unknown) => {
    const result = await app.dispatch(channel, payload);
    answers.push(result);
    return result;
  };
  return { app, events, answers, call };
}

describe('leak canary: every echo and error path', () => {
  it('finds no planted secret or token in answers, events, files, the CLI timeline or the hex view', async () => {
    const dataDir = tempDir();
    const clock = createManualClock(Date.now());
    const { app, events, answers, call } = await recordedApp(dataDir, clock);

    await call('vault:setup', { passphrase: PASSPHRASE });
    const environment = (await app.handlers['environments:create']({ name: 'Canary' })) as { id: string };
    const added = await app.handlers['credentials:add-from-preset']({
      presetId: 'oauth2-client-credentials-basic',
      environmentId: environment.id,
      values: { tokenUrl: `${base}/echo-basic`, clientId: CLIENT_ID, clientSecret: CANARIES.clientSecret },
    });
    const credentialId = added.credential.id;
    await call('variables:set', { environmentId: environment.id, name: 'tenant', value: CANARIES.hostSecret, secret: true });
    await call('variables:set', { environmentId: environment.id, name: 'flag', value: 'true', secret: true });
    const pair = { environmentId: environment.id, credentialId };

    const fetchFrom = async (tokenUrl: string, secret = false) => {
      await call('variables:set', { environmentId: environment.id, name: 'tokenUrl', value: tokenUrl, secret });
      // Past any spacing or backoff the guard asks for: each attempt must reach the service.
      clock.advance(301_000);
      return call('tokens:fetch', pair);
    };
    const outcomes = [];
    for (const route of Object.keys(TOKEN_ANSWERS)) outcomes.push(await fetchFrom(`${base}${route}`));
    // A secret in the host name: first refused by the allowed hosts (the refusal names the host),
    // then, once the user allowed `*.invalid`, it comes back lower-cased in the transport error.
    outcomes.push(await fetchFrom(`http://${CANARIES.hostSecret}.invalid/token`, true));
    const allowed = (await app.handlers['environments:list']({})).find((e) => e.id === environment.id)!.allowedHosts;
    await call('environments:update', { id: environment.id, allowedHosts: [...allowed, '*.invalid'] });
    outcomes.push(await fetchFrom(`http://${CANARIES.hostSecret}.invalid/token`, true));
    // A private_key_jwt client whose auth service echoes the signed assertion back.
    const keyEnvironment = (await app.handlers['environments:create']({ name: 'Canary keys' })) as { id: string };
    const keyed = await app.handlers['credentials:add-from-preset']({
      presetId: 'oauth2-private-key-jwt',
      environmentId: keyEnvironment.id,
      values: { tokenUrl: `${base}/echo-assertion`, clientId: CLIENT_ID, privateKey: PRIVATE_KEY_PEM },
    });
    outcomes.push(await call('tokens:fetch', { environmentId: keyEnvironment.id, credentialId: keyed.credential.id }));
    const codes = outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code));
    expect(codes).toEqual(['bad-credentials', 'expiry-unreadable', 'expired-on-arrival', 'expiry-unreadable', 'token-invalid', 'host-not-allowed', expect.stringMatching(/dns|network/), 'bad-credentials']);
    expect(assertionsSeen).toHaveLength(1);

    // Introspection and revocation of a held token, both endpoints echoing it back.
    const recipe = added.credential.recipe;
    await call('credentials:update', { id: credentialId, recipe: { ...recipe, introspectionUrl: `${base}/introspect-echo`, revocationUrl: `${base}/revoke-echo` } });
    expect(await fetchFrom(`${base}/token-ok`)).toMatchObject({ ok: true });
    expect(await call('tokens:introspect', pair)).toMatchObject({ ok: true, value: { active: true, clientId: CLIENT_ID } });
    expect(await call('tokens:introspect', { ...pair, refreshToken: true })).toMatchObject({ ok: true, value: { active: true } });
    expect(await call('tokens:revoke', { ...pair, refreshToken: true })).toMatchObject({ ok: false, error: { code: 'bad-credentials' } });
    await call('tokens:list', {});
    await call('timeline:list', {});

    // The runner: a JSON echo (with a secret equal to `true` in the environment) and a binary body.
    const draft = (url: string) => emptyDraft({ method: 'GET', url, environmentId: environment.id, headers: [{ name: 'x-key', value: '{{clientSecret}}', enabled: true }] });
    const json = await call('runner:send', { draft: draft(`${base}/json`), sendId: 'json-1' });
    expect(json).toMatchObject({ ok: true });
    const binary = await call('runner:send', { draft: draft(`${base}/binary`), sendId: 'bin-1' });
    expect(binary).toMatchObject({ ok: true, value: { body: { kind: 'binary' } } });
    const bodyId = (binary as { value: { body: { bodyId: string } } }).value.body.bodyId;
    const hex = await call('runner:body-page', { bodyId, view: 'hex', from: 0, count: 100 });
    const hexLines = (hex as { value: { lines: string[] } }).value.lines;
    const asciiColumn = hexLines.map((line) => line.slice(line.indexOf('|') + 1, -1)).join('');
    const history = await call('history:list', {});
    expect(history).toMatchObject({ ok: true, value: { entries: [{ url: `${base}/binary` }, { url: `${base}/json` }] } });
    await app.dispose();

    const cliTimeline = await cli(['timeline', '--data-dir', dataDir]);
    const cliTimelineJson = await cli(['timeline', '--json', '--data-dir', dataDir]);
    expect(cliTimelineJson.code).toBe(0);
    expect(cliTimeline.text).toContain('failed');

    const haystacks: Array<[string, string]> = [
      ...listFiles(dataDir).map((file): [string, string] => [path.relative(dataDir, file), fs.readFileSync(file, 'latin1')]),
      ['IPC answers', JSON.stringify(answers)],
      ['events', JSON.stringify(events)],
      ['hex view (ascii column)', asciiColumn],
      ['CLI timeline', cliTimeline.text + cliTimelineJson.text],
    ];
    expect(haystacks.map(([where]) => where)).toEqual(expect.arrayContaining(['timeline.jsonl']));
    for (const [where, text] of haystacks) {
      for (const [name, canary] of [...Object.entries(CANARIES), ['private key', PRIVATE_KEY_LINE], ['client assertion', assertionsSeen[0]!]] as Array<[string, string]>) {
        for (const form of formsToFind(canary)) expect(text.includes(form), `${name} canary (${form}) found in ${where}`).toBe(false);
      }
    }

    // The search can fail: the server really echoed the secrets, and they are where they belong.
    const timelineFile = fs.readFileSync(path.join(dataDir, 'timeline.jsonl'), 'utf8');
    expect(timelineFile).toContain('Unknown client ••••');
    expect(json).toMatchObject({ ok: true, value: { body: { kind: 'json', note: null, complete: true }, historyProblem: null } });
    expect(JSON.stringify(answers)).toContain('"echo\\": \\"••••k1wX');
    expect(asciiColumn).toContain('*'.repeat(CANARIES.clientSecret.length));
  });
});

/** oidc-provider wants client_secret_basic credentials form-encoded; this one needs no encoding. */
const DPOP_CLIENT_SECRET = 'CnryDpopSecret9Zk1wX';

describe('leak canary: the DPoP private key', () => {
  it('is found in no answer, event, file or CLI output after token requests, renewals and runner calls', async () => {
    const authorization = await startAuthorizationServer({ clients: [{ clientId: CLIENT_ID, clientSecret: DPOP_CLIENT_SECRET, auth: 'client_secret_basic' }], requireDpopNonce: true });
    const api = await startDpopResourceServer({ issuer: authorization.issuer, jwksUri: authorization.jwksUri, audience: authorization.resource, requireNonce: true });
    try {
      const dataDir = tempDir();
      const { app, events, answers, call } = await recordedApp(dataDir);
      await call('vault:setup', { passphrase: PASSPHRASE });
      const environment = await app.handlers['environments:create']({ name: 'Canary DPoP' });
      const recipe = { ...findPreset('oauth2-client-credentials-basic')!.recipe, dpop: { algorithm: 'ES256' }, use: undefined, guard: { minIntervalSeconds: 0 } };
      const credential = (await call('credentials:create', { name: 'Canary bound', recipe, environmentIds: [environment.id] })) as { value: { id: string } };
      for (const [name, value, secret] of [['tokenUrl', authorization.tokenEndpoint, false], ['clientId', CLIENT_ID, false], ['clientSecret', DPOP_CLIENT_SECRET, true]] as const) {
        await call('variables:set', { environmentId: environment.id, name, value, secret });
      }
      await call('environments:update', { id: environment.id, allowedHosts: [new URL(authorization.issuer).host, new URL(api.url).host] });
      const pair = { environmentId: environment.id, credentialId: credential.value.id };
      // The planted key: the one the vault holds for this credential before its first use.
      const planted = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
      await createVaultProofKeys(app.secrets.vault).set(pair, JSON.stringify({ algorithm: 'ES256', privateJwk: planted }));

      const fetched = await call('tokens:fetch', pair);
      expect(fetched, JSON.stringify(fetched)).toMatchObject({ ok: true });
      // The status comes as the one tokens:changed event, not in the answer.
      expect(await app.tokens.status(pair)).toMatchObject({ state: 'valid', tokenType: 'DPoP' });
      expect(await call('tokens:fetch', { ...pair, renew: true })).toMatchObject({ ok: true });
      const sent = await call('runner:send', { draft: emptyDraft({ method: 'GET', url: api.whoamiUrl, environmentId: environment.id, credentialId: pair.credentialId }), sendId: 'dpop-1' });
      expect(sent, JSON.stringify(sent).slice(0, 600)).toMatchObject({ ok: true });
      expect(sent).toMatchObject({ ok: true, value: { response: { status: 200 }, request: { dpopProof: { header: { jwk: { x: planted.x } } } } } });
      await call('timeline:list', {});
      await call('history:list', {});
      await call('tokens:list', {});
      await app.dispose();
      const cliToken = await cli(['token', 'Canary bound', '--env', 'Canary DPoP', '--renew', '--data-dir', dataDir]);
      const cliRequest = await cli(['request', 'GET', api.whoamiUrl, '--env', 'Canary DPoP', '--credential', 'Canary bound', '--data-dir', dataDir]);
      const cliTimeline = await cli(['timeline', '--json', '--data-dir', dataDir]);
      expect([cliToken.code, cliRequest.code, cliTimeline.code]).toEqual([0, 0, 0]);
      // The search can fail: the planted key signed what the servers accepted.
      const used = await calculateJwkThumbprint(decodeProtectedHeader(api.accepted.at(-1)!).jwk!, 'sha256');
      expect(used).toBe(await calculateJwkThumbprint({ kty: planted.kty!, crv: planted.crv!, x: planted.x!, y: planted.y! }, 'sha256'));

      const haystacks: Array<[string, string]> = [
        ...listFiles(dataDir).map((file): [string, string] => [path.relative(dataDir, file), fs.readFileSync(file, 'latin1')]),
        ['IPC answers', JSON.stringify(answers)],
        ['events', JSON.stringify(events)],
        ['CLI', cliToken.text + cliRequest.text + cliTimeline.text],
      ];
      for (const [where, text] of haystacks) {
        for (const form of [...formsToFind(planted.d!), ...formsToFind(DPOP_CLIENT_SECRET)]) expect(text.includes(form), `DPoP private key or client secret (${form}) found in ${where}`).toBe(false);
      }
    } finally {
      await api.close();
      await authorization.close();
    }
  });
});
