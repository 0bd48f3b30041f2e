/**
 * `tokenbench token` for a device code credential (RFC 8628): the CLI prints the code and the link
 * on stderr and polls; a stand-in opens the link, types the code and approves at oidc-provider;
 * stdout is the token and nothing else.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserLogin, startAuthorizationServer, type AuthorizationServer } from '../../testing/emulators';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { createMainServices } from '../core/services';
import { main } from './main';

const PASSPHRASE = 'device passphrase';
let server: AuthorizationServer;

beforeAll(async () => {
  // A 1 s interval keeps this real-time test short; the engine's own test covers the pacing.
  server = await startAuthorizationServer({ clients: [{ clientId: 'cli-device', auth: 'none', deviceFlow: true }], users: [{ username: 'carol', password: 'carol-password-0123' }], devicePollIntervalSeconds: 1 });
});
afterAll(() => server.close());

it('prints the code and the link on stderr, and only the token on stdout once approved', { timeout: 60_000 }, async () => {
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await app.handlers['environments:create']({ name: 'Device' });
  await app.handlers['credentials:add-from-preset']({
    presetId: 'oauth2-device-code',
    environmentId: environment.id,
    values: { deviceAuthorizationUrl: server.deviceAuthorizationEndpoint, tokenUrl: server.tokenEndpoint, clientId: 'cli-device', scope: 'openid api' },
  });
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(server.issuer).host] });
  await app.dispose();

  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const approvals: Array<Promise<void>> = [];
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => {
    err += chunk;
    const shown = /open (\S+) on any device and enter the code:\n\n\s+(\S+)/.exec(err);
    if (shown && approvals.length === 0) approvals.push(browserLogin('carol', { userCode: shown[2]! }).openAuthorization({ url: shown[1]!, label: 'test' }));
  });
  const code = await main(['token', 'OAuth2 device code (RFC 8628)', '--env', 'Device', '--data-dir', dataDir], {
    stdin: Readable.from(['']),
    stdout,
    stderr,
    env: { TOKENBENCH_PASSPHRASE: PASSPHRASE, TOKENBENCH_NO_BROWSER: '1', TOKENBENCH_NO_AGENT: '1' },
  });
  await Promise.all(approvals);
  expect(err).toMatch(/to sign in for “OAuth2 device code \(RFC 8628\)” in “Device”, open http:\/\/127\.0\.0\.1:\d+\/device on any device and enter the code:\n\n {4}[A-Z]{4}-[A-Z]{4}\n/);
  expect(err).toMatch(/or open http:\/\/127\.0\.0\.1:\d+\/device\?user_code=[A-Z]{4}-[A-Z]{4}, which carries the code/);
  expect(code).toBe(0);
  expect(approvals).toHaveLength(1);
  const token = out.trim();
  expect(out).toBe(`${token}\n`);
  const whoami = await fetch(server.whoamiUrl, { headers: { authorization: `Bearer ${token}` } });
  expect(await whoami.json()).toMatchObject({ sub: 'carol', client_id: 'cli-device' });
  const grants = server.tokenRequestLog.map((e) => new URLSearchParams(e.body).get('grant_type'));
  expect(grants.at(-1)).toBe('urn:ietf:params:oauth:grant-type:device_code');
});
