/**
 * One credential's turn across the fleet: a Redis lock with an expiry (a machine that dies frees
 * it) and a fencing token (a number that grows with every turn). Writes made in a turn carry the
 * fence and Redis refuses them once a later turn began, so a machine that stalled past its expiry
 * cannot overwrite what the next holder wrote.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

export interface Turn {
  slot: string;
  owner: string;
  fence: number;
}

const TAKE = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return redis.call('INCR', KEYS[2]) end return 0`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const GIVE_BACK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
/** SET (or DEL when the value is empty) only while the fence is the latest. */
const FENCED_SET = `if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[1]) then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) elseif tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else redis.call('SET', KEYS[1], ARGV[2]) end
return 1`;

export const lockKey = (slot: string) => `${slot}:turn`;
export const fenceKey = (slot: string) => `${slot}:fence`;

export async function takeTurn(redis: Redis, slot: string, expiryMs: number): Promise<Turn | undefined> {
  const owner = randomUUID();
  const fence = Number(await redis.eval(TAKE, 2, lockKey(slot), fenceKey(slot), owner, String(expiryMs)));
  return fence > 0 ? { slot, owner, fence } : undefined;
}

export async function extendTurn(redis: Redis, turn: Turn, expiryMs: number): Promise<boolean> {
  return Number(await redis.eval(EXTEND, 1, lockKey(turn.slot), turn.owner, String(expiryMs))) === 1;
}

export async function giveBackTurn(redis: Redis, turn: Turn): Promise<void> {
  await redis.eval(GIVE_BACK, 1, lockKey(turn.slot), turn.owner);
}

/** Writes `value` (empty: deletes) under `key` if `turn` is still the latest; false if a later turn began. */
export async function fencedSet(redis: Redis, turn: Turn, key: string, value: string, expiryMs: number): Promise<boolean> {
  return Number(await redis.eval(FENCED_SET, 2, key, fenceKey(turn.slot), String(turn.fence), value, String(Math.max(0, Math.ceil(expiryMs))))) === 1;
}
