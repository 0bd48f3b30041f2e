/** `tokenbench env create NAME`: a new, empty environment (the app's own "create" handler). */
import { AppError } from '../../../shared/errors';
import { environmentNameSchema } from '../../../shared/domain/environment';
import type { Command } from './command';

export const envCreateCommand: Command = {
  words: ['env', 'create'],
  usage: 'NAME',
  arity: 1,
  summary: 'Create an empty environment.',
  options: { production: { type: 'boolean' } },
  details: '--production marks it as a production environment (requests ask before they run).',
  async run({ args, options, print, core }) {
    const name = environmentNameSchema.safeParse(args[0]);
    if (!name.success) throw new AppError('invalid-request', name.error.issues[0]!.message);
    const { services } = await core();
    const created = await services.handlers['environments:create']({ name: name.data, production: options.production === true });
    print(`Created environment ${created.name}.`);
    return 0;
  },
};
