/** `tokenbench revoke CREDENTIAL --env ENV`: revokes the held token (RFC 7009), then forgets it. */
import { findPair, withProductionConfirmation, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

export const revokeCommand: Command = {
  words: ['revoke'],
  usage: 'CREDENTIAL',
  arity: 1,
  summary: 'Revoke the held token at the auth service (RFC 7009) and forget it; the next use gets a new one.',
  options: { env: { type: 'string' }, 'refresh-token': { type: 'boolean' }, yes: { type: 'boolean' } },
  details: [
    '--env NAME        the environment (required)',
    '--refresh-token   revoke the refresh token too (after the access token)',
    '--yes             confirm a production environment that asks before revoking',
    'The recipe needs its revocationUrl (the credential editor fills it from the issuer).',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const { key, credential, environment } = findPair(core, args[0]!, options.env as string | undefined);
    const { revoked } = await withProductionConfirmation(io, options.yes === true, (confirmed) =>
      withUnlockIfNeeded(core, io, () => core.tokenAdmin.revoke(key, { refreshToken: options['refresh-token'] === true, confirmed })),
    );
    print(`Revoked the ${revoked.join(' and the ')} of ${credential.name} in ${environment.name}, and forgot them: the next use gets a new token.`);
    return 0;
  },
};
