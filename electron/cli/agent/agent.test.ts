/**
 * Unlock sessions: the thin client hands commands to an agent that holds the unlocked vault,
 * over a private unix socket. In-process for the protocol and the session's end; real
 * processes for `unlock` / `lock` as a script uses them.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startLengow, type LengowEmulator } from '../../../testing/emulators';
import { createMainServices } from '../../core/services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { openCore, type CliCore } from '../core';
import { capture, spawnCli } from '../../../testing/cli';
import { runInAgent } from './client';
import { startAgent } from './server';
import { cliRunner } from '../main';
import { agentSocketPath, ensureAgentFolder } from './socket-path';

const PASSPHRASE = 'agent passphrase for tests';
const ACCESS = 'lengow-access-CANARY-a9a9';
const SECRET = 'lengow-secret-CANARY-b8b8';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let lengow: LengowEmulator;

/** A data folder with a vault, a Lengow sandbox and its credential; a private runtime folder. */
async function prepared() {
  lengow = await startLengow({ accessToken: ACCESS, secret: SECRET, banAfter: 100 });
  cleanups.push(() => lengow.close());
  const dataDir = tempDir();
  const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
  await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
  const environment = await app.handlers['environments:create']({ name: 'Sandbox' });
  await app.handlers['credentials:add-from-preset']({ presetId: 'lengow', environmentId: environment.id, values: { baseUrl: lengow.url, accessToken: ACCESS, secret: SECRET } });
  await app.dispose();
  const env = { XDG_RUNTIME_DIR: tempDir('tokenbench-run-') };
  return { dataDir, env };
}

function client(argv: string[], env: Record<string, string>, stdin: { text?: string; terminal?: boolean } = {}) {
  const stdout = capture();
  const stderr = capture();
  const input = Object.assign(Readable.from([stdin.text ?? '']), { isTTY: stdin.terminal ?? false });
  return runInAgent({ argv, env, cwd: process.cwd(), stdin: input, stdout: stdout.stream, stderr: stderr.stream }).then((code) => ({ code, stdout: stdout.text(), stderr: stderr.text() }));
}

async function agentFor(dataDir: string, env: Record<string, string>, idleMs = 60_000) {
  const core: CliCore = await openCore(dataDir, { stdin: Readable.from(['']), stdout: new PassThrough(), stderr: new PassThrough(), env: {} });
  await core.vault.unlock({ passphrase: PASSPHRASE });
  ensureAgentFolder(env);
  let stopReason: string | undefined;
  const agent = await startAgent({ core, cli: cliRunner, socketPath: agentSocketPath(dataDir, env), idleMs, onStop: (reason) => (stopReason = reason) });
  cleanups.push(async () => {
    agent.stop('test over');
    await core.services.dispose();
  });
  return { core, agent, stopped: () => stopReason };
}

describe('the unlock agent', () => {
  it('runs commands for the client without a passphrase, on a socket only this user can reach', async () => {
    const { dataDir, env } = await prepared();
    // No agent yet: the client says "run it yourself".
    expect(await client(['token', 'Lengow', '--env', 'Sandbox', '--data-dir', dataDir], env)).toMatchObject({ code: undefined, stdout: '' });
    await agentFor(dataDir, env);
    const socketPath = agentSocketPath(dataDir, env);
    expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);

    const first = await client(['--data-dir', dataDir, 'token', 'Lengow', '--env', 'Sandbox'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const again = await client(['token', 'Lengow', '--env', 'Sandbox', '--json', '--data-dir', dataDir], env);
    expect(JSON.parse(again.stdout!)).toMatchObject({ token: first.stdout.trim(), reused: true });
    expect(lengow.tokenRequests).toBe(1);
    // The agent's guard spaces token requests as the recipe asks: a forced renewal right away is refused, exit 4.
    const tooSoon = await client(['token', 'Lengow', '--env', 'Sandbox', '--renew', '--data-dir', dataDir], env);
    expect(tooSoon).toMatchObject({ code: 4, stdout: '' });
    expect(tooSoon.stderr).toMatch(/in \d+ s/);
    expect(lengow.tokenRequests).toBe(1);
    // TOKENBENCH_NO_AGENT: the command runs in the caller even with a session.
    expect(await client(['env', 'list', '--data-dir', dataDir], { ...env, TOKENBENCH_NO_AGENT: '1' })).toMatchObject({ code: undefined });

    // Errors and exit codes come back as they are.
    expect(await client(['token', 'Nope', '--env', 'Sandbox', '--data-dir', dataDir], env)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('There is no credential called "Nope"') });
    // A command that reads a secret from stdin gets it from the client; in a terminal it runs in the client.
    const stored = await client(['secret', 'set', 'Sandbox', 'PIPED', '--data-dir', dataDir], env, { text: 'piped-through-agent-4242' });
    expect(stored).toMatchObject({ code: 0, stdout: 'Stored secret PIPED in Sandbox (••••4242).\n' });
    expect(await client(['secret', 'set', 'Sandbox', 'TYPED', '--data-dir', dataDir], env, { terminal: true })).toMatchObject({ code: undefined });
    // Commands that manage the vault or local files, and unknown ones, run in the client.
    for (const argv of [['init'], ['export', 'x.json'], ['frobnicate']]) expect((await client([...argv, '--data-dir', dataDir], env)).code).toBeUndefined();
  }, 60_000);

  it('ends after its idle time, or when its vault locks, and removes its socket', async () => {
    const { dataDir, env } = await prepared();
    const idle = await agentFor(dataDir, env, 300);
    const socketPath = agentSocketPath(dataDir, env);
    expect((await client(['env', 'list', '--data-dir', dataDir], env)).code).toBe(0);
    await expect.poll(() => idle.stopped(), { timeout: 10_000 }).toBe('idle');
    expect(fs.existsSync(socketPath)).toBe(false);
    expect((await client(['env', 'list', '--data-dir', dataDir], env)).code).toBeUndefined();

    const locking = await agentFor(dataDir, env);
    await locking.core.services.handlers['vault:lock']({});
    await expect.poll(() => locking.stopped(), { timeout: 10_000 }).toBe('the vault locked');
    expect(fs.existsSync(socketPath)).toBe(false);
  }, 60_000);

  it('is not used when its folder could be reached by others, or its socket was left by a dead agent', async () => {
    const { dataDir, env } = await prepared();
    await agentFor(dataDir, env);
    fs.chmodSync(env.XDG_RUNTIME_DIR!, 0o755);
    const folder = path.dirname(agentSocketPath(dataDir, env));
    fs.chmodSync(folder, 0o755);
    const open = await client(['env', 'list', '--data-dir', dataDir], env);
    expect(open).toMatchObject({ code: undefined, stderr: expect.stringContaining('not using the unlock session') });
    expect(open.stderr).toContain('can be entered by other users (mode 755)');
    fs.chmodSync(folder, 0o700);

    // A socket file whose listener was killed: connection refused, the command runs in the client.
    const otherDir = tempDir();
    const stale = agentSocketPath(otherDir, env);
    const listener = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stale)}, () => console.log('up'))`]);
    await new Promise((resolve) => listener.stdout.once('data', resolve));
    listener.kill('SIGKILL');
    await new Promise((resolve) => listener.once('exit', resolve));
    expect(fs.existsSync(stale)).toBe(true);
    expect(await client(['env', 'list', '--data-dir', otherDir], env)).toMatchObject({ code: undefined, stderr: '' });
  }, 60_000);
});

describe('tokenbench unlock / lock (real processes)', () => {
  const cli = (args: string[], env: Record<string, string>) => spawnCli(args, { TOKENBENCH_PASSPHRASE: '', ...env });

  it('unlocks once for many commands, refuses a wrong passphrase, and locks again', async () => {
    const { dataDir, env } = await prepared();
    const d = ['--data-dir', dataDir];
    cleanups.push(() => cli(['lock', ...d], env));
    expect(await cli(['token', 'Lengow', '--env', 'Sandbox', ...d], env)).toMatchObject({ code: 3, stderr: expect.stringContaining('TOKENBENCH_PASSPHRASE') });
    expect(await cli(['unlock', ...d], { ...env, TOKENBENCH_PASSPHRASE: 'not the passphrase' })).toMatchObject({ code: 3, stderr: expect.stringContaining('That passphrase does not unlock this vault.') });
    expect(fs.existsSync(agentSocketPath(dataDir, env))).toBe(false);

    const unlocked = await cli(['unlock', '--idle', '5', ...d], { ...env, TOKENBENCH_PASSPHRASE: PASSPHRASE });
    expect(unlocked).toMatchObject({ code: 0, stdout: expect.stringContaining('until 5 min without a command') });
    const token = await cli(['token', 'Lengow', '--env', 'Sandbox', ...d], env);
    expect(token).toMatchObject({ code: 0, stderr: '' });
    expect(await cli(['unlock', ...d], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('already running') });

    expect(await cli(['lock', ...d], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('has ended') });
    expect(fs.existsSync(agentSocketPath(dataDir, env))).toBe(false);
    expect(await cli(['token', 'Lengow', '--env', 'Sandbox', ...d], env)).toMatchObject({ code: 3 });
    expect(await cli(['lock', ...d], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('There was no unlock session') });
    expect(lengow.tokenRequests).toBe(1);
  }, 180_000);
});
