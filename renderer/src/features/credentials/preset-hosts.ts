/**
 * Warns before a preset's suggested allowed hosts would refuse the address the user typed (e.g. a
 * local emulator or a proxy instead of the vendor's host): the token request would then be blocked.
 */
import { httpUrlOf, isHostAllowed } from '../../../../shared/domain/allowed-hosts';
import type { PresetVariable } from '../../../../shared/recipe';

/** Hostnames typed into the preset's address fields that none of `hosts` covers. */
export function hostsOutsideSuggestion(variables: readonly PresetVariable[], values: Record<string, string>, hosts: readonly string[]): string[] {
  if (hosts.length === 0) return [];
  const typed = variables.filter((v) => !v.secret).map((v) => httpUrlOf(values[v.name] ?? ''));
  return [...new Set(typed.filter((url): url is URL => url !== null && !isHostAllowed(url, hosts)).map((url) => url.hostname.toLowerCase()))];
}
