/**
 * `--cache redis://...`: the optional fleet layer over the local guard and token cache. Wired by
 * the composition root; the token engine sees an ordinary GuardStore and TokenCache.
 */
import type { GuardStore, TokenCache, TokenKey } from '../engine';
import { fleetGuardStore, type FleetSlots } from './fleet-guard';
import { fleetKeys, type FleetKeys } from './fleet-key';
import { fleetTokenCache } from './fleet-token-cache';
import { openRedisLink, safeUrl } from './redis-link';

export interface FleetSettings {
  /** redis:// or rediss:// (Valkey too). */
  cacheUrl: string;
  /** A secret reference (`env:TOKENBENCH_FLEET_KEY`, `vault:ci/tokenbench#fleet_key`, ...). */
  keyReference: string;
}

export interface FleetOptions extends FleetSettings {
  readSecret(reference: string): Promise<string>;
  nameOf(key: TokenKey): string;
  warn(message: string): void;
  now(): number;
  /** How long to wait for Redis before going it alone (a restart takes about a second). */
  connectTimeoutMs?: number;
}

export interface Fleet {
  readonly cacheUrl: string;
  guards<G extends GuardStore>(local: G): G;
  cache(local: TokenCache): TokenCache;
  close(): Promise<void>;
}

export const DEFAULT_FLEET_KEY_REFERENCE = 'env:TOKENBENCH_FLEET_KEY';

export function openFleet(options: FleetOptions): Fleet {
  const link = openRedisLink({ url: options.cacheUrl, connectTimeoutMs: options.connectTimeoutMs ?? 3000, warn: options.warn });
  let keys: Promise<FleetKeys | undefined> | undefined;
  const slots: FleetSlots = {
    link,
    turns: new Map(),
    nameOf: options.nameOf,
    keys: () =>
      (keys ??= options.readSecret(options.keyReference).then(fleetKeys).catch((error: unknown) => {
        options.warn(`The fleet key (${options.keyReference}) could not be read, so the shared token cache at ${safeUrl(options.cacheUrl)} is not used: ${error instanceof Error ? error.message : String(error)}. This machine uses its local guard and cache.`);
        return undefined;
      })),
  };
  return {
    cacheUrl: options.cacheUrl,
    guards: (local) => ({ ...local, ...fleetGuardStore(local, slots) }),
    cache: (local) => fleetTokenCache(local, slots, options),
    close: () => link.close(),
  };
}
