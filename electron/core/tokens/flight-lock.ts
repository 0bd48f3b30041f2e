/**
 * One credential's turn to ask for a token, across every Tokenbench process on a data folder: a
 * lock directory managed by proper-lockfile. The holder refreshes it while alive, so a lock left
 * by a killed process lapses after `staleMs` and never blocks the others for long.
 *
 * Waiters poll (with jitter, so eight processes do not wake in step) rather than queue: a queue
 * across processes would need a server, and a turn lasts one token request at most.
 */
import lockfile from 'proper-lockfile';
import { TokenError } from '../engine';

/** Long enough to survive a busy event loop in the holder, short enough not to be noticed much. */
export const FLIGHT_STALE_MS = 10_000;

export interface FlightLockOptions {
  /** "“Lengow” in “Lengow sandbox”", for messages. */
  label: string;
  waitMs: number;
  staleMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withFlightLock<T>(lockPath: string, options: FlightLockOptions, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let compromised = false;
  let release: () => Promise<void>;
  for (let pause = 20; ; pause = Math.min(pause * 1.5, 250)) {
    try {
      release = await lockfile.lock(lockPath, {
        realpath: false,
        lockfilePath: `${lockPath}.lock`,
        stale: options.staleMs,
        retries: 0,
        // Taken over as stale (this process stalled longer than staleMs): finish, but leave the lock alone.
        onCompromised: () => {
          compromised = true;
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw turnFailed(options.label, error);
      if (Date.now() - started >= options.waitMs) throw waitedTooLong(options);
      await sleep(pause * (0.5 + Math.random()));
    }
  }
  try {
    return await work();
  } finally {
    if (!compromised) await release();
  }
}

function waitedTooLong(options: FlightLockOptions): TokenError {
  return new TokenError({
    code: 'token-busy',
    message: `Another Tokenbench process has been getting a token for ${options.label} for more than ${Math.round(options.waitMs / 1000)} s, so this one stopped waiting. No token request was sent.`,
    hint: `Try again in a moment. If a Tokenbench command is stuck, stop it: the turn of a process that ended is freed after ${Math.round(options.staleMs / 1000)} s.`,
  });
}

function turnFailed(label: string, error: unknown): TokenError {
  return new TokenError({
    code: 'cache-failed',
    message: `Could not take the turn to ask for a token for ${label}: ${error instanceof Error ? error.message : String(error)}. No token request was sent.`,
    hint: 'Check that the data folder is writable and not full, then try again.',
  });
}
