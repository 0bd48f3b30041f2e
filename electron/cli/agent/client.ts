/**
 * The thin client: the first thing `tokenbench` runs. When an unlock agent serves the data
 * folder, the command runs there (already unlocked, already loaded) and only its output comes
 * back; this file therefore imports nothing heavy. Otherwise (no agent, or a command that needs
 * this process's terminal or files) the caller loads the whole CLI.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { defaultDataDir } from '../default-data-dir';
import { onLines, send, type AgentMessage } from './protocol';
import { agentSocketPath, folderProblem } from './socket-path';

export interface ClientProcess {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** The data folder the command line names, as `main` would resolve it. */
export function dataDirOf(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): string {
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--data-dir') chosen = argv[++i];
    else if (argv[i]!.startsWith('--data-dir=')) chosen = argv[i]!.slice('--data-dir='.length);
  }
  return path.resolve(cwd, chosen ?? env.TOKENBENCH_DATA_DIR ?? defaultDataDir(env));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('base64');
}

/**
 * Runs the command in the agent. Resolves to its exit code, or to undefined when it must run
 * here: no agent, or the agent says so. Once the command was handed over it is never run twice.
 */
export function runInAgent(proc: ClientProcess): Promise<number | undefined> {
  if (proc.env.TOKENBENCH_NO_AGENT) return Promise.resolve(undefined);
  const socketPath = agentSocketPath(dataDirOf(proc.argv, proc.env, proc.cwd), proc.env);
  if (!fs.existsSync(socketPath)) return Promise.resolve(undefined);
  const problem = folderProblem(path.dirname(socketPath));
  if (problem) {
    proc.stderr.write(`tokenbench: not using the unlock session: ${problem}.\n`);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    let handedOver = false;
    let done = false;
    const finish = (code: number | undefined) => {
      if (done) return;
      done = true;
      socket.end();
      resolve(code);
    };
    socket.on('connect', () => {
      handedOver = true;
      send(socket, { type: 'run', argv: proc.argv, cwd: proc.cwd, stdoutIsTerminal: proc.stdout.isTTY === true, stdinIsTerminal: proc.stdin.isTTY === true });
    });
    onLines(socket, (raw) => {
      const message = raw as AgentMessage;
      if (message.type === 'local') finish(undefined);
      else if (message.type === 'need-stdin') void readAll(proc.stdin).then((data) => send(socket, { type: 'stdin', data }));
      else if (message.type === 'stdout') proc.stdout.write(Buffer.from(message.data, 'base64'));
      else if (message.type === 'stderr') proc.stderr.write(message.data);
      else if (message.type === 'exit') finish(message.code);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A socket left by an agent that died: the command runs here instead.
      if (!handedOver) return finish(undefined);
      proc.stderr.write(`tokenbench: the unlock session stopped while running the command (${error.code ?? error.message}). It may or may not have been done.\n`);
      finish(1);
    });
    socket.on('close', () => {
      if (done) return;
      if (!handedOver) return finish(undefined);
      proc.stderr.write('tokenbench: the unlock session stopped while running the command. It may or may not have been done.\n');
      finish(1);
    });
  });
}
