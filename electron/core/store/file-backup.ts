/**
 * The safety copies around a data file: `FILE.bak` (the last good content, refreshed before each
 * write) and `FILE.unreadable-STAMP.json` (a damaged file moved aside, never deleted), and the
 * clean-up of temporary files a killed writer left behind.
 */
import fs from 'node:fs';
import { copyFileDurably, type FileLayer } from './durable-write';

/**
 * Makes `FILE.bak` a real, durable copy of what `FILE` holds right now (same permission bits).
 * A copy rather than a hard link: a link shares its bytes with `FILE`, so anything that ever
 * wrote `FILE` in place would change the backup with it.
 */
export function refreshBackup(filePath: string, files: FileLayer = fs): void {
  if (!fs.existsSync(filePath)) return;
  copyFileDurably(filePath, backupPath(filePath), files);
}

/** The name a damaged file gets when it is moved aside. */
export function asideName(filePath: string, now: Date): string {
  return filePath.replace(/\.json$/, `.unreadable-${now.toISOString().replace(/[:.]/g, '-')}.json`);
}

export function backupPath(filePath: string): string {
  return `${filePath}.bak`;
}

/**
 * Removes temporary files a killed writer left behind (`FILE.tmp-*`, `FILE.bak.tmp-*`, and the
 * `*.tmp` staging files of older versions). Only safe while holding the file's write lock:
 * nobody else is writing.
 */
export function removeLeftoverTempFiles(dir: string, fileName: string): void {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = new RegExp(`^${escaped}(\\.bak)?\\.tmp(-.*)?$`);
  for (const entry of fs.readdirSync(dir)) {
    if (leftover.test(entry)) fs.rmSync(`${dir}/${entry}`, { force: true });
  }
}
