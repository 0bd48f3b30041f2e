/**
 * Format versions of our data files: every file carries `schemaVersion`; older files are brought
 * up to date by a small ordered list of pure functions, and a file written by a newer Tokenbench
 * is refused (never rewritten), so an older app cannot damage data it does not understand.
 */
import { AppError } from '../../../shared/errors';

type Json = Record<string, unknown>;

/** Turns a file of version `from` into version `from + 1`. Must be pure: it may run on every read. */
export interface Migration {
  from: number;
  migrate: (data: Json) => Json;
}

export interface VersionPolicy {
  /** The version this build writes. */
  current: number;
  /** Ordered by `from`; together they lead from the oldest supported version to `current`. */
  migrations: readonly Migration[];
}

/** Brings `data` to `policy.current`; throws `store-too-new` for a file from a newer Tokenbench. */
export function migrateToCurrent(data: Json, policy: VersionPolicy, fileName: string): Json {
  const found = checkFormatVersion(data, policy, fileName);
  let migrated = data;
  for (let version = found; version < policy.current; version++) {
    const step = policy.migrations.find((migration) => migration.from === version);
    if (!step) throw new Error(`No migration for ${fileName} from format ${version} (a bug in Tokenbench).`);
    migrated = { ...step.migrate(migrated), schemaVersion: version + 1 };
  }
  return migrated;
}

/**
 * The file's format version; throws `store-too-new` for a file from a newer Tokenbench. Checked
 * before anything else about the file (its checksum too): a newer version may check differently.
 */
export function checkFormatVersion(data: Json, policy: VersionPolicy, fileName: string): number {
  const found = data.schemaVersion === undefined ? 1 : data.schemaVersion;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    throw new AppError('store-corrupt', `${fileName} has an unknown format version (${JSON.stringify(found)}).`);
  }
  if (found > policy.current) {
    throw new AppError(
      'store-too-new',
      `${fileName} was written by a newer version of Tokenbench (file format ${found}; this version understands up to ${policy.current}). Nothing was changed.`,
      { hint: 'Update Tokenbench, or point this copy at another data folder with --data-dir.' },
    );
  }
  return found;
}
