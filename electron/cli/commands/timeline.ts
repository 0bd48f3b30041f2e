/** `tokenbench timeline`: the auth timeline (every token request, redacted), newest first. */
import { AppError } from '../../../shared/errors';
import { findCredentialByName, findEnvironmentByName } from '../core';
import { formatDuration } from '../terminal-text';
import type { Command } from './command';

export const timelineCommand: Command = {
  words: ['timeline'],
  usage: '',
  arity: 0,
  summary: 'Show recent token requests (secrets masked).',
  options: { env: { type: 'string' }, credential: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  details: '--env NAME, --credential NAME  only these\n--limit N  at most N entries (default 20)\n--json  full entries, with the redacted exchange',
  async run({ options, print, core: openCore }) {
    const core = await openCore();
    const environmentId = options.env ? findEnvironmentByName(core, options.env as string).id : undefined;
    const credentialId = options.credential ? findCredentialByName(core, options.credential as string).id : undefined;
    const limit = options.limit ? Number(options.limit) : 20;
    if (!Number.isInteger(limit) || limit <= 0) throw new AppError('invalid-request', '--limit takes a whole number above 0.');
    const entries = core.timeline.list({ environmentId, credentialId, limit });
    if (options.json) {
      print(JSON.stringify(entries, null, 2));
      return 0;
    }
    if (entries.length === 0) {
      print('No token requests yet.');
      return 0;
    }
    for (const e of entries) {
      const outcome = e.outcome === 'success' ? 'ok' : `failed: ${e.error?.message ?? 'unknown'}`;
      print(`${new Date(e.at).toISOString()}  ${e.environmentName} / ${e.credentialName}  ${e.method} ${e.url}  ${e.status ?? '-'}  ${formatDuration(e.durationMs)}  ${outcome}`);
    }
    return 0;
  },
};
