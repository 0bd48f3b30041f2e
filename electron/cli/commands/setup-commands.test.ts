/**
 * Everything the app can set up, a script can too: `credential add/list/use`, `var set`,
 * `env show`, `token forget`, against a real Lengow emulator; secrets only on stdin; `--json`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLengow, type LengowEmulator } from '../../../testing/emulators';
import { createVault } from '../../core/vault/vault';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import type { CliIo } from '../main';
import { fakeTerminal, runCli } from '../../../testing/cli';

const PASSPHRASE = 'setup commands passphrase';
const ACCESS = 'lengow-access-CANARY-5a5a';
const SECRET = 'lengow-secret-CANARY-6b6b';

let lengow: LengowEmulator | undefined;
afterEach(async () => lengow?.close());

const cli = (argv: string[], options: { stdin?: string | CliIo['stdin'] } = {}) => runCli(argv, { ...options, env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });

async function dataDirWithTwoEnvironments() {
  lengow = await startLengow({ accessToken: ACCESS, secret: SECRET, banAfter: 100 });
  const dataDir = tempDir();
  await createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
  expect((await cli(['--data-dir', dataDir, 'env', 'create', 'Sandbox'])).code).toBe(0);
  expect((await cli(['--data-dir', dataDir, 'env', 'create', 'Prod', '--production'])).code).toBe(0);
  return dataDir;
}

describe('setting up from the CLI', () => {
  it('adds a credential from a preset with secrets from stdin, uses it in a second environment, and gets tokens in both', async () => {
    const dataDir = await dataDirWithTwoEnvironments();
    const d = ['--data-dir', dataDir];

    const onArgv = await cli(['credential', 'add', '--preset', 'lengow', '--env', 'Sandbox', '--set', `secret=${SECRET}`, ...d]);
    expect(onArgv).toMatchObject({ code: 2, stderr: expect.stringContaining('secret is secret, so it is not taken from the command line') });
    expect(onArgv.stderr).not.toContain(SECRET);
    const badLine = await cli(['credential', 'add', '--preset', 'lengow', '--env', 'Sandbox', ...d], { stdin: `${SECRET}\n` });
    expect(badLine).toMatchObject({ code: 2, stderr: expect.stringContaining('Line 1 of standard input is not SECRET_NAME=VALUE') });
    expect(badLine.stderr).not.toContain(SECRET);
    const noPreset = await cli(['credential', 'add', '--preset', 'nope', '--env', 'Sandbox', ...d]);
    expect(noPreset).toMatchObject({ code: 2, stderr: expect.stringContaining('Presets: lengow, landax') });
    const noValues = await cli(['credential', 'add', '--preset', 'landax', '--env', 'Sandbox', ...d]);
    expect(noValues).toMatchObject({ code: 2, stderr: expect.stringContaining('The Landax preset needs Landax address (--set baseUrl=VALUE), ') });

    const added = await cli(['credential', 'add', '--preset', 'lengow', '--env', 'Sandbox', '--set', `baseUrl=${lengow!.url}`, '--json', ...d], { stdin: `accessToken=${ACCESS}\nsecret=${SECRET}\n` });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Lengow', presetId: 'lengow' });
    expect(added.stdout).not.toContain(SECRET);

    const list = await cli(['credential', 'list', ...d]);
    expect(list).toMatchObject({ code: 0, stdout: 'Lengow  preset lengow  used in Sandbox\n' });

    const use = await cli(['credential', 'use', 'lengow', '--env', 'prod', ...d]);
    expect(use).toMatchObject({ code: 0, stdout: 'Lengow is now used in Prod.\nProd still needs: accessToken, baseUrl, secret (tokenbench var set / secret set).\n' });
    expect(JSON.parse((await cli(['credential', 'list', '--json', ...d])).stdout)[0].environmentIds).toHaveLength(2);

    expect(await cli(['var', 'set', 'Prod', 'baseUrl', lengow!.url, ...d])).toMatchObject({ code: 0, stdout: 'Set baseUrl in Prod.\n' });
    for (const [name, value] of [['accessToken', ACCESS], ['secret', SECRET]] as const) {
      expect((await cli(['secret', 'set', 'Prod', name, ...d], { stdin: value })).code).toBe(0);
    }
    const refusedPlain = await cli(['var', 'set', 'Prod', 'secret', 'oops', ...d]);
    expect(refusedPlain).toMatchObject({ code: 2, stderr: expect.stringContaining('secret is a secret variable in Prod') });

    // Prod asks before a token fetch: the message names --yes.
    const unconfirmed = await cli(['token', 'Lengow', '--env', 'Prod', ...d]);
    expect(unconfirmed).toMatchObject({ code: 2, stderr: expect.stringContaining('Add --yes to confirm') });
    expect(lengow!.tokenRequests).toBe(0);
    // In a terminal it is a question that names --yes; "n" sends nothing.
    const declined = await cli(['token', 'Lengow', '--env', 'Prod', ...d], { stdin: fakeTerminal(['n']) });
    expect(declined).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('is a production environment. Confirm to get a token there. [y/N] (--yes skips this question) n\n') });
    expect(lengow!.tokenRequests).toBe(0);
    const sandboxToken = await cli(['token', 'Lengow', '--env', 'Sandbox', ...d]);
    const prodToken = await cli(['token', 'Lengow', '--env', 'Prod', '--yes', ...d]);
    expect([sandboxToken.code, prodToken.code]).toEqual([0, 0]);
    expect(lengow!.tokenRequests).toBe(2);

    const shown = await cli(['env', 'show', 'Prod', ...d]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Prod \[production\]\n {2}allowed hosts: .*\n {2}variables:\n/);
    expect(shown.stdout).toContain(`baseUrl = ${lengow!.url}`);
    expect(shown.stdout).toMatch(/secret = secret ••••6b6b/);
    // Rounded for people: "1 h" or "59 min 59 s", never "3599.2 s".
    expect(shown.stdout).toMatch(/Lengow: valid, expires in (1 h|59 min( \d+ s)?), \d+ token requests? in the last hour(, next token request allowed in \d+ s)?\n/);
    for (const output of [shown.stdout, list.stdout, added.stdout]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(prodToken.stdout.trim());
    }
    const shownJson = JSON.parse((await cli(['env', 'show', 'Prod', '--json', ...d])).stdout);
    expect(shownJson.credentials[0]).toMatchObject({ name: 'Lengow', token: { state: 'valid' } });
    expect(JSON.stringify(shownJson)).not.toContain(prodToken.stdout.trim());

    // Forget: the next call asks again; the other environment's token stays.
    expect(await cli(['token', 'forget', 'Lengow', '--env', 'Prod', ...d])).toMatchObject({ code: 0, stdout: 'Forgot the token of Lengow in Prod.\n' });
    expect((await cli(['token', 'Lengow', '--env', 'Sandbox', ...d])).stdout).toBe(sandboxToken.stdout);
    expect(lengow!.tokenRequests).toBe(2);
    // Lengow asks for 30 s between token requests, and the guard is shared by every process: the
    // next one is refused (exit 4) with when it will be allowed, and nothing reaches Lengow.
    const refused = await cli(['token', 'Lengow', '--env', 'Prod', '--yes', '--json', ...d]);
    expect(refused).toMatchObject({ code: 4, stdout: '' });
    expect(refused.stderr).toMatch(/spaced at least 30 s apart.*next attempt is allowed in \d+ s/s);
    expect(lengow!.tokenRequests).toBe(2);
  }, 60_000);
});
