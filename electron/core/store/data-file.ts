/**
 * One JSON data file in the data directory, read and written through electron-store's base
 * class `conf` (the Electron main passes `electron-store` itself; the CLI and tests pass
 * `conf`: same options, same file).
 *
 * What it adds on top: validation with a zod schema, a file that cannot be read is moved
 * aside and reported (never silently wiped), and updates are read-modify-write under a
 * cross-process lock so the app and the CLI can write at the same time without losing work.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';

type Json = Record<string, unknown>;
export type StoreClass = new (options: Partial<Options<Json>> & { name?: string }) => Conf<Json>;

export interface DataFileOptions<T extends Json> {
  dataDir: string;
  /** File name without extension, e.g. "workspace". */
  name: string;
  schema: z.ZodType<T, Json>;
  /** What a new, empty file holds. */
  initial: () => T;
  /** `conf` outside Electron, `electron-store` inside it. */
  storeClass?: StoreClass;
  /** Unreadable files found while opening are reported here. */
  problems: StoreProblem[];
}

export interface DataFile<T> {
  readonly path: string;
  read(): T;
  /** Applies `change` to the latest content on disk, under a lock shared with other processes. */
  update(change: (current: T) => T): Promise<T>;
}

export function openDataFile<T extends Json>(options: DataFileOptions<T>): DataFile<T> {
  const StoreClass = options.storeClass ?? (Conf as unknown as StoreClass);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const filePath = path.join(options.dataDir, `${options.name}.json`);

  const construct = () =>
    new StoreClass({
      cwd: options.dataDir,
      name: options.name,
      configName: options.name,
      clearInvalidConfig: false,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });

  let store: Conf<Json>;
  try {
    store = construct();
    parse(store.store);
  } catch (error) {
    const keptAs = setAside(filePath);
    options.problems.push({
      file: filePath,
      keptAs,
      message: `${path.basename(filePath)} could not be read (${describeReadError(error)}). It was kept as ${path.basename(keptAs)} and a new, empty file was started.`,
    });
    store = construct();
  }
  if (!fs.existsSync(filePath)) store.store = options.initial();

  function parse(raw: unknown): T {
    const data = raw && typeof raw === 'object' && Object.keys(raw).length === 0 ? options.initial() : raw;
    const result = options.schema.safeParse(data);
    if (!result.success) {
      throw new AppError('store-corrupt', `${path.basename(filePath)} does not have the expected shape: ${z.prettifyError(result.error)}`);
    }
    return result.data;
  }

  function read(): T {
    let raw: unknown;
    try {
      raw = store.store;
    } catch (error) {
      throw new AppError('store-corrupt', `${path.basename(filePath)} could not be read (${describeReadError(error)}). Nothing was changed; restart Tokenbench to set the file aside.`, { cause: error });
    }
    return parse(raw);
  }

  return {
    path: filePath,
    read,
    async update(change) {
      const release = await acquireLock(filePath);
      try {
        const next = options.schema.parse(change(read()));
        store.store = next;
        return next;
      } finally {
        await release();
      }
    },
  };
}

async function acquireLock(filePath: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(filePath, {
      realpath: false,
      lockfilePath: `${filePath}.lock`,
      stale: 10_000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3 },
    });
  } catch (error) {
    throw new AppError('store-busy', `${path.basename(filePath)} is being written by another Tokenbench process and did not become free in time.`, {
      hint: 'Close other Tokenbench windows or CLI commands using this data directory, then try again.',
      cause: error,
    });
  }
}

function setAside(filePath: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const keptAs = filePath.replace(/\.json$/, `.unreadable-${stamp}.json`);
  fs.renameSync(filePath, keptAs);
  return keptAs;
}

function describeReadError(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error instanceof AppError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
