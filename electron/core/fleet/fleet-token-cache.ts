/**
 * Tokens shared by the fleet: sealed with the fleet key before they go to Redis, under a slot name
 * derived from it, and expiring there with the token. Every token is also kept in the local
 * (vault) cache, so a machine keeps working, without asking again, while Redis is away.
 */
import type { CachedToken, TokenCache, TokenKey } from '../engine';
import type { FleetSlots } from './fleet-guard';
import { fencedSet } from './redis-turn';

export interface FleetTokenCacheOptions {
  now(): number;
  warn(message: string): void;
}

function lifetimeMs(token: CachedToken, now: number): number {
  // No expiry known: kept a day, then fetched again by whoever needs it.
  return token.expiresAt === null ? 24 * 3600_000 : Math.max(1000, token.expiresAt - now);
}

export function fleetTokenCache(local: TokenCache, fleet: FleetSlots, options: FleetTokenCacheOptions): TokenCache {
  async function where(key: TokenKey) {
    const keys = await fleet.keys();
    const redis = keys && (await fleet.link.ready());
    if (!keys || !redis) return undefined;
    const slot = keys.slotOf(fleet.nameOf(key));
    return { keys, redis, slot, tokenKey: `${slot}:token` };
  }

  async function share(key: TokenKey, token: CachedToken): Promise<void> {
    const at = await where(key);
    if (!at) return;
    const sealed = at.keys.seal(JSON.stringify(token), at.slot);
    const turn = fleet.turns.get(at.slot);
    try {
      const written = turn ? await fencedSet(at.redis, turn, at.tokenKey, sealed, lifetimeMs(token, options.now())) : (await at.redis.set(at.tokenKey, sealed, 'PX', lifetimeMs(token, options.now()))) === 'OK';
      if (!written) options.warn('A token was not shared with the fleet: another machine took the credential\'s turn meanwhile (this one stalled). Its token is used here only.');
    } catch (error) {
      fleet.link.unavailable('sharing a token', error);
    }
  }

  return {
    async get(key) {
      const mine = await local.get(key);
      const at = await where(key);
      if (!at) return mine;
      let sealed: string | null;
      try {
        sealed = await at.redis.get(at.tokenKey);
      } catch (error) {
        fleet.link.unavailable('reading tokens', error);
        return mine;
      }
      if (sealed === null) {
        // Redis lost it (restarted without persistence): this machine's copy serves the fleet again.
        if (mine) await at.redis.set(at.tokenKey, at.keys.seal(JSON.stringify(mine), at.slot), 'PX', lifetimeMs(mine, options.now()), 'NX').catch((error: unknown) => fleet.link.unavailable('sharing a token', error));
        return mine;
      }
      const shared = JSON.parse(at.keys.open(sealed, at.slot)) as CachedToken;
      if (mine && mine.issuedAt > shared.issuedAt) return mine;
      // Kept locally too, for when Redis is away.
      if (mine?.token !== shared.token || mine.rejectedAt !== shared.rejectedAt) await local.set(key, shared);
      return shared;
    },

    async set(key, token) {
      await local.set(key, token);
      await share(key, token);
    },

    async delete(key) {
      await local.delete(key);
      const at = await where(key);
      await at?.redis.del(at.tokenKey).catch((error: unknown) => fleet.link.unavailable('forgetting a token', error));
    },
  };
}
