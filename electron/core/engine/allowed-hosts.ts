// An environment's allowed hosts: its secrets and tokens go to these hosts only. Entries are a host
// name (any port), `host:port`, or `*.example.com` (any subdomain, not example.com itself).
import { TokenError } from './errors';
import type { EngineEnvironment } from './types';

function matches(url: URL, entry: string): boolean {
  const pattern = entry.trim().toLowerCase();
  if (!pattern) return false;
  const hostname = url.hostname.toLowerCase();
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hasPort = /:\d+$/.test(pattern) && !pattern.endsWith(']');
  if (hasPort) return `${hostname}:${port}` === pattern || `${hostname}:${url.port}` === pattern;
  return hostname === pattern;
}

export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.length === 0 || allowedHosts.some((entry) => matches(url, entry));
}

/** Throws `host-not-allowed` naming the host and the environment. `what` says what would have been sent. */
export function assertHostAllowed(url: URL, env: EngineEnvironment, what: string): void {
  if (isHostAllowed(url, env.allowedHosts)) return;
  throw new TokenError({
    code: 'host-not-allowed',
    message: `The ${what} would send secrets of environment "${env.name}" to ${url.host}, which is not among its allowed hosts (${env.allowedHosts.join(', ')}). Nothing was sent.`,
    hint: `If ${url.hostname} is legitimate, add it to the allowed hosts of "${env.name}"; otherwise correct the URL.`,
  });
}
