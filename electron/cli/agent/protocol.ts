/**
 * What the thin client and the unlock agent say to each other: one JSON object per line.
 * The client asks to run a command line; the agent answers with output and an exit code, or
 * says the command must run in the client's own process (it needs the terminal or local files).
 */
import type { Socket } from 'node:net';

export type ClientMessage =
  | { type: 'run'; argv: string[]; cwd: string; stdoutIsTerminal: boolean; stdinIsTerminal: boolean }
  /** Standard input, all of it, for a command that reads it (sent when the agent asks). */
  | { type: 'stdin'; data: string }
  | { type: 'lock' };

export type AgentMessage =
  | { type: 'local' }
  | { type: 'need-stdin' }
  | { type: 'stdout'; data: string }
  | { type: 'stderr'; data: string }
  | { type: 'exit'; code: number };

export function send(socket: Socket, message: ClientMessage | AgentMessage): void {
  socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onMessage` for every complete line received. */
export function onLines(socket: Socket, onMessage: (message: unknown) => void): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line) onMessage(JSON.parse(line));
    }
  });
}
