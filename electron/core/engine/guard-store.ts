// Where the guard's history lives and how token requests take turns. The app and every CLI process
// on one data folder must share both, or each process starts with an empty guard and hammers the
// auth service; the data folder's implementation is `tokens/guard-file.ts`. The in-memory one
// here serves a single process (tests, benchmarks).
import type { TokenKey } from './types';

/** A guard's history: plain data (times in ms epoch), no secrets. */
export interface GuardRecord {
  lastAttemptAt?: number;
  /** Token requests of the last hour, oldest first. */
  attempts: number[];
  /** Failed token requests since the last success. */
  failures: number;
  /** The server asked not to be asked again before this moment (Retry-After, a ban window). */
  retryAfterUntil?: number;
  /** A token request is out since then (cleared with its answer): others see when it lands. */
  sendingSince?: number;
}

export interface FlightOptions {
  /** Names the credential and environment in messages ("Lengow" in "Lengow sandbox"). */
  label: string;
  /** How long to wait for another process's token request before giving up. */
  waitMs: number;
}

export interface GuardStore {
  read(key: TokenKey): GuardRecord | undefined;
  write(key: TokenKey, record: GuardRecord): Promise<void>;
  /**
   * Runs `work` while no other process (nor this one) works on a token for `key`: whoever waited
   * then finds the token the other one got. Throws a TokenError when the wait is too long.
   */
  exclusive<T>(key: TokenKey, options: FlightOptions, work: () => Promise<T>): Promise<T>;
}

const keyString = (key: TokenKey) => `${key.environmentId}\u0000${key.credentialId}`;

/** One process only: records in a map, turns taken in a promise chain per key. */
export function createMemoryGuardStore(): GuardStore {
  const records = new Map<string, GuardRecord>();
  const turns = new Map<string, Promise<unknown>>();
  return {
    read: (key) => records.get(keyString(key)),
    async write(key, record) {
      records.set(keyString(key), record);
    },
    exclusive(key, _options, work) {
      const id = keyString(key);
      const run = (turns.get(id) ?? Promise.resolve()).then(work, work);
      const tail = run.catch(() => undefined);
      turns.set(id, tail);
      void tail.then(() => {
        if (turns.get(id) === tail) turns.delete(id);
      });
      return run;
    },
  };
}
