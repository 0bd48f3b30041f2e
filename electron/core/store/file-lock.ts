/**
 * The write lock of one data file, shared by every Tokenbench process on the machine (the app
 * and any number of CLI commands): a `FILE.lock` directory managed by proper-lockfile.
 *
 * Writers in the same process queue up in memory first, so they do not poll each other's lock.
 * A lock left behind by a process that was killed counts as stale after `staleMs` (the holder
 * refreshes it while alive), so a crashed CLI blocks the app for a few seconds at most.
 *
 * A change that spans several files (an import) holds all their locks at once (`withFileLocks`,
 * always taken in the same order, so two such changes cannot wait on each other forever); the
 * updates it makes inside see their locks held and do not take them again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../../shared/errors';

export const DEFAULT_LOCK_STALE_MS = 5_000;

const queues = new Map<string, Promise<unknown>>();
/** The locks the current chain of calls holds. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/** Runs `work` while holding the lock of `filePath`, in this process and across processes. */
export async function withFileLock<T>(filePath: string, staleMs: number, work: () => T | Promise<T>): Promise<T> {
  if (held.getStore()?.has(filePath)) return work();
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

/** Runs `work` while holding the locks of all `filePaths` (see above). */
export async function withFileLocks<T>(filePaths: readonly string[], staleMs: number, work: () => T | Promise<T>): Promise<T> {
  const [first, ...rest] = [...new Set(filePaths)].sort();
  if (first === undefined) return work();
  return withFileLock(first, staleMs, () => withFileLocks(rest, staleMs, work));
}

async function holdLock<T>(filePath: string, staleMs: number, work: () => T | Promise<T>): Promise<T> {
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
    return await held.run(new Set([...(held.getStore() ?? []), filePath]), work);
  } finally {
    // A compromised lock has already been taken over; releasing it would remove someone else's.
    if (!compromised) await release();
  }
}
