/**
 * Reads a file's text together with its identity (inode, mtime, size) from one open handle, so
 * the two always match: writers replace files by rename and never change them in place.
 */
import fs from 'node:fs';

export interface Snapshot {
  /** Changes whenever the file is replaced or changed. */
  key: string;
  /** Undefined when the key equals the `knownKey` the caller passed: the file was not read. */
  text: string | undefined;
}

/** The file's identity and content, or undefined when there is no such file. */
export function readSnapshot(filePath: string, knownKey?: string): Snapshot | undefined {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const key = identity(fs.fstatSync(fd, { bigint: true }));
    return { key, text: key === knownKey ? undefined : fs.readFileSync(fd, 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** The identity of the file at `filePath` now (it must exist). */
export function fileKey(filePath: string): string {
  return identity(fs.statSync(filePath, { bigint: true }));
}

function identity(stat: fs.BigIntStats): string {
  return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
}
