/**
 * `tokenbench token CREDENTIAL --env ENV`: prints a valid token for scripts, reusing the cached
 * one (shared with the app) or renewing it, with the same guards the app uses.
 */
import { findPair, withProductionConfirmation, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

export const tokenCommand: Command = {
  words: ['token'],
  usage: 'CREDENTIAL',
  arity: 1,
  summary: 'Print a valid token (reused while valid, renewed when needed).',
  options: { env: { type: 'string' }, json: { type: 'boolean' }, renew: { type: 'boolean' }, yes: { type: 'boolean' } },
  details: [
    '--env NAME  the environment (required)',
    '--json      print the token with its type, expiry and the header it goes in',
    '--renew     get a new token even if the cached one is still valid',
    '--yes       confirm a production environment that asks before token fetches (else asked in a terminal)',
    'Example: curl -H "Authorization: Bearer $(tokenbench token Lemonway --env sandbox)" ...',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const { key } = findPair(core, args[0]!, options.env as string | undefined);
    const issued = await withProductionConfirmation(io, options.yes === true, (confirmed) =>
      withUnlockIfNeeded(core, io, () => core.tokens.fetch(key, { renew: options.renew === true, confirmed })),
    );
    if (!options.json) {
      print(issued.token);
      return 0;
    }
    print(
      JSON.stringify(
        {
          token: issued.token,
          tokenType: issued.tokenType,
          issuedAt: issued.issuedAt === null ? null : new Date(issued.issuedAt).toISOString(),
          expiresAt: issued.expiresAt === null ? null : new Date(issued.expiresAt).toISOString(),
          reused: issued.fromCache,
          use: issued.use,
          extras: issued.extras,
        },
        null,
        2,
      ),
    );
    return 0;
  },
};
