/**
 * `tokenbench credential add --preset ID --env ENV`: the app's preset flow from a script. Plain
 * values come from `--set NAME=VALUE`; secret values never from the command line (shell history,
 * process lists) but from standard input as `NAME=VALUE` lines, or typed hidden in a terminal.
 */
import { AppError } from '../../../shared/errors';
import { PRESETS, findPreset, presetDefault, type Preset } from '../../../shared/recipe';
import { findEnvironmentByName, unlock } from '../core';
import { isInteractive, promptHidden, readAllStdin, type CliIo } from '../io';
import type { Command } from './command';

const presetList = () => PRESETS.map((p) => `  ${p.id.padEnd(34)} ${p.variables.map((v) => `${v.name}${v.secret ? ' (secret)' : ''}${v.required ? '' : ' (optional)'}`).join(', ')}`).join('\n');

/** `NAME=VALUE` pairs from --set, refusing secret fields (they belong on stdin). */
function plainValues(preset: Preset, pairs: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new AppError('invalid-request', `"${pair}" is not NAME=VALUE.`, { hint: `Write it as --set ${preset.variables[0]?.name ?? 'name'}=VALUE.` });
    const name = pair.slice(0, equals);
    if (preset.variables.find((v) => v.name === name)?.secret) {
      throw new AppError('invalid-request', `${name} is secret, so it is not taken from the command line, where shell history and process lists would keep it.`, {
        hint: `Give it on standard input: printf '${name}=%s\\n' "$VALUE" | tokenbench credential add ...`,
      });
    }
    values[name] = pair.slice(equals + 1);
  }
  return values;
}

/** Secret values: `NAME=VALUE` lines on standard input, or typed hidden in a terminal. */
async function secretValues(io: CliIo, preset: Preset): Promise<Record<string, string>> {
  const secrets = preset.variables.filter((v) => v.secret);
  const values: Record<string, string> = {};
  if (secrets.length === 0) return values;
  if (isInteractive(io)) {
    for (const variable of secrets) {
      const typed = await promptHidden(io, `${variable.label}${variable.required ? '' : ' (optional, Enter to skip)'}: `);
      if (typed) values[variable.name] = typed;
    }
    return values;
  }
  const text = await readAllStdin(io);
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    const name = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!secrets.some((v) => v.name === name)) {
      // The line may hold a secret: say where it was, never what it was.
      throw new AppError('invalid-request', `Line ${index + 1} of standard input is not SECRET_NAME=VALUE for one of the ${preset.name} preset's secrets (${secrets.map((v) => v.name).join(', ')}). Nothing was stored.`);
    }
    values[name] = line.slice(equals + 1);
  }
  return values;
}

export const credentialAddCommand: Command = {
  words: ['credential', 'add'],
  usage: '',
  arity: 0,
  readsStdin: true,
  summary: 'Add a credential from a preset to an environment.',
  options: { preset: { type: 'string' }, env: { type: 'string' }, name: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  details: [
    '--preset ID         the preset (see below)',
    '--env NAME          the environment to use it in',
    '--name NAME         the credential\'s name (default: the preset\'s)',
    '--set NAME=VALUE    a plain value (repeatable); secret values are refused here',
    '--json              print the new credential as JSON',
    'Secret values come from standard input as NAME=VALUE lines, or are typed (hidden) in a terminal:',
    '  printf \'accessToken=%s\\nsecret=%s\\n\' "$TOKEN" "$SECRET" | tokenbench credential add --preset lengow --env sandbox',
    '',
    'Presets and their fields:',
    presetList(),
  ].join('\n'),
  async run({ io, options, print, core: openCore }) {
    if (!options.preset) throw new AppError('invalid-request', 'Say which preset with --preset ID.', { hint: `Presets: ${PRESETS.map((p) => p.id).join(', ')}.` });
    const preset = findPreset(options.preset as string);
    if (!preset) throw new AppError('invalid-request', `There is no preset called "${options.preset as string}".`, { hint: `Presets: ${PRESETS.map((p) => p.id).join(', ')}.` });
    if (!options.env) throw new AppError('invalid-request', 'Say which environment with --env NAME.');
    const plain = plainValues(preset, (options.set as unknown as string[] | undefined) ?? []);
    const core = await openCore();
    const environment = findEnvironmentByName(core, options.env as string);
    const missing = preset.variables.filter(
      (v) => !v.secret && v.required && !plain[v.name]?.trim() && !presetDefault(v, environment.production) && !environment.variables.some((e) => e.name === v.name),
    );
    if (missing.length) {
      throw new AppError('invalid-request', `The ${preset.name} preset needs ${missing.map((v) => `${v.label} (--set ${v.name}=VALUE)`).join(', ')}.`);
    }
    const needsVault = preset.variables.some((v) => v.secret);
    if (needsVault && !isInteractive(io) && core.vault.status().state !== 'unlocked' && !io.env.TOKENBENCH_PASSPHRASE) {
      throw new AppError('vault-locked', 'Standard input carries the secret values, so the passphrase must come from TOKENBENCH_PASSPHRASE or an unlock session.', {
        hint: 'Run tokenbench unlock first, or set TOKENBENCH_PASSPHRASE.',
      });
    }
    if (needsVault) await unlock(core, io);
    const secrets = await secretValues(io, preset);
    const { credential } = await core.credentials.addFromPreset({
      presetId: preset.id,
      environmentId: environment.id,
      ...(options.name ? { name: options.name as string } : {}),
      values: { ...plain, ...secrets },
    });
    if (options.json) print(JSON.stringify(credential, null, 2));
    else print(`Added credential ${credential.name} (${preset.name}) to ${environment.name}.`);
    return 0;
  },
};
