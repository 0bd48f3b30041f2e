/**
 * The guard and the turn shared by a fleet (CI runners behind one IP share an auth service's
 * ban): each environment x credential's token-request history lives in Redis, and a machine asks
 * for a token only in the credential's fleet-wide turn (`redis-turn.ts`). Everything is also kept
 * in the local guard, which takes over (with a warning) while Redis cannot be reached.
 */
import type { GuardRecord, GuardStore, TokenKey } from '../engine';
import { TokenError } from '../engine';
import type { FleetKeys } from './fleet-key';
import type { RedisLink } from './redis-link';
import { extendTurn, fencedSet, giveBackTurn, takeTurn, type Turn } from './redis-turn';

/** Renewed while held, so only a machine that died (or stalled this long) loses its turn. */
export const FLEET_TURN_MS = 15_000;
/** A guard's history matters for an hour (the dashboard) or a ban window; a day is plenty. */
const GUARD_KEEP_MS = 24 * 3600_000;

export interface FleetSlots {
  link: RedisLink;
  /** The fleet's keys, or undefined when the fleet key could not be read (warned). */
  keys(): Promise<FleetKeys | undefined>;
  /** The same name on every machine for an environment x credential. */
  nameOf(key: TokenKey): string;
  /** The turn this process holds for a slot, if any (fenced writes use it). */
  turns: Map<string, Turn>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The later of two histories: the fleet's and this machine's own. */
function later(a: GuardRecord | undefined, b: GuardRecord | undefined): GuardRecord | undefined {
  if (!a || !b) return a ?? b;
  return (b.lastAttemptAt ?? 0) > (a.lastAttemptAt ?? 0) ? b : a;
}

export function fleetGuardStore(local: GuardStore, fleet: FleetSlots): GuardStore {
  // The fleet's history as read at the start of this process's turn.
  const fetched = new Map<string, GuardRecord>();
  const id = (key: TokenKey) => `${key.environmentId}\u0000${key.credentialId}`;

  async function inFleetTurn<T>(key: TokenKey, label: string, waitMs: number, work: () => Promise<T>): Promise<T> {
    const keys = await fleet.keys();
    const redis = keys && (await fleet.link.ready());
    if (!keys || !redis) return work();
    const slot = keys.slotOf(fleet.nameOf(key));
    const started = Date.now();
    let turn: Turn | undefined;
    try {
      for (let pause = 25; !(turn = await takeTurn(redis, slot, FLEET_TURN_MS)); pause = Math.min(pause * 1.5, 300)) {
        if (Date.now() - started >= waitMs) {
          throw new TokenError({
            code: 'token-busy',
            message: `Another machine of the fleet has been getting a token for ${label} for more than ${Math.round(waitMs / 1000)} s, so this one stopped waiting. No token request was sent.`,
            hint: `Try again in a moment; a machine that stopped frees its turn within ${FLEET_TURN_MS / 1000} s.`,
          });
        }
        await sleep(pause * (0.5 + Math.random()));
      }
      const stored = await redis.get(`${slot}:guard`);
      if (stored) fetched.set(id(key), JSON.parse(stored) as GuardRecord);
      else fetched.delete(id(key));
    } catch (error) {
      if (error instanceof TokenError) throw error;
      fleet.link.unavailable('token requests', error);
      return work();
    }
    const held = turn;
    fleet.turns.set(slot, held);
    const keepAlive = setInterval(() => void extendTurn(redis, held, FLEET_TURN_MS).catch(() => undefined), FLEET_TURN_MS / 3);
    try {
      return await work();
    } finally {
      clearInterval(keepAlive);
      fleet.turns.delete(slot);
      fetched.delete(id(key));
      // Not given back (Redis went away): it expires by itself.
      await giveBackTurn(redis, held).catch((error: unknown) => fleet.link.unavailable('giving back a turn', error));
    }
  }

  return {
    read: (key) => later(fetched.get(id(key)), local.read(key)),

    async write(key, record) {
      await local.write(key, record);
      const keys = await fleet.keys();
      if (!keys) return;
      const slot = keys.slotOf(fleet.nameOf(key));
      const turn = fleet.turns.get(slot);
      const redis = await fleet.link.ready();
      if (!redis) return;
      let written: boolean;
      try {
        written = turn ? await fencedSet(redis, turn, `${slot}:guard`, JSON.stringify(record), GUARD_KEEP_MS) : (await redis.set(`${slot}:guard`, JSON.stringify(record), 'PX', GUARD_KEEP_MS)) === 'OK';
      } catch (error) {
        fleet.link.unavailable('recording a token request', error);
        return;
      }
      if (!written) throw new Error('this machine lost its turn for the credential to another machine of the fleet (it stalled for longer than the turn lasts)');
    },

    // The local turn first: processes of one data folder queue here, one of them at a time in the fleet's.
    exclusive: (key, options, work) => local.exclusive(key, { ...options, waitMs: options.waitMs * 2 }, () => inFleetTurn(key, options.label, options.waitMs, work)),
  };
}
