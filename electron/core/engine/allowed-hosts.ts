// Enforces an environment's allowed hosts in the engine (the matcher itself is shared with the
// renderer: shared/domain/allowed-hosts.ts).
import { isHostAllowed } from '../../../shared/domain/allowed-hosts';
import { TokenError } from './errors';
import { secretValues } from './plan';
import { Redactor } from './redact';
import type { EngineEnvironment } from './types';

export { isHostAllowed };

/**
 * Throws `host-not-allowed` naming the host and the environment. `what` says what would have been
 * sent. The host may itself hold a secret (`https://{{tenant}}.example.com`), so the message is
 * masked with the environment's secrets like every other token error.
 */
export function assertHostAllowed(url: URL, env: EngineEnvironment, what: string): void {
  if (isHostAllowed(url, env.allowedHosts)) return;
  const redactor = new Redactor(secretValues(env));
  throw new TokenError({
    code: 'host-not-allowed',
    message: `The ${what} would send secrets of environment "${env.name}" to ${url.host}, which is not among its allowed hosts (${env.allowedHosts.join(', ')}). Nothing was sent.`,
    hint: `If ${url.hostname} is legitimate, add it to the allowed hosts of "${env.name}"; otherwise correct the URL.`,
  }).masked((text) => redactor.text(text));
}
