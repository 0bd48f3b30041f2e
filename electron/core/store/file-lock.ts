/**
 * The write lock of one data file, shared by every Tokenbench process on the machine (the app
 * and any number of CLI commands): a `FILE.lock` directory managed by proper-lockfile.
 *
 * Writers in the same process queue up in memory first, so they do not poll each other's lock.
 * A lock left behind by a process that was killed counts as stale after `staleMs` (the holder
 * refreshes it while alive), so a crashed CLI blocks the app for a few seconds at most.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../../shared/errors';

export const DEFAULT_LOCK_STALE_MS = 5_000;

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the lock of `filePath`, in this process and across processes. */
export async function withFileLock<T>(filePath: string, staleMs: number, work: () => T): Promise<T> {
  const previous = queues.get(filePath) ?? Promise.resolve();
  const run = previous.then(
    () => holdLock(filePath, staleMs, work),
    () => holdLock(filePath, staleMs, work),
  );
  const tail = run.catch(() => undefined);
  queues.set(filePath, tail);
  void tail.then(() => {
    if (queues.get(filePath) === tail) queues.delete(filePath);
  });
  return run;
}

async function holdLock<T>(filePath: string, staleMs: number, work: () => T): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(filePath, {
      realpath: false,
      lockfilePath: `${filePath}.lock`,
      stale: staleMs,
      // Enough patience for a stale lock to expire, plus the writes queued before ours.
      retries: { retries: Math.ceil((staleMs * 3) / 50), minTimeout: 5, maxTimeout: 50, factor: 1.3 },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    throw new AppError('store-busy', `${path.basename(filePath)} is being written by another Tokenbench process and did not become free in time.`, {
      hint: 'Close other Tokenbench windows or CLI commands using this data folder, then try again.',
      cause: error,
    });
  }
  try {
    return work();
  } finally {
    // A compromised lock has already been taken over; releasing it would remove someone else's.
    if (!compromised) await release();
  }
}
