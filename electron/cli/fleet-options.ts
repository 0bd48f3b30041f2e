/**
 * Which shared cache a command uses: `--cache URL` or TOKENBENCH_CACHE, and where the fleet key
 * is (`--fleet-key REF`, TOKENBENCH_FLEET_KEY_REF, else the variable TOKENBENCH_FLEET_KEY).
 */
import { AppError } from '../../shared/errors';
import { DEFAULT_FLEET_KEY_REFERENCE, type FleetSettings } from '../core/fleet/fleet';
import { safeUrl } from '../core/fleet/redis-link';
import type { CliIo } from './io';

/** `--cache` / TOKENBENCH_CACHE and where the fleet key is, or undefined for the local guard only. */
export function fleetSettings(values: Record<string, unknown>, env: CliIo['env']): FleetSettings | undefined {
  const cacheUrl = (values.cache as string | undefined) ?? env.TOKENBENCH_CACHE;
  if (!cacheUrl) return undefined;
  if (!/^rediss?:\/\/[^/]/.test(cacheUrl)) {
    throw new AppError('invalid-request', `The shared cache must be a redis:// or rediss:// URL (Redis or Valkey), not "${safeUrl(cacheUrl)}".`, { hint: 'Example: --cache redis://cache.internal:6379/0' });
  }
  return { cacheUrl, keyReference: (values['fleet-key'] as string | undefined) ?? env.TOKENBENCH_FLEET_KEY_REF ?? DEFAULT_FLEET_KEY_REFERENCE };
}
