// `credential from-example` and `credential export-code` from a script: a vendor's example file
// becomes a credential that gets a token from the emulator, and then code with no secret in it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLiveData, type LiveDataEmulator } from '../../../testing/emulators';
import * as examples from '../../../testing/examples/vendor-examples';
import { createVault } from '../../core/vault/vault';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { runCli } from '../../../testing/cli';

const PASSPHRASE = 'from example passphrase';
const SECRET = 'livedata-secret-CANARY-7c7c';

let live: LiveDataEmulator | undefined;
afterEach(async () => live?.close());

const cli = (argv: string[], stdin = '') => runCli(argv, { stdin, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });

describe('credential from-example / export-code', () => {
  it('prints the proposal, saves it with the secret from stdin, gets a token, and exports code without the secret', async () => {
    live = await startLiveData({ clientId: 'svc-1', clientSecret: SECRET, username: 'me', password: 'pw-0123456789' });
    const dataDir = tempDir();
    await createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
    const d = ['--data-dir', dataDir];
    expect((await cli([...d, 'env', 'create', 'Sandbox'])).code).toBe(0);
    const example = path.join(dataDir, 'session.sh');
    const response = path.join(dataDir, 'response.json');
    writeFileSync(example, examples.liveDataServiceAccount.example);
    writeFileSync(response, examples.liveDataServiceAccount.sampleResponse!);

    const shown = await cli([...d, 'credential', 'from-example', example, '--response', response]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('tokenResponse.lifetime: "expiresAt" as a date and time in UTC');
    expect(shown.stdout).toMatch(/clientSecret +\(secret, to fill in\)/);

    const onArgv = await cli([...d, 'credential', 'from-example', example, '--env', 'Sandbox', '--set', `clientSecret=${SECRET}`]);
    expect(onArgv).toMatchObject({ code: 2, stderr: expect.stringContaining('clientSecret is secret') });

    const saved = await cli([...d, 'credential', 'from-example', example, '--response', response, '--env', 'Sandbox', '--name', 'Live Data', '--set', `baseUrl=${live.url}`, '--set', 'clientId=svc-1'], `clientSecret=${SECRET}\n`);
    expect(saved).toMatchObject({ code: 0, stdout: expect.stringContaining('Added credential Live Data') });
    for (const file of ['workspace.json', 'credentials.json', 'secrets.json']) expect(readFileSync(path.join(dataDir, file), 'utf8')).not.toContain(SECRET);

    const token = await cli([...d, 'token', 'Live Data', '--env', 'Sandbox']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split('.')).toHaveLength(3);

    const code = await cli([...d, 'credential', 'export-code', 'Live Data', '--lang', 'python']);
    expect(code.code).toBe(0);
    expect(code.stdout).toMatch(/LIVE_DATA_CLIENT_SECRET +secret/);
    expect(code.stdout).toMatch(new RegExp(`LIVE_DATA_BASE_URL +default: ${live.url}`));
    expect(code.stdout).not.toContain(SECRET);
    const out = path.join(dataDir, 'client.ts');
    const written = await cli([...d, 'credential', 'export-code', 'Live Data', '--out', out]);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringContaining('set LIVE_DATA_BASE_URL, LIVE_DATA_CLIENT_ID, LIVE_DATA_CLIENT_SECRET') });
    expect(readFileSync(out, 'utf8')).toContain('export class TokenClient');
    expect(await cli([...d, 'credential', 'export-code', 'Live Data', '--lang', 'ruby'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang ruby is not one of typescript, python') });
  });

  it('says what is wrong with a file that is not an example', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'notes.txt');
    writeFileSync(file, 'call the token endpoint');
    expect(await cli(['--data-dir', dataDir, 'credential', 'from-example', file])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not look like a request') });
    expect(await cli(['--data-dir', dataDir, 'credential', 'from-example', path.join(dataDir, 'missing.sh')])).toMatchObject({ code: 2, stderr: expect.stringContaining('there is no such file') });
  });
});
