/**
 * The `tokenbench` CLI: the same data folder, vault and services as the app, for scripts.
 * `main` takes its arguments and streams as parameters so tests run it in-process; `bin/
 * tokenbench.js` calls it with the real process, and the unlock agent calls it with a core it
 * keeps open. Errors go to stderr in the user's words, with the exit codes of `exit-codes.ts`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { findCommand, typedWords } from './argv';
import { commands } from './commands';
import { openCore, type CliCore } from './core';
import type { CliRunner, Command } from './commands/command';
import { defaultDataDir } from './default-data-dir';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes';
import type { CliIo } from './io';
import { escapingStream } from './terminal-text';
import { fleetSettings } from './fleet-options';

export type { CliIo } from './io';

export const globalOptions: NonNullable<ParseArgsConfig['options']> = {
  'data-dir': { type: 'string' },
  workspace: { type: 'string' },
  cache: { type: 'string' },
  'fleet-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export interface MainOptions {
  /** An open core to use instead of opening one (the unlock agent's); it is not disposed. */
  core?: CliCore;
  /** Standard output is a terminal (the agent's clients say so; it cannot see their terminal). */
  stdoutIsTerminal?: boolean;
}

class UsageError extends Error {}

function usageLine(command: Command): string {
  return `tokenbench ${command.words.join(' ')}${command.usage ? ` ${command.usage}` : ''}`;
}

function overview(): string {
  const listed = commands.filter((c) => !c.hidden);
  const width = Math.max(...listed.map((c) => usageLine(c).length));
  return [
    'Usage: tokenbench COMMAND [options]   (options may come before or after the command)',
    '',
    'Commands:',
    ...listed.map((c) => `  ${usageLine(c).padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --data-dir DIR  the data folder (default: TOKENBENCH_DATA_DIR, else the app\'s own folder)',
    '  --workspace DIR environments, credentials and requests from a workspace folder (default: TOKENBENCH_WORKSPACE)',
    '  --cache URL     share tokens and the guard with a fleet through Redis (default: TOKENBENCH_CACHE)',
    '  --fleet-key REF where the fleet key is (default: TOKENBENCH_FLEET_KEY_REF, else env:TOKENBENCH_FLEET_KEY)',
    '  --help          show help for a command',
    '  --json          (commands that print data) print it as JSON',
    '  --yes           (commands that call out) confirm a production environment',
    '',
    'The vault passphrase comes from an unlock session (tokenbench unlock), TOKENBENCH_PASSPHRASE,',
    'or is typed (hidden) in a terminal.',
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: ${usageLine(command)} [options]`, '', command.summary, ...(command.details ? ['', command.details] : []), '', EXIT_CODES_HELP].join('\n');
}

/** The hint of an error, in CLI terms where the core speaks of the app's buttons. */
function hintFor(error: AppError): string | undefined {
  if (error.code === 'confirmation-required') return 'Add --yes to confirm, or pick another environment.';
  return error.hint;
}

export async function main(argv: string[], rawIo: CliIo, options: MainOptions = {}): Promise<number> {
  const stdoutIsTerminal = options.stdoutIsTerminal ?? (rawIo.stdout as { isTTY?: boolean }).isTTY === true;
  // Data for scripts stays byte-exact when piped; what a person reads is escaped.
  const io: CliIo = { ...rawIo, stdout: stdoutIsTerminal ? escapingStream(rawIo.stdout) : rawIo.stdout, stderr: escapingStream(rawIo.stderr) };
  const print = (line: string) => io.stdout.write(`${line}\n`);
  const found = findCommand(argv, commands, globalOptions);
  if (!found) {
    const words = typedWords(argv, commands, globalOptions);
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || words[0] === 'help') {
      print(overview());
      return EXIT.ok;
    }
    io.stderr.write(`tokenbench: ${words.length ? `there is no command "${words.join(' ')}"` : 'which command? None was given'}.\n\n${overview()}\n`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  let redact = (text: string) => options.core?.redact(text) ?? text;
  let core: CliCore | undefined;
  try {
    let parsed: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({ args: rest, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help) {
      print(commandHelp(command));
      return EXIT.ok;
    }
    const arity = command.arity === 'any' ? undefined : command.arity;
    if (arity !== undefined && parsed.positionals.length !== arity) {
      throw new UsageError(`${usageLine(command)} takes ${arity === 0 ? 'no arguments' : command.usage}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.join(' ')}.`);
    }
    const dataDirOption = parsed.values['data-dir'] as string | undefined;
    const dataDir = options.core?.dataDir ?? path.resolve(dataDirOption ?? io.env.TOKENBENCH_DATA_DIR ?? defaultDataDir(io.env));
    const fleet = fleetSettings(parsed.values, io.env);
    if (options.core && fleet?.cacheUrl !== options.core.services.fleetCacheUrl) {
      throw new AppError('invalid-request', fleet ? 'The unlock session of this data folder does not use the shared cache this command names.' : 'The unlock session of this data folder uses a shared cache this command does not name.', {
        hint: 'Run tokenbench lock, then tokenbench unlock with the same --cache (or TOKENBENCH_CACHE) as your commands.',
      });
    }
    const workspaceOption = (parsed.values.workspace as string | undefined) ?? io.env.TOKENBENCH_WORKSPACE;
    const workspace = workspaceOption ? path.resolve(workspaceOption) : undefined;
    if (options.core && workspace !== (options.core.workspace.status().folder ?? undefined)) {
      throw new AppError('invalid-request', 'The unlock session of this data folder does not use the workspace folder this command names.', {
        hint: 'Run tokenbench lock, then tokenbench unlock with the same --workspace (or TOKENBENCH_WORKSPACE) as your commands.',
      });
    }
    return await command.run({
      io,
      dataDir,
      args: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | undefined>,
      print: (line) => print(line),
      cli: cliRunner,
      core: async () => {
        if (options.core) return options.core;
        core ??= await openCore(dataDir, io, fleet, workspace);
        redact = core.redact;
        return core;
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tokenbench: ${error.message}\n\n${commandHelp(command)}\n`);
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      const hint = hintFor(error);
      io.stderr.write(`tokenbench: ${redact(error.message)}\n${hint ? `${redact(hint)}\n` : ''}`);
      return exitCodeFor(error);
    }
    io.stderr.write(`tokenbench: unexpected problem: ${redact(error instanceof Error ? error.message : String(error))}\nPlease report this with the command you ran.\n`);
    return EXIT.failed;
  } finally {
    // Timers (auto-lock, token renewal) must not keep the process alive.
    await core?.services.dispose();
  }
}

/** How the unlock agent finds and runs the commands its clients send. */
export const cliRunner: CliRunner = { find: (argv) => findCommand(argv, commands, globalOptions)?.command, run: main };
