/**
 * Test kit for CLI tests: running the CLI in this process (captured output) or as a real
 * process from the sources, and a fake terminal whose typed keys arrive as raw data.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main, type CliIo } from '../electron/cli/main';

const repoRoot = path.resolve(import.meta.dirname, '..');

export interface CliResult<Code = number> {
  code: Code;
  stdout: string;
  stderr: string;
}

/** A writable stream and what was written to it. */
export function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

/** `main` in this process; stdin is a string (piped) or a stream (e.g. a fake terminal). */
export async function runCli(argv: string[], options: { stdin?: string | CliIo['stdin']; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const out = capture();
  const err = capture();
  const stdin = typeof options.stdin === 'object' ? options.stdin : Readable.from([options.stdin ?? '']);
  const code = await main(argv, { stdin, stdout: out.stream, stderr: err.stream, env: options.env ?? {} });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The CLI as a real process (`node --import tsx electron/cli/run.ts`), with `input` on its stdin. */
export function spawnCli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult<number | null>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/run.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A terminal: each string in `keys` is typed when the CLI starts reading; nothing is echoed by us. */
export function fakeTerminal(keys: string[]) {
  const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (mode: boolean) => void; rawModes: boolean[] };
  stdin.isTTY = true;
  stdin.rawModes = [];
  stdin.setRawMode = (mode) => void stdin.rawModes.push(mode);
  const typeNext = () => {
    const next = keys.shift();
    if (next !== undefined) setTimeout(() => stdin.write(next), 5);
  };
  stdin.on('resume', typeNext);
  return stdin;
}
