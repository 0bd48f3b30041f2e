/**
 * The `tokenbench` CLI: the same data folder, vault and services as the app, for scripts.
 * `main` takes its arguments and streams as parameters so tests run it in-process; `bin/
 * tokenbench.js` calls it with the real process. Errors go to stderr in the user's words, with a
 * non-zero exit code (1: the command failed; 2: the command line was wrong).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { commands } from './commands';
import { openCore, type CliCore } from './core';
import type { Command } from './commands/command';
import { defaultDataDir } from './default-data-dir';
import type { CliIo } from './io';

export type { CliIo } from './io';

const globalOptions: NonNullable<ParseArgsConfig['options']> = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

class UsageError extends Error {}

function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const match = [...commands].sort((a, b) => b.words.length - a.words.length).find((c) => c.words.every((w, i) => words[i] === w));
  if (!match) return undefined;
  const rest = [...argv];
  for (const word of match.words) rest.splice(rest.indexOf(word), 1);
  return { command: match, rest };
}

function usageLine(command: Command): string {
  return `tokenbench ${command.words.join(' ')}${command.usage ? ` ${command.usage}` : ''}`;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => usageLine(c).length));
  return [
    'Usage: tokenbench COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${usageLine(c).padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --data-dir DIR  the data folder (default: TOKENBENCH_DATA_DIR, else the app\'s own folder)',
    '  --help          show help for a command',
    '',
    'The vault passphrase comes from TOKENBENCH_PASSPHRASE, or is typed (hidden) in a terminal.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: ${usageLine(command)} [options]`, '', command.summary, ...(command.details ? ['', command.details] : [])].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const print = (line: string) => io.stdout.write(`${line}\n`);
  const found = findCommand(argv);
  if (!found) {
    const wantsHelp = argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
    if (wantsHelp) {
      print(overview());
      return 0;
    }
    io.stderr.write(`tokenbench: there is no command "${argv.filter((a) => !a.startsWith('-')).join(' ')}".\n\n${overview()}\n`);
    return 2;
  }
  const { command, rest } = found;
  let redact = (text: string) => text;
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
      return 0;
    }
    if (parsed.positionals.length !== command.arity) {
      throw new UsageError(`${usageLine(command)} takes ${command.arity === 0 ? 'no arguments' : command.usage}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.join(' ')}.`);
    }
    const dataDirOption = parsed.values['data-dir'] as string | undefined;
    const dataDir = path.resolve(dataDirOption ?? io.env.TOKENBENCH_DATA_DIR ?? defaultDataDir(io.env));
    return await command.run({
      io,
      dataDir,
      args: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | undefined>,
      print: (line) => print(line),
      core: async () => {
        core ??= await openCore(dataDir, io);
        redact = core.redact;
        return core;
      },
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tokenbench: ${error.message}\n\n${commandHelp(command)}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr.write(`tokenbench: ${redact(error.message)}\n${error.hint ? `${redact(error.hint)}\n` : ''}`);
      return 1;
    }
    io.stderr.write(`tokenbench: unexpected problem: ${redact(error instanceof Error ? error.message : String(error))}\nPlease report this with the command you ran.\n`);
    return 1;
  } finally {
    // Timers (auto-lock, token renewal) must not keep the process alive.
    await core?.services.dispose();
  }
}
