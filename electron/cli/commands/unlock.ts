/**
 * `tokenbench unlock`: starts an unlock session for scripts, like ssh-agent. The passphrase is
 * asked once and handed to a background agent over a pipe (never argv, never a file); later
 * commands on this data folder run in that agent, unlocked and already loaded, until it has been
 * idle for --idle minutes, the vault's own auto-lock fires, or `tokenbench lock`.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { AppError } from '../../../shared/errors';
import { agentIsRunning } from '../agent/control';
import { agentSocketPath } from '../agent/socket-path';
import type { FleetSettings } from '../../core/fleet/fleet';
import { askPassphrase } from '../core';
import { fleetSettings } from '../fleet-options';
import type { Command } from './command';

export const DEFAULT_IDLE_MINUTES = 15;

/** The command line that started this CLI (the built bin, or tsx on the sources). */
const selfCommandLine = () => [...process.execArgv, process.argv[1]!];

interface AgentReady {
  ok: boolean;
  message?: string;
  hint?: string;
  code?: string;
}

function startAgentProcess(dataDir: string, passphrase: string, idleMinutes: number, fleet: FleetSettings | undefined, workspace: string | undefined): Promise<AgentReady> {
  const fleetEnv = {
    ...(fleet ? { TOKENBENCH_CACHE: fleet.cacheUrl, TOKENBENCH_FLEET_KEY_REF: fleet.keyReference } : { TOKENBENCH_CACHE: '' }),
    // The session works on the workspace folder its commands name (--workspace), as they do.
    TOKENBENCH_WORKSPACE: workspace ?? '',
  };
  const child = spawn(process.execPath, [...selfCommandLine(), 'agent', '--data-dir', dataDir], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...fleetEnv } });
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    const settle = (ready: AgentReady) => {
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve(ready);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) settle(JSON.parse(out.slice(0, out.indexOf('\n'))) as AgentReady);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('exit', (code) => settle({ ok: false, message: `The unlock session could not start (exit ${code}). ${err.trim()}` }));
    child.stdin.end(`${JSON.stringify({ passphrase, idleMinutes })}\n`);
  });
}

export const unlockCommand: Command = {
  words: ['unlock'],
  usage: '',
  arity: 0,
  local: true,
  summary: 'Unlock the vault for later commands (an unlock session), until idle.',
  options: { idle: { type: 'string' } },
  details: [
    `--idle MINUTES  end the session after this long without a command (default ${DEFAULT_IDLE_MINUTES}, at most 1440)`,
    'Commands on the same data folder then run without the passphrase, and fast. The session also',
    'ends when the vault\'s auto-lock time passes, and with: tokenbench lock',
  ].join('\n'),
  async run({ io, dataDir, options, print }) {
    const idleMinutes = options.idle === undefined ? DEFAULT_IDLE_MINUTES : Number(options.idle);
    if (!Number.isInteger(idleMinutes) || idleMinutes < 1 || idleMinutes > 1440) throw new AppError('invalid-request', '--idle takes a whole number of minutes from 1 to 1440.');
    if (await agentIsRunning(agentSocketPath(dataDir, io.env))) {
      print(`An unlock session is already running for ${dataDir}. (tokenbench lock ends it.)`);
      return 0;
    }
    const passphrase = await askPassphrase(io);
    const workspace = (options.workspace as string | undefined) ?? io.env.TOKENBENCH_WORKSPACE;
    const ready = await startAgentProcess(dataDir, passphrase, idleMinutes, fleetSettings(options, io.env), workspace ? path.resolve(workspace) : undefined);
    if (!ready.ok) throw new AppError(ready.code ?? 'vault-error', ready.message ?? 'The unlock session could not start.', ready.hint ? { hint: ready.hint } : {});
    print(`Unlocked ${dataDir} for scripts until ${idleMinutes} min without a command. (tokenbench lock ends it now.)`);
    return 0;
  },
};
