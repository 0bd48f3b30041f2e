/**
 * `tokenbench request METHOD URL --env ENV --credential CRED`: an authenticated API call. The
 * status line goes to standard error and the body to standard output, so the body can be piped;
 * an answer of 400 or more exits with 1. A 401 renews the token once and retries once.
 */
import { AppError } from '../../../shared/errors';
import { findPair, withProductionConfirmation, withUnlockIfNeeded } from '../core';
import type { Command } from './command';

export const requestCommand: Command = {
  words: ['request'],
  usage: 'METHOD URL',
  arity: 2,
  summary: 'Call an API with the credential\'s token attached; prints the body.',
  options: {
    env: { type: 'string' },
    credential: { type: 'string' },
    header: { type: 'string', short: 'H', multiple: true },
    data: { type: 'string', short: 'd' },
    yes: { type: 'boolean' },
  },
  details: [
    '--env NAME          the environment (required)',
    '--credential NAME   whose token to attach (required)',
    '-H "Name: value"    a header (repeatable)',
    '-d BODY             the request body',
    '--yes               confirm a production environment that asks before requests (else asked in a terminal)',
  ].join('\n'),
  async run({ io, args, options, core: openCore }) {
    const [method, url] = args as [string, string];
    if (!options.credential) throw new AppError('invalid-request', 'Say whose token to attach with --credential NAME.');
    const core = await openCore();
    const { key } = findPair(core, options.credential as string, options.env as string | undefined);
    const headers = parseHeaders((options.header as unknown as string[] | undefined) ?? []);
    const body = options.data as string | undefined;
    const { response, renewedAfter401, renewalError } = await withProductionConfirmation(io, options.yes === true, (confirmed) =>
      withUnlockIfNeeded(core, io, () =>
        core.tokens.authenticatedRequest(key, { method: method.toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) }, { confirmed }),
      ),
    );
    if (renewedAfter401) io.stderr.write('The first answer was 401: the token was renewed and the request sent once more.\n');
    if (renewalError) io.stderr.write(`The token was rejected and could not be renewed: ${renewalError.message}\n`);
    io.stderr.write(`HTTP ${response.status} ${response.statusText}\n`);
    io.stdout.write(response.body);
    if (response.body.length && !response.body.subarray(-1).equals(Buffer.from('\n'))) io.stdout.write('\n');
    return response.status >= 400 ? 1 : 0;
  },
};

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new AppError('invalid-request', `"${line}" is not a header. Write it as -H "Name: value".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
