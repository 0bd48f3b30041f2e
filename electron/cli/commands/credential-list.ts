/** `tokenbench credential list`: the credentials, their presets and where they are used. */
import type { Command } from './command';

export const credentialListCommand: Command = {
  words: ['credential', 'list'],
  usage: '',
  arity: 0,
  summary: 'List the credentials and the environments they are used in.',
  options: { json: { type: 'boolean' } },
  details: '--json  print them as JSON (recipes hold {{variables}}, never secret values)',
  async run({ options, print, core: openCore }) {
    const core = await openCore();
    const credentials = core.credentials.list();
    if (options.json) {
      print(JSON.stringify(credentials, null, 2));
      return 0;
    }
    if (credentials.length === 0) {
      print('No credentials yet. Add one: tokenbench credential add --preset ID --env ENV');
      return 0;
    }
    const environments = new Map(core.environments.list().map((e) => [e.id, e.name]));
    for (const c of credentials) {
      const usedIn = c.environmentIds.map((id) => environments.get(id) ?? id);
      print(`${c.name}  ${c.presetId ? `preset ${c.presetId}` : c.recipe.kind}  ${usedIn.length ? `used in ${usedIn.join(', ')}` : 'not used in any environment'}`);
    }
    return 0;
  },
};
