/** `tokenbench env list`: the environments, with how many plain and secret variables each has. */
import type { Command } from './command';

export const envListCommand: Command = {
  words: ['env', 'list'],
  usage: '',
  arity: 0,
  summary: 'List the environments.',
  options: { json: { type: 'boolean' } },
  details: '--json prints them as JSON (names, settings, variables; secret variables without values).',
  async run({ options, print, core }) {
    const environments = (await core()).environments.list();
    if (options.json) {
      print(JSON.stringify(environments, null, 2));
      return 0;
    }
    if (environments.length === 0) {
      print('No environments yet. Create one in the app, or: tokenbench env create NAME');
      return 0;
    }
    for (const e of environments) {
      const secrets = e.variables.filter((v) => v.secret).length;
      print(`${e.name}${e.production ? ' [production]' : ''}  ${e.variables.length - secrets} plain, ${secrets} secret variable${secrets === 1 ? '' : 's'}`);
    }
    return 0;
  },
};
