/** `tokenbench token forget CREDENTIAL --env ENV`: drops the cached token; the next call asks for a new one. */
import { findPair, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

export const tokenForgetCommand: Command = {
  words: ['token', 'forget'],
  usage: 'CREDENTIAL',
  arity: 1,
  summary: 'Forget the cached token (the next call asks for a new one).',
  options: { env: { type: 'string' } },
  details: '--env NAME  the environment (required)',
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const { key, credential, environment } = findPair(core, args[0]!, options.env as string | undefined);
    await withUnlockIfNeeded(core, io, () => core.tokens.forget(key));
    print(`Forgot the token of ${credential.name} in ${environment.name}.`);
    return 0;
  },
};
