/**
 * `tokenbench env show ENV`: one environment's settings, variables (secret ones as a masked
 * hint) and, for each credential used there, its token's state. Unlocks only without asking
 * (an unlock session or TOKENBENCH_PASSPHRASE); otherwise the token states say "locked".
 */
import type { TokenStatus } from '../../../shared/domain/token';
import { findEnvironmentByName, unlock } from '../core';
import { formatDuration } from '../terminal-text';
import type { Command } from './command';

function tokenLine(status: TokenStatus, now: number): string {
  const parts: string[] = [status.state];
  if (status.expiresAt !== null) parts.push(status.expiresAt > now ? `expires in ${formatDuration(status.expiresAt - now)}` : `expired ${formatDuration(now - status.expiresAt)} ago`);
  parts.push(`${status.tokenRequestsLastHour} token request${status.tokenRequestsLastHour === 1 ? '' : 's'} in the last hour`);
  if (status.guard.nextAttemptAt !== null && status.guard.nextAttemptAt > now) parts.push(`next token request allowed in ${formatDuration(status.guard.nextAttemptAt - now)}`);
  if (status.lastError) parts.push(`last failure: ${status.lastError.message}`);
  return parts.join(', ');
}

export const envShowCommand: Command = {
  words: ['env', 'show'],
  usage: 'ENV',
  arity: 1,
  summary: 'Show an environment: settings, variables, credentials and their tokens.',
  options: { json: { type: 'boolean' } },
  details: '--json  print it as JSON (secret variables as a masked hint, tokens as statuses, never values)',
  async run({ io, args, options, print, core: openCore }) {
    const core = await openCore();
    if (io.env.TOKENBENCH_PASSPHRASE) await unlock(core, io);
    const environment = findEnvironmentByName(core, args[0]!);
    const credentials = core.credentials.list().filter((c) => c.environmentIds.includes(environment.id));
    const statuses = await Promise.all(credentials.map((c) => core.tokens.status({ environmentId: environment.id, credentialId: c.id })));
    if (options.json) {
      print(JSON.stringify({ environment, credentials: credentials.map((c, i) => ({ id: c.id, name: c.name, presetId: c.presetId, token: statuses[i] })) }, null, 2));
      return 0;
    }
    const now = core.clock.now();
    print(`${environment.name}${environment.production ? ' [production]' : ''}`);
    print(`  allowed hosts: ${environment.allowedHosts.length ? environment.allowedHosts.join(', ') : 'any'}`);
    print(environment.variables.length ? '  variables:' : '  no variables');
    for (const v of environment.variables) print(`    ${v.name} = ${v.secret ? `secret ${v.hint ?? '(no value)'}` : v.value}`);
    print(credentials.length ? '  credentials:' : '  no credentials (tokenbench credential add / credential use)');
    credentials.forEach((c, i) => print(`    ${c.name}: ${tokenLine(statuses[i]!, now)}`));
    return 0;
  },
};
