// Enforces an environment's allowed hosts in the engine (the matcher itself is shared with the
// renderer: shared/domain/allowed-hosts.ts).
import { isHostAllowed } from '../../../shared/domain/allowed-hosts';
import { TokenError } from './errors';
import type { EngineEnvironment } from './types';

export { isHostAllowed };

/** Throws `host-not-allowed` naming the host and the environment. `what` says what would have been sent. */
export function assertHostAllowed(url: URL, env: EngineEnvironment, what: string): void {
  if (isHostAllowed(url, env.allowedHosts)) return;
  throw new TokenError({
    code: 'host-not-allowed',
    message: `The ${what} would send secrets of environment "${env.name}" to ${url.host}, which is not among its allowed hosts (${env.allowedHosts.join(', ')}). Nothing was sent.`,
    hint: `If ${url.hostname} is legitimate, add it to the allowed hosts of "${env.name}"; otherwise correct the URL.`,
  });
}
