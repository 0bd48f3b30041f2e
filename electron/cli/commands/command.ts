/**
 * The shape of one CLI command. Each command is one file in this folder and is listed in
 * `index.ts`; `main.ts` finds it by its words (`secret set`) and parses its options.
 */
import type { ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { CliCore } from '../core';
import type { CliIo } from '../io';

export interface CommandContext {
  io: CliIo;
  dataDir: string;
  /** Positional arguments after the command's words. */
  args: string[];
  options: Record<string, string | boolean | undefined>;
  print(line: string): void;
  /** The data folder's files, vault and services, opened on first use. */
  core(): Promise<CliCore>;
  /** The CLI itself, for the unlock agent, which runs its clients' commands on its open core. */
  cli: CliRunner;
}

export interface CliRunner {
  /** The command `argv` names, if any. */
  find(argv: string[]): Command | undefined;
  run(argv: string[], io: CliIo, options: { core: CliCore; stdoutIsTerminal: boolean }): Promise<number>;
}

export interface Command {
  /** e.g. ['secret', 'set'] */
  words: string[];
  /** Arguments after the words, e.g. 'ENV NAME'. */
  usage: string;
  summary: string;
  /** Extra lines for `--help`. */
  details?: string;
  options?: ParseArgsOptionsConfig;
  /** How many positional arguments the command takes ('any': the command checks). */
  arity: number | 'any';
  /** Runs in the caller's own process, never in the unlock agent (it manages the vault or local files). */
  local?: boolean;
  /** Reads standard input (a secret value): the agent asks the client for it, or runs it locally in a terminal. */
  readsStdin?: boolean;
  /** Not listed in the help (internal). */
  hidden?: boolean;
  run(context: CommandContext): Promise<number>;
}
