/**
 * `tokenbench credential from-example FILE`: the app's "From example" dialog from a script. FILE
 * holds a cURL command, a raw HTTP request or a Python/JavaScript snippet as the vendor's docs
 * print it. Without --env it prints the proposal (every guess with why, secrets masked); with
 * --env it saves the credential there. Secret values come from the file itself, or, where the
 * docs show a placeholder, from standard input as NAME=VALUE lines (never from the command line).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExampleProposalView } from '../../../shared/ipc/domains/from-example';
import { findEnvironmentByName, unlock } from '../core';
import { isInteractive, promptHidden, readAllStdin, type CliIo } from '../io';
import type { Command } from './command';

async function readText(io: CliIo, file: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(io.cwd ?? process.cwd(), file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('invalid-request', `The ${what} ${file} could not be read${code === 'ENOENT' ? ': there is no such file' : ` (${code ?? 'error'})`}.`);
  }
}

function plainValues(proposal: ExampleProposalView, pairs: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new AppError('invalid-request', `"${pair}" is not NAME=VALUE.`);
    const name = pair.slice(0, equals);
    if (proposal.variables.find((v) => v.name === name)?.secret) {
      throw new AppError('invalid-request', `${name} is secret, so it is not taken from the command line, where shell history and process lists would keep it.`, {
        hint: `Give it on standard input: printf '${name}=%s\\n' "$VALUE" | tokenbench credential from-example ...`,
      });
    }
    values[name] = pair.slice(equals + 1);
  }
  return values;
}

/** Secrets the example only showed as placeholders: NAME=VALUE lines on stdin, or typed hidden. */
async function missingSecrets(io: CliIo, proposal: ExampleProposalView): Promise<Record<string, string>> {
  const wanted = proposal.variables.filter((v) => v.secret && !v.fromExample);
  const values: Record<string, string> = {};
  if (wanted.length === 0) return values;
  if (isInteractive(io)) {
    for (const variable of wanted) values[variable.name] = await promptHidden(io, `${variable.name}: `);
    return values;
  }
  for (const [index, line] of (await readAllStdin(io)).split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    const name = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!wanted.some((v) => v.name === name)) {
      throw new AppError('invalid-request', `Line ${index + 1} of standard input is not NAME=VALUE for one of the secrets the example leaves open (${wanted.map((v) => v.name).join(', ')}). Nothing was stored.`);
    }
    values[name] = line.slice(equals + 1);
  }
  return values;
}

function describe(proposal: ExampleProposalView): string[] {
  const lines = [`Read as: ${proposal.source}. Suggested name: ${proposal.suggestedName}.`, '', 'Guesses:'];
  for (const guess of proposal.guesses) lines.push(`  ${guess.part}: ${guess.summary}`, `      why: ${guess.why}`);
  lines.push('', 'Variables:');
  for (const v of proposal.variables) {
    const shown = v.secret ? (v.hint ? `${v.hint} (secret, from the example)` : '(secret, to fill in)') : v.value || '(to fill in)';
    lines.push(`  ${v.name.padEnd(16)} ${shown}`);
  }
  if (proposal.warnings.length) lines.push('', 'Notes:', ...proposal.warnings.map((w) => `  ${w}`));
  return lines;
}

export const credentialFromExampleCommand: Command = {
  words: ['credential', 'from-example'],
  usage: 'FILE',
  arity: 1,
  readsStdin: true,
  summary: 'Propose a credential from a vendor\'s example request (and save it with --env).',
  options: { response: { type: 'string' }, env: { type: 'string' }, name: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  details: [
    'FILE                a cURL command, a raw HTTP request, or Python requests / JavaScript fetch / axios code',
    '--response FILE     the sample token response from the docs (finds the token, its type and lifetime)',
    '--env NAME          save the credential in this environment (without it: only print the proposal)',
    '--name NAME         the credential\'s name (default: from the host)',
    '--set NAME=VALUE    a plain value, e.g. --set baseUrl=https://sandbox.example.com (repeatable)',
    '--json              print the proposal (or the new credential) as JSON',
    'Secret values the example only shows as placeholders come from standard input as NAME=VALUE lines:',
    '  printf \'clientSecret=%s\\n\' "$SECRET" | tokenbench credential from-example token.sh --env sandbox',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const example = await readText(io, args[0]!, 'example');
    const sampleResponse = options.response ? await readText(io, options.response as string, 'sample response') : undefined;
    const core = await openCore();
    const input = { example, ...(sampleResponse !== undefined ? { sampleResponse } : {}) };
    const proposal = core.fromExample.propose(input);
    if (!options.env) {
      if (options.json) print(JSON.stringify(proposal, null, 2));
      else [...describe(proposal), '', 'Recipe:', JSON.stringify(proposal.recipe, null, 2), '', 'Save it with --env NAME.'].forEach((line) => print(line));
      return 0;
    }
    const environment = findEnvironmentByName(core, options.env as string);
    const plain = plainValues(proposal, (options.set as unknown as string[] | undefined) ?? []);
    if (proposal.variables.some((v) => v.secret)) await unlock(core, io);
    const secrets = await missingSecrets(io, proposal);
    const { credential } = await core.fromExample.save({
      ...input,
      environmentId: environment.id,
      name: (options.name as string | undefined) ?? proposal.suggestedName,
      recipe: proposal.recipe,
      values: { ...plain, ...secrets },
      secret: {},
    });
    if (options.json) print(JSON.stringify(credential, null, 2));
    else print(`Added credential ${credential.name} (from the example) to ${environment.name}.`);
    return 0;
  },
};
