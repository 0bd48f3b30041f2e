/**
 * One JSON data file in the data directory, in the format electron-store and `conf` use, but
 * written by our own durable writer (`durable-write.ts`): every byte written and fsynced, size
 * checked, then renamed into place; a full disk is an error and the old file stays.
 *
 * What it adds on top:
 * - validation with a zod schema, and format versions with migrations (`migrations.ts`);
 * - a checksum and save count in every file (`integrity.ts`): content that does not match it
 *   is damage, even when it reads as valid JSON of the right shape;
 * - `FILE.bak`, a real copy of the last good content, refreshed before every write;
 * - a damaged file is reported and, at the next save, set aside (never overwritten); while it
 *   is damaged, reads use the backup if it is good. A missing file with a good backup is
 *   recovered from the backup; one missing with its backup is named if the folder's manifest
 *   (`manifest.ts`) lists it. All repairs happen under the write lock;
 * - updates are read-modify-write under a lock shared with other processes, so the app and the
 *   CLI can write at the same time without losing work;
 * - reads are cached by the file's identity (inode, mtime, size), so repeated reads do not
 *   re-parse. Cached content is frozen: change it only through `update`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { default as Conf, Options } from 'conf';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { writeFileDurably, type FileLayer } from './durable-write';
import { asideName, backupPath, refreshBackup, removeLeftoverTempFiles } from './file-backup';
import { DEFAULT_LOCK_STALE_MS, withFileLock } from './file-lock';
import { checkIntegrity, withChecksum } from './integrity';
import { openManifest } from './manifest';
import { checkFormatVersion, migrateToCurrent, type VersionPolicy } from './migrations';
import { fileKey, readSnapshot } from './snapshot';

type Json = Record<string, unknown>;
/**
 * electron-store's class, which the Electron main still passes down. Files are no longer written
 * through it (its atomic-write dependency takes a short write for success), so it is not used.
 */
export type StoreClass = new (options: Partial<Options<Json>> & { name?: string }) => Conf<Json>;

export interface DataFileOptions<T extends Json> {
  dataDir: string;
  /** File name without extension, e.g. "workspace". */
  name: string;
  schema: z.ZodType<T, Json>;
  /** What a new, empty file holds. */
  initial: () => T;
  /** Not used any more (see `StoreClass`); accepted so callers need not change at once. */
  storeClass?: StoreClass;
  /** The file operations under the writer; tests pass one that fails on purpose. */
  fileLayer?: FileLayer;
  /**
   * Also keep a verified copy as `FILE.bak` right after the first write (for `vault.json`: the
   * key slots are the one thing whose loss loses everything).
   */
  copyFirstWrite?: boolean;
  /** Unreadable files found while opening or reading are reported here. */
  problems: StoreProblem[];
  /** Format version and migrations; version 1 without migrations by default. */
  version?: VersionPolicy;
  /**
   * When the file is damaged and there is no good backup: start an empty file (the damaged one
   * is kept aside), or refuse to read and write it at all (for files whose loss would hurt, like
   * the vault).
   */
  whenUnreadable?: 'start-empty' | 'refuse';
  /** How long a lock left by a killed process blocks others. */
  lockStaleMs?: number;
  now?: () => Date;
}

export interface DataFile<T> {
  readonly path: string;
  /** The current content (frozen; cached until the file changes on disk). */
  read(): T;
  /** Applies `change` to the latest content on disk, under a lock shared with other processes. */
  update(change: (current: T) => T): Promise<T>;
}

/** Content as read, with the number of saves that led to it (undefined: saved before checksums). */
interface Saved<T> {
  value: T;
  generation: number | undefined;
}

/** What is on disk right now, and what to do about it. */
type DiskState<T> =
  | ({ kind: 'ok' } & Saved<T>)
  | { kind: 'missing'; fallback: Saved<T> | undefined; lost: string | undefined }
  | { kind: 'damaged'; error: AppError; fallback: Saved<T> | undefined };

export function openDataFile<T extends Json>(options: DataFileOptions<T>): DataFile<T> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const fileName = `${options.name}.json`;
  const filePath = path.join(options.dataDir, fileName);
  const policy = options.version ?? { current: 1, migrations: [] };
  const now = options.now ?? (() => new Date());
  const reported = new Set<string>();
  const files = options.fileLayer ?? fs;
  const manifest = openManifest({ dataDir: options.dataDir, fileName, problems: options.problems, files, lockStaleMs: options.lockStaleMs, now });
  let cache: ({ key: string } & Saved<T>) | undefined;
  let cleanedUp = false;

  function decode(text: string, label: string): Saved<T> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('store-corrupt', `${label} is damaged: ${describeBrokenJson(text)}.`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new AppError('store-corrupt', `${label} is damaged: it does not hold a JSON object.`);
    }
    const checked = checkIntegrity(raw as Json);
    try {
      checkFormatVersion(raw as Json, policy, label);
    } catch (error) {
      // One flipped bit turns format 1 into 9 as well: say both, and let the user tell which.
      if (error instanceof AppError && error.code === 'store-too-new' && 'damage' in checked) {
        throw new AppError('store-too-new', `${error.message} But ${checked.damage}, so it may be damaged instead.`, {
          hint: `If a newer Tokenbench uses this data folder, update this one. If not, put ${fileName}.bak or your own backup of ${fileName} in its place.`,
        });
      }
      throw error;
    }
    if ('damage' in checked) throw new AppError('store-corrupt', `${label} is damaged: ${checked.damage}.`);
    const migrated = migrateToCurrent(checked.content, policy, label);
    const result = options.schema.safeParse(migrated);
    if (!result.success) {
      throw new AppError('store-corrupt', `${label} does not have the expected shape: ${z.prettifyError(result.error)}`);
    }
    return { value: result.data, generation: checked.generation };
  }

  function readBackup(): Saved<T> | undefined {
    const snapshot = readSnapshot(backupPath(filePath));
    if (!snapshot?.text) return undefined;
    try {
      return decode(snapshot.text, `${fileName}.bak`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'store-too-new') throw error;
      return undefined;
    }
  }

  function inspect(): DiskState<T> {
    const snapshot = readSnapshot(filePath, cache?.key);
    if (!snapshot) {
      const fallback = readBackup();
      return { kind: 'missing', fallback, lost: fallback ? undefined : manifest.lostFile(fileName) };
    }
    if (snapshot.text === undefined && cache) return { kind: 'ok', value: cache.value, generation: cache.generation };
    try {
      const saved = decode(snapshot.text ?? '', fileName);
      cache = { key: snapshot.key, value: deepFreeze(saved.value), generation: saved.generation };
      return { kind: 'ok', ...cache };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'store-corrupt') throw error;
      return { kind: 'damaged', error, fallback: readBackup() };
    }
  }

  // Chosen when the damage is found, so the name in the report is the name the file really gets.
  let keptAs: string | undefined;
  const keptAsName = () => (keptAs ??= asideName(filePath, now()));

  function report(state: Exclude<DiskState<T>, { kind: 'ok' }>): void {
    const key = state.kind === 'missing' ? 'missing' : `damaged:${state.error.message}`;
    if (state.kind === 'missing' && !state.fallback && !state.lost) return;
    if (reported.has(key)) return;
    reported.add(key);
    if (state.kind === 'missing' && state.lost) {
      // Nothing is left to keep: say what is gone and how to get it back.
      const message = `${state.lost} What it held is lost to Tokenbench: put your own backup of ${fileName} back in ${options.dataDir}, or carry on, and a new, empty ${fileName} is started at the next save.`;
      options.problems.push({ file: filePath, message });
      return;
    }
    const message =
      state.kind === 'missing'
        ? `${fileName} was missing. ${recoveredFromBackup(state.fallback)} It will be written back at the next save.`
        : state.fallback
          ? `${state.error.message} ${recoveredFromBackup(state.fallback)} The damaged file will be kept as ${path.basename(keptAsName())}.`
          : options.whenUnreadable === 'refuse'
            ? `${state.error.message} Nothing was changed.`
            : `${state.error.message} It will be kept as ${path.basename(keptAsName())} and a new, empty file started at the next save. What it held is in that file: repair it, or put your own backup of ${fileName} in its place.`;
    options.problems.push({ file: filePath, keptAs: state.kind === 'missing' ? backupPath(filePath) : keptAsName(), message });
  }

  /** What a recovery from `.bak` brings back and what it loses: the backup is the content before the last save. */
  function recoveredFromBackup(backup: Saved<T> | undefined): string {
    const savedAt = (file: string) => {
      try {
        return fs.statSync(file).mtime.toISOString();
      } catch {
        return undefined;
      }
    };
    const backupAt = savedAt(backupPath(filePath));
    const lastAt = savedAt(filePath);
    const saveNumber = (generation: number | undefined) => (generation === undefined ? '' : `save ${generation} of ${fileName}, `);
    const lostSave = backup?.generation === undefined ? undefined : backup.generation + 1;
    return (
      `Tokenbench recovered it from its last good copy (${fileName}.bak, ${saveNumber(backup?.generation)}made at ${backupAt ?? 'an unknown time'}); ` +
      `the last change saved to ${fileName} after that (${saveNumber(lostSave)}${lastAt ? `at ${lastAt}` : 'time unknown'}) is lost and must be made again.`
    );
  }

  function refuse(error: AppError): never {
    throw new AppError('store-corrupt', `${error.message} Nothing was changed.`, {
      hint: `Restore ${fileName} from your own backup, or move it out of ${options.dataDir} to start over (what it held is then lost to Tokenbench).`,
    });
  }

  /** The content to work with, without touching the disk. */
  function current(state: DiskState<T>): T {
    if (state.kind === 'ok') return state.value;
    report(state);
    if (state.fallback) return state.fallback.value;
    if (state.kind === 'damaged' && options.whenUnreadable === 'refuse') refuse(state.error);
    return options.initial();
  }

  function read(): T {
    return current(inspect());
  }

  function write(next: T, generation: number): void {
    // Tab-indented like electron-store's files, so older versions read them as before.
    writeFileDurably(filePath, JSON.stringify(withChecksum(next, generation), undefined, '\t'), { files });
    if (options.copyFirstWrite && !fs.existsSync(backupPath(filePath))) keepVerifiedCopy(next);
  }

  function keepVerifiedCopy(next: T): void {
    refreshBackup(filePath, files);
    const copy = readSnapshot(backupPath(filePath))?.text;
    if (copy === undefined || JSON.stringify(decode(copy, `${fileName}.bak`).value) !== JSON.stringify(next)) {
      throw new AppError('store-write-failed', `${fileName} was saved, but its safety copy ${fileName}.bak does not read back the same.`, {
        hint: 'Check the disk that holds the data folder, then try again.',
      });
    }
  }

  // Report problems (and refuse unreadable or too-new files) as soon as the file is opened.
  read();

  return {
    path: filePath,
    read,
    update(change) {
      return withFileLock(filePath, options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, async () => {
        if (!cleanedUp) {
          removeLeftoverTempFiles(options.dataDir, fileName);
          cleanedUp = true;
        }
        const state = inspect();
        const next = options.schema.parse(change(current(state)));
        const generation = ((state.kind === 'ok' ? state.generation : state.fallback?.generation) ?? 0) + 1;
        await manifest.listExisting();
        if (state.kind === 'ok') refreshBackup(filePath, files);
        if (state.kind === 'damaged') {
          fs.renameSync(filePath, keptAsName());
          keptAs = undefined;
        }
        if (state.kind !== 'ok') reported.clear();
        write(next, generation);
        const value = deepFreeze(next);
        cache = { key: fileKey(filePath), value, generation };
        return value;
      });
    },
  };
}

function describeBrokenJson(text: string): string {
  if (text.trim() === '') return 'it is empty';
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message);
    // The parser gave up at the very end: the rest of the file is missing.
    if (/end of JSON input/.test(message) || (position && Number(position[1]) >= text.trimEnd().length)) return 'it ends early (it looks cut short)';
  }
  return 'it is not valid JSON';
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
