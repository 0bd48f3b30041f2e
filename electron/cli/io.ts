/**
 * The CLI's terminal: output helpers, reading a value from standard input, and prompts that do
 * not echo what is typed (passphrases, secret values).
 */
import { AppError } from '../../shared/errors';

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** The caller's working folder, for relative file names (the agent runs for other processes); default process.cwd(). */
  cwd?: string;
}

export const isInteractive = (io: CliIo) => io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function';

/** Asks `question` and reads keys one by one (raw mode, nothing echoed); returns the way back. */
function readKeys(io: CliIo, question: string, onData: (chunk: string | Buffer) => void): () => void {
  const { stdin } = io;
  io.stderr.write(question);
  stdin.setRawMode!(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  stdin.on('data', onData);
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode!(false);
    stdin.pause();
  };
}

/** Asks for a value without showing it. Only in a terminal. */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      stop();
      io.stderr.write('\n');
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(typed);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new AppError('cancelled', 'Cancelled.'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    const stop = readKeys(io, question, onData);
  });
}

/** Everything on standard input, without the one line break a shell or `echo` adds at the end. */
export async function readAllStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A yes/no question in a terminal: one key, "y" for yes, anything else for no. */
export function askYesNo(io: CliIo, question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const stop = readKeys(io, question, (chunk) => {
      stop();
      const yes = /^y/i.test(chunk.toString());
      io.stderr.write(yes ? 'y\n' : 'n\n');
      resolve(yes);
    });
  });
}
