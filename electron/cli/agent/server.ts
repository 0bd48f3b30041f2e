/**
 * The unlock agent: a process that keeps one data folder's vault unlocked and its services
 * loaded, and runs CLI commands for the thin client over a private unix socket. It stops after
 * an idle time, when its vault locks (the vault's own auto-lock), on `tokenbench lock`, or on
 * SIGTERM/SIGINT, and removes its socket.
 */
import fs from 'node:fs';
import net from 'node:net';
import { Readable, Writable } from 'node:stream';
import type { CliRunner } from '../commands/command';
import type { CliCore } from '../core';
import { onLines, send, type ClientMessage } from './protocol';

export interface AgentOptions {
  core: CliCore;
  /** Finds and runs the commands clients send. */
  cli: CliRunner;
  socketPath: string;
  idleMs: number;
  /** Called once when the agent has stopped listening (after its socket is removed). */
  onStop(reason: string): void;
}

export interface RunningAgent {
  stop(reason: string): void;
}

function outputTo(socket: net.Socket, type: 'stdout' | 'stderr'): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (!socket.destroyed) send(socket, type === 'stdout' ? { type, data: buffer.toString('base64') } : { type, data: buffer.toString('utf8') });
      callback();
    },
  });
}

async function serve({ core, cli }: Pick<AgentOptions, 'core' | 'cli'>, socket: net.Socket, request: Extract<ClientMessage, { type: 'run' }>, stdin: () => Promise<string>): Promise<void> {
  const command = cli.find(request.argv);
  // Commands that need the caller's terminal or act on the vault itself run in the caller.
  if (!command || command.local || (command.readsStdin && request.stdinIsTerminal)) return send(socket, { type: 'local' });
  const input = command.readsStdin ? Readable.from([Buffer.from(await stdin(), 'base64')]) : Readable.from([]);
  const stdout = outputTo(socket, 'stdout');
  const stderr = outputTo(socket, 'stderr');
  const code = await cli.run(request.argv, { stdin: input, stdout, stderr, env: {}, cwd: request.cwd }, { core, stdoutIsTerminal: request.stdoutIsTerminal });
  send(socket, { type: 'exit', code });
}

export function startAgent(options: AgentOptions): Promise<RunningAgent> {
  const { core, socketPath } = options;
  let idleTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const server = net.createServer((socket) => {
    resetIdle();
    let stdinWaiter: ((data: string) => void) | undefined;
    const stdinData = new Promise<string>((resolve) => (stdinWaiter = resolve));
    onLines(socket, (raw) => {
      const message = raw as ClientMessage;
      if (message.type === 'lock') {
        send(socket, { type: 'exit', code: 0 });
        socket.end();
        stop('locked by tokenbench lock');
      } else if (message.type === 'stdin') stdinWaiter?.(message.data);
      else if (message.type === 'run') {
        const stdin = () => {
          send(socket, { type: 'need-stdin' });
          return stdinData;
        };
        serve(options, socket, message, stdin).then(
          () => socket.end(),
          (error: unknown) => {
            send(socket, { type: 'stderr', data: `tokenbench: unexpected problem in the unlock session: ${core.redact(error instanceof Error ? error.message : String(error))}\n` });
            send(socket, { type: 'exit', code: 1 });
            socket.end();
          },
        );
      }
    });
    socket.on('error', () => socket.destroy());
  });

  function resetIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop('idle'), options.idleMs);
    idleTimer.unref();
  }

  function stop(reason: string): void {
    if (stopped) return;
    stopped = true;
    if (idleTimer) clearTimeout(idleTimer);
    // The socket goes first, so no new command reaches a vault that is about to lock.
    fs.rmSync(socketPath, { force: true });
    server.close(() => options.onStop(reason));
  }

  const offVault = core.services.onEvent((event, payload) => {
    if (event === 'vault:changed' && (payload as { state: string }).state !== 'unlocked') stop('the vault locked');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // `unlock` checked that no live agent answers here: a socket file left by a crashed one is replaced.
    fs.rmSync(socketPath, { force: true });
    const previousMask = process.umask(0o177);
    server.listen(socketPath, () => {
      process.umask(previousMask);
      fs.chmodSync(socketPath, 0o600);
      resetIdle();
      resolve({
        stop: (reason) => {
          offVault();
          stop(reason);
        },
      });
    });
  });
}
