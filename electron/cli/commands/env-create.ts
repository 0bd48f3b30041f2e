/** `tokenbench env create NAME`: a new, empty environment (the app's own "create" handler). */
import { AppError } from '../../../shared/errors';
import { environmentNameSchema } from '../../../shared/domain/environment';
import type { Command } from './command';

export const envCreateCommand: Command = {
  words: ['env', 'create'],
  usage: 'NAME',
  arity: 1,
  summary: 'Create an empty environment.',
  options: { production: { type: 'boolean' }, json: { type: 'boolean' } },
  details: '--production  mark it as a production environment (token fetches and requests need --yes)\n--json        print the new environment as JSON',
  async run({ args, options, print, core }) {
    const name = environmentNameSchema.safeParse(args[0]);
    if (!name.success) throw new AppError('invalid-request', name.error.issues[0]!.message);
    const created = await (await core()).environments.create({ name: name.data, production: options.production === true });
    print(options.json ? JSON.stringify(created, null, 2) : `Created environment ${created.name}.`);
    return 0;
  },
};
