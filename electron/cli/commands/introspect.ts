/** `tokenbench introspect CREDENTIAL --env ENV`: what the auth service says about the held token (RFC 7662). */
import { introspectionFacts } from '../../../shared/domain/token-admin';
import { findPair, withProductionConfirmation, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

const iso = (ms: number) => new Date(ms).toISOString();

export const introspectCommand: Command = {
  words: ['introspect'],
  usage: 'CREDENTIAL',
  arity: 1,
  summary: 'Ask the auth service about the held token: active or not, scope, client, expiry (RFC 7662).',
  options: { env: { type: 'string' }, json: { type: 'boolean' }, 'refresh-token': { type: 'boolean' }, yes: { type: 'boolean' } },
  details: [
    '--env NAME        the environment (required)',
    '--json            print the answer as JSON (times as ISO dates)',
    '--refresh-token   ask about the refresh token instead of the access token',
    '--yes             confirm a production environment that asks before sending its token',
    'The token itself is never printed. The recipe needs its introspectionUrl (the credential editor fills it from the issuer).',
  ].join('\n'),
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    const { key } = findPair(core, args[0]!, options.env as string | undefined);
    const answer = await withProductionConfirmation(io, options.yes === true, (confirmed) =>
      withUnlockIfNeeded(core, io, () => core.tokenAdmin.introspect(key, { refreshToken: options['refresh-token'] === true, confirmed })),
    );
    if (options.json) {
      const times = Object.fromEntries((['expiresAt', 'issuedAt', 'notBefore'] as const).filter((name) => answer[name] !== undefined).map((name) => [name, iso(answer[name]!)]));
      print(JSON.stringify({ ...answer, ...times }, null, 2));
      return 0;
    }
    const facts = introspectionFacts(answer, iso);
    const width = Math.max(...facts.map(([label]) => label.length));
    for (const [label, value] of facts) print(`${label.padEnd(width)}  ${value}`);
    return 0;
  },
};
