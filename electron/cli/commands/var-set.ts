/**
 * `tokenbench var set ENV NAME VALUE`: a plain (not secret) variable. Secret values go through
 * `secret set`, from standard input; a secret variable is not turned plain by accident.
 */
import { AppError } from '../../../shared/errors';
import { variableNameSchema } from '../../../shared/domain/environment';
import { findEnvironmentByName } from '../core';
import type { Command } from './command';

export const varSetCommand: Command = {
  words: ['var', 'set'],
  usage: 'ENV NAME VALUE',
  arity: 3,
  summary: 'Set a plain variable (secret ones: tokenbench secret set).',
  options: { json: { type: 'boolean' } },
  details: 'Example: tokenbench var set sandbox baseUrl https://api.sandbox.example.com\n--json  print the environment as JSON',
  async run({ args, options, print, core: openCore }) {
    const [environmentName, rawName, value] = args as [string, string, string];
    const name = variableNameSchema.safeParse(rawName);
    if (!name.success) throw new AppError('invalid-request', name.error.issues[0]!.message);
    const core = await openCore();
    const environment = findEnvironmentByName(core, environmentName);
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
