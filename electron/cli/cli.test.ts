import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../core/store/workspace';
import { TEST_SCRYPT, tempDir } from '../../testing/vault';
import { createVault } from '../core/vault/vault';
import { defaultDataDir } from './default-data-dir';
import { main, type CliIo } from './main';
import { fakeTerminal, runCli, spawnCli } from '../../testing/cli';

const PASSPHRASE = 'cli passphrase for tests';

const run = (argv: string[], options: { stdin?: CliIo['stdin']; env?: Record<string, string | undefined> } = {}) => runCli(argv, options);

/** A data folder with a vault (cheap scrypt) and one environment. */
async function prepared() {
  const dataDir = tempDir();
  await createVault({ dataDir, problems: [], scryptCost: TEST_SCRYPT }).setup({ passphrase: PASSPHRASE });
  expect((await run(['env', 'create', 'Sandbox', '--data-dir', dataDir])).code).toBe(0);
  return dataDir;
}

describe('tokenbench CLI', () => {
  it('lists its commands, and says so when a command does not exist', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'import PATH', 'export FILE', 'secret set ENV NAME', 'env list']) expect(help.stdout).toContain(`tokenbench ${command}`);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no command "frobnicate"');
    const wrong = await run(['secret', 'set', 'only-one', '--data-dir', tempDir()]);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('takes ENV NAME, got only-one') });
    expect((await run(['env', 'list', '--colour'])).stderr).toContain("Unknown option '--colour'");
  });

  it('takes options before or after the command, and lists its exit codes', async () => {
    const dataDir = await prepared();
    const before = await run(['--data-dir', dataDir, 'env', 'list']);
    const between = await run(['env', '--data-dir', dataDir, 'list']);
    const after = await run(['env', 'list', `--data-dir=${dataDir}`]);
    expect(before).toMatchObject({ code: 0, stdout: 'Sandbox  0 plain, 0 secret variables\n' });
    expect(between).toEqual(before);
    expect(after).toEqual(before);
    // An option's value that happens to be a command word is still the option's value.
    expect((await run(['--data-dir', dataDir, 'env', 'create', 'list'])).stdout).toBe('Created environment list.\n');
    expect(await run(['--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('which command? None was given') });
    // --json wherever data is printed.
    expect(JSON.parse((await run(['--json', 'env', 'create', 'Staging', '--data-dir', dataDir])).stdout)).toMatchObject({ name: 'Staging', production: false });
    expect(JSON.parse((await run(['var', 'set', 'Staging', 'region', 'eu', '--json', '--data-dir', dataDir])).stdout).variables).toEqual([expect.objectContaining({ name: 'region', value: 'eu', secret: false })]);
    expect(JSON.parse((await run(['credential', 'list', '--json', '--data-dir', dataDir])).stdout)).toEqual([]);
    const help = await run(['--help']);
    for (const line of ['0  done', '2  the command line is wrong', '3  the vault is locked', '4  the guard refused']) expect(help.stdout).toContain(line);
    for (const command of ['credential add', 'credential list', 'credential use NAME', 'var set ENV NAME VALUE', 'token forget CREDENTIAL', 'env show ENV', 'run [NAME|GROUP ...]', 'unlock', 'lock']) {
      expect(help.stdout).toContain(`tokenbench ${command}`);
    }
    expect(help.stdout).not.toContain('tokenbench agent');
    expect((await run(['token', '--help'])).stdout).toContain('4  the guard refused');
  });

  it('escapes control characters in what a terminal shows, and keeps piped data exact', async () => {
    const dataDir = await prepared();
    const hostile = 'Evil\u001b]0;owned\u0007\u001b[2J';
    expect((await run(['--data-dir', dataDir, 'var', 'set', 'Sandbox', 'note', hostile])).code).toBe(0);
    const notFound = await run(['--data-dir', dataDir, 'env', 'show', hostile]);
    expect(notFound.stderr).toContain('There is no environment called "Evil\\u001b]0;owned\\u0007\\u001b[2J"');
    expect(notFound.stderr).not.toContain('\u001b');
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    let shown = '';
    terminal.on('data', (chunk) => (shown += chunk));
    await main(['--data-dir', dataDir, 'env', 'show', 'Sandbox'], { stdin: Readable.from(['']), stdout: terminal, stderr: new PassThrough(), env: {} });
    expect(shown).toContain('note = Evil\\u001b]0;owned\\u0007\\u001b[2J');
    const piped = await run(['--data-dir', dataDir, 'env', 'list', '--json']);
    expect(JSON.parse(piped.stdout)[0].variables[0].value).toBe(hostile);
  });

  it('creates a vault with init and refuses to create a second one', async () => {
    const dataDir = tempDir();
    const env = { TOKENBENCH_PASSPHRASE: PASSPHRASE };
    const init = await run(['init', '--data-dir', dataDir], { env });
    expect(init).toMatchObject({ code: 0, stdout: expect.stringContaining(`Vault created in ${dataDir}`) });
    const again = await run(['init'], { env: { ...env, TOKENBENCH_DATA_DIR: dataDir } });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already has a vault') });
  }, 60_000);

  it('reads a secret from stdin, never from the command line, and needs the passphrase from the environment then', async () => {
    const dataDir = await prepared();
    const noPassphrase = await run(['secret', 'set', 'Sandbox', 'API_KEY', '--data-dir', dataDir], { stdin: Readable.from(['value']) });
    expect(noPassphrase).toMatchObject({ code: 3, stderr: expect.stringContaining('TOKENBENCH_PASSPHRASE') });
    const wrong = await run(['secret', 'set', 'Sandbox', 'API_KEY', '--data-dir', dataDir], { stdin: Readable.from(['value']), env: { TOKENBENCH_PASSPHRASE: 'not it at all' } });
    expect(wrong).toMatchObject({ code: 3, stderr: expect.stringContaining('That passphrase does not unlock this vault.') });
    const stored = await run(['secret', 'set', 'sandbox', 'API_KEY', '--data-dir', dataDir], { stdin: Readable.from(['stdin-secret-value-9876\n']), env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });
    expect(stored).toMatchObject({ code: 0, stdout: 'Stored secret API_KEY in Sandbox (••••9876).\n' });
    const missingEnv = await run(['secret', 'set', 'Prod', 'API_KEY', '--data-dir', dataDir], { env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });
    expect(missingEnv).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no environment called "Prod".\nEnvironments: Sandbox.') });
    expect((await run(['env', 'list', '--data-dir', dataDir])).stdout).toBe('Sandbox  0 plain, 1 secret variable\n');
  });

  it('prompts for the passphrase and the value without echoing them in a terminal', async () => {
    const dataDir = await prepared();
    const stdin = fakeTerminal([`${PASSPHRASE}\r`, 'typed-secret-0000x\u007f1\r']);
    const result = await run(['secret', 'set', 'Sandbox', 'TYPED', '--data-dir', dataDir], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Vault passphrase: \nValue for TYPED: \n');
    expect(result.stdout).toContain('(••••0001)');
    expect(stdin.rawModes).toEqual([true, false, true, false]);
  });

  it('exports and imports through files', async () => {
    const dataDir = await prepared();
    const file = path.join(tempDir(), 'out.json');
    expect((await run(['export', file, '--data-dir', dataDir])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).environments[0].name).toBe('Sandbox');
    const imported = await run(['import', file, '--data-dir', dataDir]);
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported Sandbox as Sandbox (imported) (the name was taken).\n' });
    const missing = await run(['import', path.join(dataDir, 'nope.json'), '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('nope.json could not be read') });
  });

  it('uses the same default folder as the app', () => {
    expect(defaultDataDir({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.config/tokenbench');
    expect(defaultDataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/tokenbench');
    expect(defaultDataDir({ HOME: '/Users/ada' }, 'darwin')).toBe('/Users/ada/Library/Application Support/tokenbench');
  });

  it('runs as a real process: stdin piped in, exit codes out', async () => {
    const dataDir = await prepared();
    const [stored, refused] = await Promise.all([
      spawnCli(['secret', 'set', 'Sandbox', 'PIPED', '--data-dir', dataDir], { TOKENBENCH_PASSPHRASE: PASSPHRASE }, 'piped-secret-value-5555'),
      spawnCli(['secret', 'set', 'Sandbox', 'OTHER', '--data-dir', dataDir], { TOKENBENCH_PASSPHRASE: '' }, 'value'),
    ]);
    expect(stored).toMatchObject({ code: 0, stdout: 'Stored secret PIPED in Sandbox (••••5555).\n' });
    expect(refused).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('the passphrase must come from TOKENBENCH_PASSPHRASE') });
    expect(openWorkspace({ dataDir, problems: [] }).read().environments[0]!.variables[0]).toMatchObject({ name: 'PIPED', secret: true, value: '' });
  }, 60_000);
});
