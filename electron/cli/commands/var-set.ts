/**
 * `tokenbench var set ENV NAME VALUE`: a plain (not secret) variable. Secret values go through
 * `secret set`, from standard input; a secret variable is not turned plain by accident.
 * `var set ENV NAME --ref REFERENCE`: a secret read from the team's secret manager at use (the
 * reference names where it lives, so it may be typed on the command line).
 */
import { AppError } from '../../../shared/errors';
import { variableNameSchema } from '../../../shared/domain/environment';
import { SECRET_REFERENCE_EXAMPLES, secretReferenceSchema } from '../../../shared/domain/secret-reference';
import { findEnvironmentByName, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

export const varSetCommand: Command = {
  words: ['var', 'set'],
  usage: 'ENV NAME VALUE',
  arity: 'any',
  summary: 'Set a plain variable (or, with --ref REFERENCE instead of VALUE, a secret kept in your secret manager).',
  options: { json: { type: 'boolean' }, ref: { type: 'string' } },
  details: [
    'Example: tokenbench var set sandbox baseUrl https://api.sandbox.example.com',
    '         tokenbench var set sandbox secret --ref pass:team/lengow/secret',
    `--ref REFERENCE  a secret read at use from: ${SECRET_REFERENCE_EXAMPLES.join(', ')}`,
    '--json  print the environment as JSON',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const ref = typeof options.ref === 'string' ? options.ref : undefined;
    if (args.length !== (ref === undefined ? 3 : 2)) {
      throw new AppError('invalid-request', ref === undefined ? 'Give the environment, the variable name and its value.' : 'With --ref, give the environment and the variable name only.', { hint: 'tokenbench var set ENV NAME VALUE, or tokenbench var set ENV NAME --ref REFERENCE' });
    }
    const [environmentName, rawName, value] = args as [string, string, string];
    const name = variableNameSchema.safeParse(rawName);
    if (!name.success) throw new AppError('invalid-request', name.error.issues[0]!.message);
    const reference = ref === undefined ? undefined : secretReferenceSchema.safeParse(ref);
    if (reference && !reference.success) throw new AppError('invalid-request', reference.error.issues[0]!.message);
    const core = await openCore();
    const environment = findEnvironmentByName(core, environmentName);
    if (reference?.success) {
      // Replacing a stored secret removes its sealed value, which needs the vault unlocked.
      const updated = await withUnlockIfNeeded(core, io, () => core.services.handlers['variables:set']({ environmentId: environment.id, name: name.data, ref: reference.data, secret: true }));
      print(options.json ? JSON.stringify(updated, null, 2) : `Set ${name.data} in ${environment.name}: read from ${reference.data} when used.`);
      return 0;
    }
    if (environment.variables.find((v) => v.name === name.data)?.secret) {
      throw new AppError('invalid-request', `${name.data} is a secret variable in ${environment.name}; its value is not taken from the command line.`, {
        hint: `printf %s "$VALUE" | tokenbench secret set "${environment.name}" ${name.data}`,
      });
    }
    const updated = await core.variables.set({ environmentId: environment.id, name: name.data, value, secret: false });
    if (options.json) print(JSON.stringify(updated, null, 2));
    else print(`Set ${name.data} in ${environment.name}.`);
    return 0;
  },
};
