/** `tokenbench workspace init DIR`: a workspace folder for git, made from the current data. */
import path from 'node:path';
import type { Command } from './command';

export const workspaceInitCommand: Command = {
  words: ['workspace', 'init'],
  usage: 'DIR',
  arity: 1,
  summary: 'Write the environments, credentials and saved requests into a workspace folder for git.',
  details: [
    'DIR must be empty (or a fresh git clone). One YAML file per environment, credential recipe and',
    'saved request; secret variables keep their names and references only, their values stay in',
    "this data folder's vault. Then: git add, commit and push; teammates use --workspace DIR.",
  ].join('\n'),
  async run({ args, print, core }) {
    const folder = path.resolve(args[0]!);
    const written = await (await core()).workspace.init(folder);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    print(
      `Wrote ${plural(written.environments, 'environment')}, ${plural(written.credentials, 'credential')} and ${plural(written.requests, 'saved request')} to ${written.folder} (no secret values).`,
    );
    print(`Use it with: tokenbench --workspace ${JSON.stringify(written.folder)} COMMAND`);
    return 0;
  },
};
