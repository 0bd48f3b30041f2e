/**
 * The token commands against a real Lengow emulator: the CLI reuses the token the app got
 * (same data folder, same encrypted cache), calls the API with it, and shows the timeline
 * without secrets. Lengow bans clients that ask for a token per request, so reuse matters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLengow, type LengowEmulator } from '../../testing/emulators';
import { createMainServices } from '../core/services';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { runCli } from '../../testing/cli';

const PASSPHRASE = 'token commands passphrase';
const ACCESS_TOKEN = 'lengow-access-CANARY-7f3a';
const SECRET = 'lengow-secret-CANARY-91bd';

let emulator: LengowEmulator | undefined;
afterEach(async () => emulator?.close());

const run = (argv: string[]) => runCli(argv, { env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });

/** The app's side: a vault, a Lengow sandbox environment and the Lengow credential from its preset. */
async function appWithLengow(production = false) {
  emulator = await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET, banAfter: 3 });
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await app.handlers['environments:create']({ name: 'Lengow sandbox', production });
  await app.handlers['credentials:add-from-preset']({
    presetId: 'lengow',
    environmentId: environment.id,
    values: { baseUrl: emulator.url, accessToken: ACCESS_TOKEN, secret: SECRET },
  });
  const hostPort = new URL(emulator.url).host;
  await app.handlers['environments:update']({ id: environment.id, allowedHosts: [hostPort] });
  return { app, dataDir };
}

describe('tokenbench token / request / timeline', () => {
  it('reuses the token the app got, and calls the API with it', async () => {
    const { app, dataDir } = await appWithLengow();
    const key = { environmentId: app.workspace.read().environments[0]!.id, credentialId: app.credentials.read().credentials[0]!.id };
    await app.handlers['tokens:fetch'](key);
    expect((await app.tokens.status(key)).state).toBe('valid');
    await app.dispose();
    expect(emulator!.tokenRequests).toBe(1);

    const token = await run(['token', 'Lengow', '--env', 'Lengow sandbox', '--data-dir', dataDir]);
    expect(token.stderr).toBe('');
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const again = await run(['token', 'lengow', '--env', 'lengow sandbox', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(again.stdout)).toMatchObject({ token: token.stdout.trim(), reused: true, use: { name: 'Authorization', value: token.stdout.trim() } });
    expect(emulator!.tokenRequests).toBe(1);

    const call = await run(['request', 'GET', `${emulator!.url}/v3.0/orders?account_id=1`, '--env', 'Lengow sandbox', '--credential', 'Lengow', '--data-dir', dataDir]);
    expect(call.code).toBe(0);
    expect(call.stderr).toContain('HTTP 200');
    expect(JSON.parse(call.stdout)).toMatchObject({ count: 1, results: [{ marketplace_order_id: 'EMU-1' }] });
    expect(emulator!.tokenRequests).toBe(1);

    const timeline = await run(['timeline', '--json', '--data-dir', dataDir]);
    expect(timeline.code).toBe(0);
    const entries = JSON.parse(timeline.stdout) as Array<{ credentialName: string; outcome: string }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ credentialName: 'Lengow', outcome: 'success' });
    for (const output of [timeline.stdout, call.stdout, call.stderr]) {
      expect(output).not.toContain(ACCESS_TOKEN);
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(token.stdout.trim());
    }
  });

  it('says what is wrong, on stderr with a non-zero exit', async () => {
    const { app, dataDir } = await appWithLengow(true);
    await app.dispose();
    const production = await run(['token', 'Lengow', '--env', 'Lengow sandbox', '--data-dir', dataDir]);
    expect(production.code).toBe(2);
    expect(production.stderr).toContain('is a production environment');
    expect(production.stderr).toContain('Add --yes to confirm');
    expect(emulator!.tokenRequests).toBe(0);

    const unknown = await run(['token', 'Nope', '--env', 'Lengow sandbox', '--data-dir', dataDir]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('There is no credential called "Nope"');
    expect(unknown.stderr).toContain('Credentials: Lengow.');

    const noEnv = await run(['token', 'Lengow', '--data-dir', dataDir]);
    expect(noEnv.stderr).toContain('--env NAME');

    const badHeader = await run(['request', 'GET', emulator!.url, '--env', 'Lengow sandbox', '--credential', 'Lengow', '-H', 'oops', '--yes', '--data-dir', dataDir]);
    expect(badHeader.stderr).toContain('"oops" is not a header');

    emulator!.injectTokenFault({ status: 401, body: '{"error":"unauthorized"}', contentType: 'application/json' });
    const refused = await run(['token', 'Lengow', '--env', 'Lengow sandbox', '--yes', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/credential|401/i);
    expect(refused.stderr).not.toContain(SECRET);
  });
});
