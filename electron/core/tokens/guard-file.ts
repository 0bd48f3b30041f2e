/**
 * The token guard shared by the app and every CLI process on a data folder, surviving restarts:
 * `guard.json` holds each environment x credential's token-request history (times, failures,
 * the server's Retry-After or ban window; no secrets, so it is plain JSON beside `tokens.json`),
 * and `flights/` the locks that give one process at a time the turn to ask for a token.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/ipc/contract';
import type { GuardRecord, GuardStore, TokenKey } from '../engine';
import { openDataFile, type StoreClass } from '../store/data-file';
import { idOf, keyOf } from '../vault/token-cache';
import { FLIGHT_STALE_MS, withFlightLock } from './flight-lock';

const DAY_MS = 24 * 3600_000;
/** A guard with a zero interval could otherwise grow without end; the dashboard counts an hour. */
const MAX_ATTEMPTS_KEPT = 1000;

const guardRecordSchema = z.object({
  lastAttemptAt: z.number().optional(),
  attempts: z.array(z.number()),
  failures: z.number().int().min(0),
  retryAfterUntil: z.number().optional(),
  sendingSince: z.number().optional(),
});

const guardFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** By `environmentId/credentialId` (each URI-encoded). */
  guards: z.record(z.string(), guardRecordSchema),
});
type GuardFileContent = z.infer<typeof guardFileSchema>;

export interface GuardFileOptions {
  dataDir: string;
  storeClass?: StoreClass;
  problems: StoreProblem[];
  now?: () => number;
  /** How long a turn left by a killed process blocks the others. */
  staleMs?: number;
  /** Caps how long a process waits for another's token request (tests). */
  maxWaitMs?: number;
}

export interface GuardFile extends GuardStore {
  readonly path: string;
  /**
   * Calls `changed` for each environment x credential whose guard changed on disk (another
   * process asked for a token), so the dashboard shows the real counts. Returns a stop function.
   */
  watch(changed: (key: TokenKey) => void, failed: (error: unknown) => void): () => void;
}

/** Writes land as a rename; a short pause lets a burst of them settle into one look. */
const WATCH_SETTLE_MS = 100;

/** Nothing left to protect: no attempt for a day and no server wait pending. */
function spent(record: GuardRecord, now: number): boolean {
  return (record.lastAttemptAt ?? 0) < now - DAY_MS && (record.retryAfterUntil ?? 0) < now;
}

export function openGuardFile(options: GuardFileOptions): GuardFile {
  const now = options.now ?? Date.now;
  const file = openDataFile<GuardFileContent>({
    dataDir: options.dataDir,
    name: 'guard',
    schema: guardFileSchema,
    // Losing it only forgets spacing already honoured; the damaged file is kept aside and reported.
    whenUnreadable: 'start-empty',
    initial: () => ({ schemaVersion: 1, guards: {} }),
    problems: options.problems,
    ...(options.storeClass ? { storeClass: options.storeClass } : {}),
  });
  const flightsDir = path.join(options.dataDir, 'flights');
  // This process announces its own token requests already: watchers skip what it wrote, however
  // late the file event arrives.
  const ownWrites = new Map<string, string>();

  return {
    path: file.path,

    read(key) {
      const record = file.read().guards[idOf(key)];
      return record ? { ...record, attempts: [...record.attempts] } : undefined;
    },

    async write(key, record) {
      const at = now();
      const kept = { ...record, attempts: record.attempts.slice(-MAX_ATTEMPTS_KEPT) };
      ownWrites.set(idOf(key), JSON.stringify(guardRecordSchema.parse(kept)));
      await file.update((current) => {
        const guards = Object.fromEntries(Object.entries(current.guards).filter(([, other]) => !spent(other, at)));
        return { ...current, guards: { ...guards, [idOf(key)]: kept } };
      });
    },

    watch(changed, failed) {
      const snapshot = () => new Map(Object.entries(file.read().guards).map(([id, record]) => [id, JSON.stringify(record)]));
      let seen = snapshot();
      let timer: NodeJS.Timeout | undefined;
      const look = () => {
        try {
          const now = snapshot();
          for (const id of new Set([...seen.keys(), ...now.keys()])) {
            if (seen.get(id) !== now.get(id) && now.get(id) !== ownWrites.get(id)) changed(keyOf(id));
          }
          seen = now;
        } catch (error) {
          failed(error);
        }
      };
      const watcher = fs.watch(options.dataDir, (_event, name) => {
        if (name !== path.basename(file.path)) return;
        clearTimeout(timer);
        timer = setTimeout(look, WATCH_SETTLE_MS);
      });
      watcher.on('error', failed);
      // Watching only refreshes the dashboard: it must not keep a process alive.
      watcher.unref();
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    },

    async exclusive(key, flight, work) {
      fs.mkdirSync(flightsDir, { recursive: true, mode: 0o700 });
      // Ids are user data of any length: a hash makes a safe, short file name.
      const name = createHash('sha256').update(idOf(key)).digest('hex').slice(0, 32);
      const waitMs = Math.min(flight.waitMs, options.maxWaitMs ?? Infinity);
      return withFlightLock(path.join(flightsDir, name), { label: flight.label, waitMs, staleMs: options.staleMs ?? FLIGHT_STALE_MS }, work);
    },
  };
}
