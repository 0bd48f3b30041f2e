/**
 * The CLI on a workspace folder: `workspace init` writes one from the data folder, and a second
 * machine (its own data folder and vault) clones it, stores its own secret values, and gets a
 * token from a Lengow emulator with `--workspace`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { startLengow, type LengowEmulator } from '../../testing/emulators';
import { commitAll, editFile, everythingIn, git } from '../../testing/git';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { createMainServices } from '../core/services';

const PASSPHRASE = 'workspace cli passphrase';
const ACCESS_TOKEN = 'lengow-access-CANARY-wscli-31f0';
const SECRET = 'lengow-secret-CANARY-wscli-c8e2';

let emulator: LengowEmulator | undefined;
afterEach(async () => emulator?.close());

const run = (argv: string[], stdin?: string) => runCli(argv, { env: { TOKENBENCH_PASSPHRASE: PASSPHRASE }, ...(stdin === undefined ? {} : { stdin }) });

describe('tokenbench --workspace DIR', () => {
  it('makes a workspace from the data folder, and a second machine gets a token from it with its own vault', async () => {
    emulator = await startLengow({ accessToken: ACCESS_TOKEN, secret: SECRET });
    const first = tempDir();
    const app = await createMainServices({ dataDir: first, scryptCost: TEST_SCRYPT, log: () => {} });
    await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
    const environment = await app.handlers['environments:create']({ name: 'Lengow sandbox' });
    await app.handlers['credentials:add-from-preset']({ presetId: 'lengow', environmentId: environment.id, values: { baseUrl: emulator.url, accessToken: ACCESS_TOKEN, secret: SECRET } });
    await app.handlers['environments:update']({ id: environment.id, allowedHosts: [new URL(emulator.url).host] });
    await app.dispose();

    const shared = path.join(tempDir(), 'team');
    const init = await run(['workspace', 'init', shared, '--data-dir', first]);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('Wrote 1 environment, 1 credential and 0 saved requests');
    git(shared, 'init', '-q');
    commitAll(shared, 'Team workspace');
    const again = await run(['workspace', 'init', shared, '--data-dir', first]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('is a workspace already');

    // The second machine: a clone, a new data folder, its own vault and its own secret values.
    const clone = path.join(tempDir(), 'clone');
    git(path.dirname(clone), 'clone', '-q', shared, clone);
    const second = tempDir();
    const withWorkspace = (argv: string[]) => [...argv, '--workspace', clone, '--data-dir', second];
    expect((await run(withWorkspace(['init']))).code).toBe(0);
    const before = await run(withWorkspace(['token', 'Lengow', '--env', 'Lengow sandbox']));
    expect(before.code).not.toBe(0);
    expect(before.stderr).toContain('no stored value');
    for (const [name, value] of [['accessToken', ACCESS_TOKEN], ['secret', SECRET]] as const) {
      expect((await run(withWorkspace(['secret', 'set', 'Lengow sandbox', name]), value)).code).toBe(0);
    }
    const token = await run(withWorkspace(['token', 'Lengow', '--env', 'Lengow sandbox']));
    expect(token.stderr).toBe('');
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.tokenRequests).toBe(1);

    // The clone holds no secret; the second data folder has no environments of its own.
    expect(git(clone, 'status', '--porcelain')).toBe('');
    const everything = everythingIn(clone);
    for (const secret of [ACCESS_TOKEN, SECRET, SECRET.slice(-4)]) expect(everything).not.toContain(secret);
    expect((await run(['env', 'list', '--data-dir', second])).stdout).toContain('No environments yet');
    // Each CLI run unlocks with the real (slow) passphrase cost; the machine is shared.
  }, 240_000);

  it('names a broken file and its line, and carries on with the rest', async () => {
    const dataDir = tempDir();
    const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
    for (const name of ['Sandbox', 'Staging']) await app.handlers['environments:create']({ name });
    await app.dispose();
    const folder = path.join(tempDir(), 'ws');
    expect((await run(['workspace', 'init', folder, '--data-dir', dataDir])).code).toBe(0);
    editFile(path.join(folder, 'environments/Staging.yaml'), /^production: false$/m, 'production: false: true');

    const list = await run(['env', 'list', '--workspace', folder, '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Sandbox');
    expect(list.stdout).not.toContain('Staging');
    const line = fs.readFileSync(path.join(folder, 'environments/Staging.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('production:')) + 1;
    expect(list.stderr).toContain(`environments/Staging.yaml line ${line} was left out: it is not valid YAML`);

    const missing = await run(['env', 'list', '--workspace', path.join(folder, 'nope'), '--data-dir', dataDir]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('is not a Tokenbench workspace folder');
  });
});
