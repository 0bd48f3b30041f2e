/**
 * `tokenbench credential use NAME --env ENV`: one credential in one more environment (sandbox
 * and prod, say). Each environment keeps its own values; the command names those still missing.
 */
import { AppError } from '../../../shared/errors';
import { recipeVariables } from '../../../shared/recipe/variables';
import { findCredentialByName, findEnvironmentByName } from '../core';
import type { Command } from './command';

export const credentialUseCommand: Command = {
  words: ['credential', 'use'],
  usage: 'NAME',
  arity: 1,
  summary: 'Use a credential in one more environment.',
  options: { env: { type: 'string' }, json: { type: 'boolean' } },
  details: '--env NAME  the environment (required)\n--json      print the credential and the variables still missing as JSON',
  async run({ args, options, print, core: openCore }) {
    if (!options.env) throw new AppError('invalid-request', 'Say which environment with --env NAME.');
    const core = await openCore();
    const environment = findEnvironmentByName(core, options.env as string);
    const credential = findCredentialByName(core, args[0]!);
    const updated = credential.environmentIds.includes(environment.id)
      ? credential
      : await core.credentials.update({ id: credential.id, environmentIds: [...credential.environmentIds, environment.id] });
    const present = new Set(environment.variables.map((v) => v.name));
    const missing = recipeVariables(updated.recipe).filter((name) => !present.has(name));
    if (options.json) {
      print(JSON.stringify({ credential: updated, environment: environment.name, missingVariables: missing }, null, 2));
      return 0;
    }
    print(updated === credential ? `${credential.name} is already used in ${environment.name}.` : `${credential.name} is now used in ${environment.name}.`);
    if (missing.length) print(`${environment.name} still needs: ${missing.join(', ')} (tokenbench var set / secret set).`);
    return 0;
  },
};
