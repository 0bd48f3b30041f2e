/**
 * Runs a secret manager's command-line tool: an argument array (never a shell, so nothing in a
 * reference is interpreted), a time limit, bounded output, and the password (if any) on
 * standard input rather than the command line.
 */
import { spawn } from 'node:child_process';

export interface ToolRun {
  /** null: the tool was stopped (time limit, output too long). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export class ToolNotFound extends Error {}

/** More than any secret; a tool answering more is not answering what we asked. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** Enough of a tool's complaint to explain it, short enough to print. */
const MAX_STDERR_SHOWN = 400;

export function runTool(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; timeoutMs: number; input?: string }): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) return stop();
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new ToolNotFound(command) : error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
    // A tool that does not read its input closes the pipe early; that is not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** A tool's complaint, trimmed and on one line, for an error message. */
export function complaint(run: ToolRun): string {
  const text = run.stderr.replace(/\s+/g, ' ').trim();
  return text.length > MAX_STDERR_SHOWN ? `${text.slice(0, MAX_STDERR_SHOWN)}…` : text || `exit code ${run.exitCode}`;
}
