/**
 * Finds the command in a command line whose options may come before or after it
 * (`tokenbench --data-dir DIR env list` and `tokenbench env list --data-dir DIR` are the same).
 * A word is part of the command only if it is not the value of an option that takes one.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Command } from './commands/command';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface FoundCommand {
  command: Command;
  /** The command line without the command's words: options and arguments, for parseArgs. */
  rest: string[];
}

/** Which option names (long and short) take a value, over every command and the global ones. */
function optionsTakingValues(commands: readonly Command[], globalOptions: Options): Set<string> {
  const taking = new Set<string>();
  for (const options of [globalOptions, ...commands.map((c) => c.options ?? {})]) {
    for (const [name, option] of Object.entries(options)) {
      if (option.type !== 'string') continue;
      taking.add(`--${name}`);
      if (option.short) taking.add(`-${option.short}`);
    }
  }
  return taking;
}

/** Indexes of the words that are not options nor option values. */
export function positionalIndexes(argv: readonly string[], takesValue: (flag: string) => boolean): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (let j = i + 1; j < argv.length; j++) indexes.push(j);
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && takesValue(arg)) i++;
      continue;
    }
    indexes.push(i);
  }
  return indexes;
}

export function findCommand(argv: readonly string[], commands: readonly Command[], globalOptions: Options): FoundCommand | undefined {
  const taking = optionsTakingValues(commands, globalOptions);
  const indexes = positionalIndexes(argv, (flag) => taking.has(flag));
  const words = indexes.map((i) => argv[i]!);
  const longestFirst = [...commands].sort((a, b) => b.words.length - a.words.length);
  const command = longestFirst.find((c) => c.words.every((w, i) => words[i] === w));
  if (!command) return undefined;
  const taken = new Set(indexes.slice(0, command.words.length));
  return { command, rest: argv.filter((_, i) => !taken.has(i)) };
}

/** The words the user typed where a command was expected, for "there is no command ...". */
export function typedWords(argv: readonly string[], commands: readonly Command[], globalOptions: Options): string[] {
  const taking = optionsTakingValues(commands, globalOptions);
  return positionalIndexes(argv, (flag) => taking.has(flag)).map((i) => argv[i]!);
}
