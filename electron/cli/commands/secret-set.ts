/**
 * `tokenbench secret set ENV NAME`: stores a secret variable. The value is read from standard
 * input (or typed, hidden, in a terminal), never taken from the command line, where shell
 * history and process lists would keep it.
 */
import { AppError } from '../../../shared/errors';
import { variableNameSchema } from '../../../shared/domain/environment';
import { findEnvironmentByName, unlock } from '../core';
import { isInteractive, promptHidden, readAllStdin } from '../io';
import type { Command } from './command';

export const secretSetCommand: Command = {
  words: ['secret', 'set'],
  usage: 'ENV NAME',
  arity: 2,
  options: { json: { type: 'boolean' } },
  readsStdin: true,
  summary: 'Store a secret variable; the value comes from standard input.',
  details: 'Example: printf %s "$CLIENT_SECRET" | tokenbench secret set sandbox CLIENT_SECRET\nIn a terminal, the value is typed and not shown.\n--json  print the environment as JSON (secret values as a masked hint)',
  async run({ io, args, options, print, core: openCore }) {
    const [environmentName, rawName] = args as [string, string];
    const name = variableNameSchema.safeParse(rawName);
    if (!name.success) throw new AppError('invalid-request', name.error.issues[0]!.message);
    const core = await openCore();
    const environment = findEnvironmentByName(core, environmentName);
    if (!io.env.TOKENBENCH_PASSPHRASE && !isInteractive(io) && core.vault.status().state !== 'unlocked') {
      throw new AppError('vault-locked', 'Standard input carries the secret value, so the passphrase must come from TOKENBENCH_PASSPHRASE or an unlock session.', {
        hint: 'Run tokenbench unlock first, set TOKENBENCH_PASSPHRASE, or run the command in a terminal to type both.',
      });
    }
    await unlock(core, io);
    const value = isInteractive(io) ? await promptHidden(io, `Value for ${name.data}: `) : await readAllStdin(io);
    if (value === '') throw new AppError('invalid-request', 'No value was given on standard input, so nothing was stored.');
    const updated = await core.variables.set({ environmentId: environment.id, name: name.data, value, secret: true });
    const hint = updated.variables.find((v) => v.name === name.data)?.hint;
    print(options.json ? JSON.stringify(updated, null, 2) : `Stored secret ${name.data} in ${environment.name} (${hint}).`);
    return 0;
  },
};
