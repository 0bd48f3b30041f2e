/**
 * Which settings changes widen where an environment's secrets may go: a host the allowed list did
 * not cover, an emptied list, production switched off, its confirmation switched off, TLS
 * verification switched off. Narrowing changes need no confirmation.
 */
import type { Environment } from '../../../shared/domain/environment';

export interface SettingsChange {
  production?: boolean;
  confirmProduction?: boolean;
  allowInsecureTls?: boolean;
  allowedHosts?: string[];
}

function withoutPort(entry: string): string {
  return entry.replace(/:\d+$/, '');
}

/** True when `current` already lets secrets go wherever `entry` would. */
function covered(entry: string, current: readonly string[]): boolean {
  return current.some((old) => {
    if (old === entry) return true;
    if (!/:\d+$/.test(old) && withoutPort(entry) === old) return true;
    if (old.startsWith('*.')) {
      const host = withoutPort(entry).replace(/^\*\./, 'x.');
      return host.endsWith(old.slice(1)) && host.length > old.length - 1;
    }
    return false;
  });
}

/**
 * The widening parts of `change`, in the user's words (empty: nothing widens). `currentHosts` is
 * where secrets may go now: the stored list, the hosts the environment names when it holds
 * secrets and lists none (seed.ts), or 'anywhere' for an empty list and no secrets.
 */
export function wideningChanges(environment: Environment, change: SettingsChange, currentHosts: readonly string[] | 'anywhere'): string[] {
  const found: string[] = [];
  if (change.allowedHosts !== undefined && currentHosts !== 'anywhere') {
    const next = change.allowedHosts.map((h) => h.trim().toLowerCase());
    if (next.length === 0 && environment.allowedHosts.length > 0) found.push(`Allowed hosts emptied (was: ${currentHosts.join(', ')})`);
    const added = next.filter((entry) => !covered(entry, currentHosts));
    if (added.length > 0) found.push(`Secrets may also go to: ${added.join(', ')}`);
  }
  if (change.production === false && environment.production) found.push('No longer marked as production');
  if (change.confirmProduction === false && environment.confirmProduction) found.push('No question before a token fetch or a request in production');
  if (change.allowInsecureTls === true && !environment.allowInsecureTls) found.push('TLS certificates no longer verified');
  return found;
}
