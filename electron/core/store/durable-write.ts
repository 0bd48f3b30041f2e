/**
 * Replacing a data file so that it is either the old content or the whole new content, never
 * anything in between, even on a full disk or a power cut:
 * - the new content goes to a temporary file next to it, written until every byte is down (a
 *   short write is continued, never taken as done), then fsynced;
 * - its size is checked against what was meant to be written before it replaces the file by
 *   rename (never written in place), and the folder is fsynced so the rename itself lasts;
 * - a file that already exists keeps its permission bits; new files are private (0600);
 * - any failure (ENOSPC above all) removes the temporary file, leaves the old file as it was and
 *   becomes an error that names the file and says what to do.
 *
 * The file operations come in through `FileLayer`, so tests can run this same code over a
 * layer that cuts writes short or runs out of space at a chosen byte.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

/** The synchronous file operations the writer uses (node:fs has them all). */
export type FileLayer = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'fstatSync' | 'fchmodSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'statSync' | 'readFileSync'
>;

export const NEW_FILE_MODE = 0o600;

/** Writes `content` to `filePath` durably (see above). Throws an AppError; the old file is then untouched. */
export function writeFileDurably(filePath: string, content: string | Buffer, options: { files?: FileLayer; mode?: number } = {}): void {
  const files = options.files ?? fs;
  // Buffer.from copies a Buffer whatever the encoding, so `Buffer.from(content)` for both (a mutant) is equivalent.
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  const mode = options.mode ?? existingMode(files, filePath) ?? NEW_FILE_MODE;
  const temp = `${filePath}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  let fd: number | undefined;
  try {
    fd = files.openSync(temp, 'wx', mode);
    // The umask may have taken bits away; the file gets exactly the mode it had before.
    files.fchmodSync(fd, mode);
    let written = 0;
    while (written < data.length) {
      const count = files.writeSync(fd, data, written, data.length - written, written);
      if (!(count > 0)) throw Object.assign(new Error(`wrote ${written} of ${data.length} bytes and the disk took no more`), { code: 'ENOSPC' });
      written += count;
    }
    files.fsyncSync(fd);
    const size = files.fstatSync(fd).size;
    if (size !== data.length) throw Object.assign(new Error(`the new file holds ${size} bytes instead of ${data.length}`), { code: 'EIO' });
    files.closeSync(fd);
    fd = undefined;
    files.renameSync(temp, filePath);
  } catch (error) {
    if (fd !== undefined) closeQuietly(files, fd);
    files.rmSync(temp, { force: true });
    throw writeError(filePath, error);
  }
  syncFolder(files, path.dirname(filePath));
}

/**
 * A real, durable copy of `from` at `to` (same bytes, same permission bits). A source that cannot
 * be read is an AppError naming it; `to` is then untouched.
 */
export function copyFileDurably(from: string, to: string, files: FileLayer = fs): void {
  let content: Buffer;
  try {
    content = files.readFileSync(from);
  } catch (error) {
    throw readError(from, to, error);
  }
  writeFileDurably(to, content, { files, mode: existingMode(files, from) ?? NEW_FILE_MODE });
}

function readError(from: string, to: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'it does not exist (it was moved or deleted)' : code === 'EACCES' || code === 'EPERM' ? `Tokenbench may not read it (${code})` : `it could not be read (${error instanceof Error ? error.message : String(error)})`;
  return new AppError(code === 'ENOENT' ? 'not-found' : 'store-write-failed', `${from} could not be copied to ${path.basename(to)}: ${what}. ${path.basename(to)} was not changed.`, {
    hint: code === 'ENOENT' ? `Check that ${path.basename(from)} is in ${path.dirname(from)}.` : `Check that ${path.dirname(from)} can be read by you.`,
    cause: error,
  });
}

function existingMode(files: FileLayer, filePath: string): number | undefined {
  try {
    return files.statSync(filePath).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError(filePath, error);
  }
}

/** Makes a rename in `dir` survive a power cut. Some systems cannot fsync a folder; they need not. */
export function syncFolder(files: FileLayer, dir: string): void {
  let fd: number | undefined;
  try {
    fd = files.openSync(dir, 'r');
    files.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw writeError(dir, error);
  } finally {
    if (fd !== undefined) closeQuietly(files, fd);
  }
}

function closeQuietly(files: FileLayer, fd: number): void {
  try {
    files.closeSync(fd);
  } catch {
    // Already failing: the first error is the one worth reporting.
  }
}

function writeError(filePath: string, error: unknown): AppError {
  const name = path.basename(filePath);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('disk-full', `${name} could not be saved: the disk is full. The previous ${name} is unchanged, and this change was not saved.`, {
      hint: `Free some space on the disk that holds ${path.dirname(filePath)}, then try again.`,
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('store-write-failed', `${name} could not be saved: Tokenbench may not write in ${path.dirname(filePath)} (${code}). Nothing was changed.`, {
      hint: 'Check that the data folder is writable by you and not on a read-only disk.',
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('store-write-failed', `${name} could not be saved (${reason}). The previous ${name} is unchanged, and this change was not saved.`, {
    hint: 'Check the disk that holds the data folder, then try again.',
    cause: error,
  });
}
